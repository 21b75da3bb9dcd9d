// The hook's dependencies for in-process tests: the real engine and decision path, the default policy,
// and a scripted window that records every request it is asked and answers with `answer`.
import { decideWithPerson } from '../../../src/cli/decideWithPerson';
import type { HookDeps } from '../../../src/cli/hooks/answerHook';
import { defaultPolicy } from '../../../src/engine/policy';
import type { AskExtensionRequest, AskResult } from '../../../src/protocol/askClient';

export function scriptedDeps(answer: (r: AskExtensionRequest) => AskResult): HookDeps & { asked: AskExtensionRequest[] } {
  const asked: AskExtensionRequest[] = [];
  return {
    asked,
    cwd: '/fallback',
    decide: (action, origin, cwd) =>
      decideWithPerson(action, origin, {
        cwd,
        policy: defaultPolicy(),
        env: {},
        ask: async (r) => {
          asked.push(r);
          return answer(r);
        },
      }),
  };
}
