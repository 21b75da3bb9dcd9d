// A command that carries a secret. On its own this only informs (severity low → allow): calling an
// API with a token is ordinary. Next to a destructive finding the engine raises that finding one
// step, and the modal shows which credential (masked) would make the destruction work.
import type { Rule, RuleHit, RulePack } from '../types';
import { findCredentials } from '../credentials';

const KIND_WORDS: Record<string, string> = {
  bearer: 'a bearer token',
  basic: 'a basic-auth password',
  'url-password': 'a password',
  'token-variable': 'a secret',
  'api-key-header': 'an API key',
  'flag-token': 'a secret',
};

const carried: Rule = {
  id: 'credential.carried',
  category: 'credential',
  severity: 'low',
  commands: ['*'],
  // Raw-text words one of which every detected credential form contains. Informational only: a
  // prefilter that skips a line without them loses a note, never a decision.
  triggers: [
    'Authorization', 'authorization', 'Bearer', 'TOKEN', 'Token', 'token', 'SECRET', 'Secret', 'secret',
    'PASSWORD', 'Password', 'password', 'PASSWD', 'PWD', 'KEY', 'Key', 'key', 'AUTH', 'auth', 'Cookie', 'cookie',
    '://', '-u', '--user', '-p', '-a', '-P', '--pass',
  ],
  summary: 'carries a credential',
  rationale:
    'A destructive command that carries a working credential (a bearer token, a password in a URL, a token ' +
    'variable) is one that will succeed; the person should see which secret it uses. Shown masked.',
  match(cmd) {
    const found = findCredentials(cmd);
    if (found.length === 0) return null;
    return found.map(
      (c): RuleHit => ({
        summary: `carries ${KIND_WORDS[c.kind] ?? 'a credential'} (\`${c.masked}\`) in the ${c.where}`,
        target: c.masked,
      }),
    );
  },
};

export const CREDENTIAL_RULES: RulePack = { name: 'credential', rules: [carried] };

/** The pack under the name the brief asked for. */
export const credentialRules = CREDENTIAL_RULES;
