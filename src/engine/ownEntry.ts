// A table keyed by command names or words, read safely: a command named `constructor`, `toString` or
// `__proto__` must find nothing, not the methods every object inherits (it made the engine fail on such
// names, which then asked).
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
