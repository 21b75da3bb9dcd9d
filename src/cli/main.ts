// `agent-guard` CLI entry. Never imports `vscode`: it runs with plain node from hooks and shells.
function main(argv: string[]): number {
  process.stderr.write(`agent-guard: not implemented yet: ${argv.join(' ')}\n`);
  return 10;
}

process.exitCode = main(process.argv.slice(2));
