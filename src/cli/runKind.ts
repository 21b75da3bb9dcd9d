// What kind of run this process was (`fast-answer`, `check:0`, `hook:2` …), for the code cache
// (entryCodeCache.ts): its data is rewritten once for each new kind, so it comes to hold the functions
// every kind of run compiles, not only those of the first run. A registered symbol, because the loader
// and the bundles it runs each have their own copy of this module.
const KIND = Symbol.for('agent-guard.run-kind');

export function noteRunKind(kind: string): void {
  (globalThis as Record<symbol, unknown>)[KIND] = kind;
}

export function runKind(): string | undefined {
  const k = (globalThis as Record<symbol, unknown>)[KIND];
  return typeof k === 'string' ? k : undefined;
}
