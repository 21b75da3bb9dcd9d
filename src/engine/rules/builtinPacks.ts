// The built-in rule packs, in the order their findings are reported.
// To add a pack: write `src/engine/rules/<domain>Rules.ts` exporting a RulePack, import it here.
import type { RulePack } from '../types';
import { CLOUD_RULES } from './cloudRules';
import { HTTP_RULES } from './httpRules';

export const BUILTIN_PACKS: readonly RulePack[] = [CLOUD_RULES, HTTP_RULES];
