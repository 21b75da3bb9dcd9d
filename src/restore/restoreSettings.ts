// `agentGuard.restorePoints.*`: the typed values and their coercion (pure, so the window's bundle can
// use it without the CLI's settings reader). A value that is not a sane number falls back to the
// default: a broken setting must not switch undo off.

export interface RestoreSettings {
  enabled: boolean;
  /** Quota of the whole store. */
  maxBytes: number;
  maxAgeDays: number;
}

export const RESTORE_DEFAULTS: RestoreSettings = Object.freeze({
  enabled: true,
  maxBytes: 2 * 1024 * 1024 * 1024,
  maxAgeDays: 14,
});

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** Coerces raw values (the resolver's `restorePoints`) into settings. */
export function restoreSettingsFrom(raw: unknown): RestoreSettings {
  if (!isObject(raw)) return { ...RESTORE_DEFAULTS };
  const num = (v: unknown, d: number): number => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : d);
  return {
    enabled: typeof raw.enabled === 'boolean' ? raw.enabled : RESTORE_DEFAULTS.enabled,
    maxBytes: num(raw.maxBytes, RESTORE_DEFAULTS.maxBytes),
    maxAgeDays: num(raw.maxAgeDays, RESTORE_DEFAULTS.maxAgeDays),
  };
}
