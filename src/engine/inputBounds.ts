// The most the engine reads in full. A command line, or the text of a tool call, past this bound is not
// read at all: it asks, saying it was too long to read. Every expression in the engine is linear, so the
// bound is not what keeps it fast; it keeps the worst case small (a 1.2 MB hook payload is answered at
// once) and gives the person a plain reason instead of a slow or partial reading. Files a command runs
// have their own bounds (files/).
import type { Action, Finding, Verdict } from './types';
import { UNKNOWN_ENVIRONMENT } from './environment/resolveEnvironment';

/** 64 KiB of characters: far above any command a person types or an agent sends, far below a payload built to stall. */
export const MAX_READ_CHARS = 64 * 1024;

export const TOO_LONG_RULE = 'opaque.too-long';

/** Characters of every string in `value` (keys too), counting no further than `limit`. */
export function textSize(value: unknown, limit: number): number {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && total <= limit) {
    const v = stack.pop();
    if (typeof v === 'string') total += v.length;
    else if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        total += k.length;
        stack.push(x);
      }
    }
  }
  return total;
}

function tooLongFinding(size: number, what: string): Finding {
  const summary = `is too long to read (${what} of more than ${Math.floor(size / 1024)} KiB; the guard reads at most ${MAX_READ_CHARS / 1024} KiB)`;
  return {
    rule: TOO_LONG_RULE,
    category: 'opaque',
    severity: 'high',
    summary,
    agentMessage:
      `Agent Guard stopped this: it ${summary} (rule ${TOO_LONG_RULE}). Do not split it up or send it another way: ` +
      'stop and ask the person to review and run it themselves.',
    source: 'builtin',
  };
}

/** A verdict that asks when `action` holds more text than the engine reads; undefined when it is within the bound. */
export function tooLongToRead(action: Action): Verdict | undefined {
  const size = action.kind === 'shell' ? action.command.length : textSize(action.args, MAX_READ_CHARS);
  if (size <= MAX_READ_CHARS) return undefined;
  // Asked whatever the policy says: a bound reached is never an allow.
  return { decision: 'confirm', findings: [tooLongFinding(size, action.kind === 'shell' ? 'a command line' : 'a tool call')], environment: UNKNOWN_ENVIRONMENT };
}
