// Checks the settings that are not part of the engine's policy (the engine's `compilePolicy` checks
// rules, disabled rules, environments and decisions). A bad value is named and the last good one kept.
import { DEFAULTS, SECTION, SettingId } from './settingTable';
import type { RawSettings } from './resolveSettings';

export interface SettingProblem {
  path: string;
  message: string;
}

export function validateOwnSettings(s: RawSettings): { timeoutSeconds: number; logMaxEntries: number; errors: SettingProblem[] } {
  const errors: SettingProblem[] = [];
  let timeoutSeconds: number = DEFAULTS.confirmTimeoutSeconds;
  const t = s.confirmTimeoutSeconds;
  if (typeof t === 'number' && Number.isFinite(t) && t >= 10 && t <= 3600) timeoutSeconds = Math.round(t);
  else errors.push({ path: `${SECTION}.${SettingId.confirmTimeoutSeconds}`, message: 'must be a number of seconds between 10 and 3600' });
  let logMaxEntries: number = DEFAULTS.logMaxEntries;
  const m = s.logMaxEntries;
  if (typeof m === 'number' && Number.isInteger(m) && m >= 100 && m <= 1_000_000) logMaxEntries = m;
  else errors.push({ path: `${SECTION}.${SettingId.logMaxEntries}`, message: 'must be a whole number between 100 and 1000000' });
  return { timeoutSeconds, logMaxEntries, errors };
}

/** One message for every problem, naming each setting. */
export function settingsErrorMessage(errors: readonly SettingProblem[]): string {
  const first = errors.slice(0, 3).map((e) => `${e.path} ${e.message}`);
  const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : '';
  return `Agent Guard: invalid setting ${first.join('; ')}${more}. The last valid settings stay in force.`;
}
