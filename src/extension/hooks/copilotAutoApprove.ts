// An extra layer for Copilot: `chat.tools.terminal.autoApprove` entries set to `false`, so Copilot's own
// approval prompt appears for command lines the rules care about. Copilot skips this setting in its
// bypass/autopilot modes, so it is never the only guard — the hook is. Keys use VS Code's `/regex/flags`
// form; each is included only while a rule of its category is active in the policy.
import type { Policy } from '../../engine/policy';

export interface AutoApproveDeny {
  /** Rule category this entry stands for. */
  category: string;
  key: string;
  why: string;
}

export const AUTO_APPROVE_DENY: readonly AutoApproveDeny[] = [
  { category: 'sql', key: '/\\b(DROP\\s+(TABLE|DATABASE|SCHEMA)|TRUNCATE\\s+(TABLE\\s+)?\\w)/i', why: 'drops or empties tables' },
  { category: 'sql', key: '/\\b(dropdb|mysqladmin\\s+(-\\S+\\s+)*drop)\\b/', why: 'drops a database' },
  { category: 'database', key: '/\\b(FLUSHALL|FLUSHDB|dropDatabase)\\b/i', why: 'wipes a Redis or Mongo database' },
  { category: 'database', key: '/\\b(prisma\\s+migrate\\s+reset|db:(drop|reset)|migrate:fresh)\\b/', why: 'resets a database' },
  { category: 'cloud', key: '/\\brailway\\s+(volume\\s+delete|environment\\s+delete|down|delete)\\b/', why: 'deletes Railway volumes, environments or deployments' },
  { category: 'cloud', key: '/\\b(aws\\s+\\S+\\s+(delete|terminate)-|gcloud\\s+.*\\sdelete\\b|az\\s+.*\\sdelete\\b)/', why: 'deletes cloud resources' },
  { category: 'cloud', key: '/\\b(fly|flyctl)\\s+(apps\\s+destroy|volumes\\s+(destroy|delete)|destroy)\\b/', why: 'destroys Fly apps or volumes' },
  { category: 'http', key: '/\\b(volumeDelete|projectDelete|serviceDelete|environmentDelete|volumeInstanceBackupDelete)\\b/', why: 'sends a Railway GraphQL delete mutation' },
  { category: 'http', key: '/\\bcurl\\b.*(-X\\s*DELETE|--request\\s+DELETE)/', why: 'sends an HTTP DELETE' },
  { category: 'git', key: '/\\bgit\\s+push\\b.*\\s(--force|-f|--mirror|--delete)\\b/', why: 'rewrites or deletes remote history' },
  { category: 'git', key: '/\\bgit\\s+(reset\\s+--hard|clean\\s+-\\w*f|branch\\s+-D|stash\\s+(drop|clear)|reflog\\s+expire)\\b/', why: 'discards local work' },
  { category: 'filesystem', key: '/\\brm\\s+(-\\w*[rR]\\w*f|-\\w*f\\w*[rR]|--recursive)\\b/', why: 'deletes folders recursively' },
  { category: 'kubernetes', key: '/\\b(kubectl\\s+delete|helm\\s+uninstall)\\b/', why: 'deletes cluster resources' },
  { category: 'iac', key: '/\\b(terraform\\s+(destroy|apply\\s+.*-destroy|state\\s+rm)|pulumi\\s+(destroy|stack\\s+rm))\\b/', why: 'destroys infrastructure' },
  { category: 'container', key: '/\\bdocker\\s+(volume\\s+(rm|prune)|system\\s+prune\\b.*--volumes|compose\\s+down\\b.*\\s-v\\b)/', why: 'deletes container volumes' },
  { category: 'disk', key: '/\\b(mkfs(\\.\\w+)?|wipefs|shred)\\b|\\bdd\\b.*\\bof=\\/dev\\//', why: 'overwrites a disk' },
];

/** Categories of the rules active in `policy` (disabled rules are already left out of it). */
export function activeCategories(policy: Policy): Set<string> {
  const out = new Set<string>();
  const add = (rules: Iterable<{ category: string }>): void => {
    for (const r of rules) out.add(String(r.category));
  };
  for (const rules of policy.rulesByCommand.values()) add(rules);
  add(policy.wildcardRules);
  return out;
}

export function autoApproveDenyEntries(categories: ReadonlySet<string>): Record<string, false> {
  const out: Record<string, false> = {};
  for (const e of AUTO_APPROVE_DENY) if (categories.has(e.category)) out[e.key] = false;
  return out;
}

/**
 * Adds our deny keys to the person's setting. A key the person already set is left as they set it;
 * `added` lists only the keys we wrote, so removal takes out exactly those.
 */
export function mergeAutoApprove(existing: unknown, ours: Record<string, false>): { merged: Record<string, unknown>; added: string[] } {
  const merged: Record<string, unknown> = existing && typeof existing === 'object' && !Array.isArray(existing) ? { ...(existing as Record<string, unknown>) } : {};
  const added: string[] = [];
  for (const [k, v] of Object.entries(ours)) {
    if (!(k in merged)) {
      merged[k] = v;
      added.push(k);
    }
  }
  return { merged, added };
}

export function unmergeAutoApprove(existing: unknown, added: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = existing && typeof existing === 'object' && !Array.isArray(existing) ? { ...(existing as Record<string, unknown>) } : {};
  for (const k of added) if (out[k] === false) delete out[k];
  return out;
}
