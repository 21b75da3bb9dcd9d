// Secrets a command carries: bearer tokens, basic auth, passwords in URLs, tokens in variables
// and flags. The modal says "this command carries a token" (masked) because a destructive call
// made with a real credential is the one that actually works; the log gets the line masked.
// Pure: only strings in, strings out; every regex is compiled here, once.
import type { SimpleCommand } from './types';
import { ownEntry } from './ownEntry';

export type CredentialKind = 'bearer' | 'basic' | 'url-password' | 'token-variable' | 'api-key-header' | 'flag-token';

export interface Credential {
  kind: CredentialKind;
  /** Safe to show and log: `ghp_…9Z`, `****`, or the variable reference itself (`$RAILWAY_TOKEN`). */
  masked: string;
  /** The secret as written. Never log or display this; it is here so callers can look it up. */
  secret: string;
  /** For the person: where it stands, e.g. "Authorization header", "URL postgres://app@db…". */
  where: string;
}

/** Secrets shorter than this are masked whole: showing 6 of 8 characters would give them away. */
const MIN_PARTIAL = 12;
const FULL_MASK = '****';

export function maskSecret(secret: string): string {
  if (secret.length < MIN_PARTIAL) return FULL_MASK;
  return `${secret.slice(0, 4)}…${secret.slice(-2)}`;
}

/** `$TOKEN`, `${TOKEN}`, `$(cat f)`: names where a secret comes from, not secrets; shown as they are. */
const REFERENCE = /^\$(\{?[A-Za-z_][A-Za-z0-9_]*\}?|\(.*\))$/s;

function maskValue(value: string): string {
  return REFERENCE.test(value) ? value : maskSecret(value);
}

// ---------------------------------------------------------------------------------------------
// What counts as a secret name.

/** Variable names that hold secrets: GITHUB_TOKEN, OPENAI_API_KEY, AWS_SECRET_ACCESS_KEY, PGPASSWORD, MYSQL_PWD. Not TOKENIZERS_PARALLELISM. */
const SECRET_VARIABLE =
  /(^|_)(TOKEN|SECRET|PASSWORD|PASSWD|PWD|API_?KEY|APIKEY|ACCESS_KEY|PRIVATE_KEY|AUTH|CREDENTIALS?)(_|$)|(PASSWORD|TOKEN|SECRET|APIKEY)$/i;

/** The shell's own working-directory variables end in PWD but hold paths. */
const NOT_SECRET_VARIABLES = new Set(['PWD', 'OLDPWD']);

function isSecretVariable(name: string): boolean {
  return SECRET_VARIABLE.test(name) && !NOT_SECRET_VARIABLES.has(name);
}

/** Header names that carry a secret besides Authorization: x-api-key, private-token, Project-Access-Token, x-vault-token, cookie. */
const SECRET_HEADER = /(api[-_]?key|token|secret|^cookie$|^x-auth)/i;

/** Long flags whose value is a secret. */
const SECRET_FLAGS = new Set([
  '--token', '--api-key', '--apikey', '--api-token', '--password', '--pass', '--access-token', '--auth-token',
  '--secret', '--client-secret', '--oauth2-bearer', '--bearer', '--private-token', '--with-token',
  '--http-password', '--ftp-password', '--proxy-password', '--secret-key', '--access-key-secret',
]);

/** Short flags that take a password, per command (the same letter means "user" or "port" elsewhere). */
const SHORT_PASSWORD_FLAGS: Record<string, { flag: string; attachedOnly: boolean }> = {
  mysql: { flag: '-p', attachedOnly: true },
  mariadb: { flag: '-p', attachedOnly: true },
  mysqldump: { flag: '-p', attachedOnly: true },
  mysqladmin: { flag: '-p', attachedOnly: true },
  'redis-cli': { flag: '-a', attachedOnly: false },
  sqlcmd: { flag: '-P', attachedOnly: false },
  mongosh: { flag: '-p', attachedOnly: false },
  mongo: { flag: '-p', attachedOnly: false },
};

/** Commands whose `-u user:pass` / `--user user:pass` (curl) or `-a`/`--auth user:pass` (httpie, xh) is HTTP basic auth. */
const BASIC_AUTH_COMMANDS = new Set(['curl', 'http', 'https', 'xh', 'xhs']);
const BASIC_AUTH_SHORT: Record<string, string> = { curl: '-u', http: '-a', https: '-a', xh: '-a', xhs: '-a' };
/** httpie/xh take headers as bare `Name:value` items. */
const HEADER_ITEM_COMMANDS = new Set(['http', 'https', 'xh', 'xhs']);

const ARG_ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
const URL_USERINFO = /\b([a-z][a-z0-9+.-]{0,31}):\/\/([^\s:@/'"]*):([^\s@/'"]+)@([^\s/'"?#]*)/gi;
const HEADER_LINE = /^\s*([A-Za-z0-9_-]+)\s*:\s*(\S(?:[\s\S]*\S)?)?\s*$/;
const AUTH_SCHEME = /^(\S+)\s+(\S.*)$/s;

// ---------------------------------------------------------------------------------------------
// From a parsed simple command.

export function findCredentials(cmd: SimpleCommand): Credential[] {
  const found: Credential[] = [];
  const add = (c: Credential): void => {
    if (c.secret && !found.some((f) => f.secret === c.secret)) found.push(c);
  };

  // Own keys in insertion order, as Object.entries gives them, without building the pairs (most commands have none).
  const assignments = cmd.assignments;
  for (const name in assignments) {
    if (!Object.prototype.hasOwnProperty.call(assignments, name)) continue;
    const value = assignments[name];
    if (!value) continue;
    if (isSecretVariable(name)) {
      add({ kind: 'token-variable', secret: value, masked: maskValue(value), where: `variable ${name}` });
    } else {
      urlPasswords(value, add);
    }
  }

  const args = cmd.args;
  // What depends on the command's name alone, looked up once rather than per argument.
  const shortPw = ownEntry(SHORT_PASSWORD_FLAGS, cmd.name);
  const basicShort = ownEntry(BASIC_AUTH_SHORT, cmd.name);
  const headerItems = HEADER_ITEM_COMMANDS.has(cmd.name);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const next = i + 1 < args.length ? args[i + 1] : undefined;
    // Headers: -H 'Authorization: Bearer …', --header=…, -HAuthorization:…
    let header: string | undefined;
    if ((a === '-H' || a === '--header') && next !== undefined) {
      header = next;
      i++;
    } else if (a.startsWith('--header=')) header = a.slice(9);
    else if (a.startsWith('-H') && a.length > 2 && !a.startsWith('--')) header = a.slice(2);
    else if (headerItems && !a.startsWith('-') && a.includes(':') && !a.includes('://')) header = a;
    if (header !== undefined) {
      fromHeader(header, add);
      continue;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const flag = eq > 0 ? a.slice(0, eq) : a;
      if (SECRET_FLAGS.has(flag)) {
        const value = eq > 0 ? a.slice(eq + 1) : next !== undefined && !next.startsWith('-') ? next : undefined;
        if (value) add({ kind: flag === '--oauth2-bearer' || flag === '--bearer' ? 'bearer' : 'flag-token', secret: value, masked: maskValue(value), where: `${flag} flag` });
        if (eq < 0 && value) i++;
        continue;
      }
      if ((flag === '--user' || flag === '--auth') && BASIC_AUTH_COMMANDS.has(cmd.name)) {
        const value = eq > 0 ? a.slice(eq + 1) : next;
        if (value !== undefined) basicAuth(value, flag, add);
        if (eq < 0) i++;
        continue;
      }
    } else if (a === basicShort && next !== undefined) {
      basicAuth(next, a, add);
      i++;
      continue;
    } else if (cmd.name === 'curl' && a.startsWith('-u') && a.length > 2) {
      basicAuth(a.slice(2), '-u', add);
      continue;
    } else if (shortPw && a.startsWith(shortPw.flag)) {
      const attached = a.slice(shortPw.flag.length);
      const value = attached || (shortPw.attachedOnly ? undefined : next);
      if (value && (attached || !value.startsWith('-'))) {
        add({ kind: 'flag-token', secret: value, masked: maskValue(value), where: `${shortPw.flag} password flag` });
        if (!attached) i++;
      }
      continue;
    }
    // `export NPM_TOKEN=…`, `docker run -e API_KEY=…`, `heroku config:set STRIPE_SECRET=…`
    const eq = a.indexOf('=');
    if (eq > 0 && ARG_ASSIGNMENT.test(a) && isSecretVariable(a.slice(0, eq)) && eq + 1 < a.length) {
      const value = a.slice(eq + 1);
      add({ kind: 'token-variable', secret: value, masked: maskValue(value), where: `variable ${a.slice(0, eq)}` });
      continue;
    }
    if (a.includes('://')) urlPasswords(a, add);
  }
  return found;
}

function fromHeader(header: string, add: (c: Credential) => void): void {
  const m = HEADER_LINE.exec(header);
  if (!m) return;
  const name = m[1];
  const value = m[2];
  if (!value) return;
  const lower = name.toLowerCase();
  if (lower === 'authorization' || lower === 'proxy-authorization') {
    const s = AUTH_SCHEME.exec(value);
    const scheme = s ? s[1].toLowerCase() : '';
    const secret = s ? s[2] : value;
    const kind: CredentialKind = scheme === 'basic' ? 'basic' : 'bearer';
    add({ kind, secret, masked: maskValue(secret), where: `${name} header${s ? ` (${s[1]})` : ''}` });
  } else if (SECRET_HEADER.test(name)) {
    add({ kind: 'api-key-header', secret: value, masked: maskValue(value), where: `${name} header` });
  }
}

function basicAuth(value: string, flag: string, add: (c: Credential) => void): void {
  const colon = value.indexOf(':');
  if (colon < 0) return; // `-u user` alone: curl prompts for the password.
  const password = value.slice(colon + 1);
  if (!password) return;
  add({ kind: 'basic', secret: password, masked: maskValue(password), where: `${flag} ${value.slice(0, colon)}:…` });
}

function urlPasswords(text: string, add: (c: Credential) => void): void {
  URL_USERINFO.lastIndex = 0;
  for (let m = URL_USERINFO.exec(text); m; m = URL_USERINFO.exec(text)) {
    const [, scheme, user, password, host] = m;
    add({ kind: 'url-password', secret: password, masked: maskValue(password), where: `URL ${scheme}://${user ? `${user}@` : ''}${host}` });
  }
}

// ---------------------------------------------------------------------------------------------
// From raw text (a command line the parser could not read, a log line).

const TEXT_AUTH = /\b(Proxy-)?Authorization\s*:\s*(Bearer|Basic|Token|Bot)\s+([^\s'"\\]+)/gi;
const TEXT_SECRET_HEADER = /(?:^|[\s'"])((?:x-)?[A-Za-z-]*(?:api[-_]?key|token|secret))\s*:\s*([^\s'"\\]+)/gi;
const TEXT_BASIC = /(?:^|\s)(?:-u|--user|-a|--auth)(?:=|\s+)['"]?([^\s:'"]+):([^\s'"]+)/g;
const TEXT_ASSIGNMENT = /(?:^|[\s;&|(])(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|[^\s;&|)]+)/g;
const TEXT_FLAG = /(?:^|\s)(--[a-z0-9-]+)(?:=|\s+)("[^"]*"|'[^']*'|[^\s'"-][^\s;&|]*)/g;
const TEXT_SHORT_PW = /\b(?:mysql|mariadb|mysqldump|mysqladmin)\b[^;&|\n]{0,1000}?\s-p([^\s'"]+)|\bredis-cli\b[^;&|\n]{0,1000}?\s-a\s+['"]?([^\s'"]+)/g;
const DIGITS = /^\d+$/;

function unquote(v: string): string {
  return v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0] ? v.slice(1, -1) : v;
}

export function findCredentialsInText(text: string): Credential[] {
  const found: Credential[] = [];
  const add = (c: Credential): void => {
    if (c.secret && !found.some((f) => f.secret === c.secret)) found.push(c);
  };
  TEXT_AUTH.lastIndex = 0;
  for (let m = TEXT_AUTH.exec(text); m; m = TEXT_AUTH.exec(text)) {
    const secret = m[3];
    add({ kind: m[2].toLowerCase() === 'basic' ? 'basic' : 'bearer', secret, masked: maskValue(secret), where: `${m[1] ?? ''}Authorization header (${m[2]})` });
  }
  TEXT_SECRET_HEADER.lastIndex = 0;
  for (let m = TEXT_SECRET_HEADER.exec(text); m; m = TEXT_SECRET_HEADER.exec(text)) {
    if (m[2].startsWith('//')) continue; // `token://…` is a URL, not a header.
    add({ kind: 'api-key-header', secret: m[2], masked: maskValue(m[2]), where: `${m[1]} header` });
  }
  TEXT_BASIC.lastIndex = 0;
  for (let m = TEXT_BASIC.exec(text); m; m = TEXT_BASIC.exec(text)) {
    // `docker run -u 1000:1000` is a uid:gid.
    if (DIGITS.test(m[1]) && DIGITS.test(m[2])) continue;
    add({ kind: 'basic', secret: m[2], masked: maskValue(m[2]), where: `-u ${m[1]}:…` });
  }
  urlPasswords(text, add);
  TEXT_ASSIGNMENT.lastIndex = 0;
  for (let m = TEXT_ASSIGNMENT.exec(text); m; m = TEXT_ASSIGNMENT.exec(text)) {
    if (!isSecretVariable(m[1])) continue;
    const value = unquote(m[2]);
    if (value) add({ kind: 'token-variable', secret: value, masked: maskValue(value), where: `variable ${m[1]}` });
  }
  TEXT_FLAG.lastIndex = 0;
  for (let m = TEXT_FLAG.exec(text); m; m = TEXT_FLAG.exec(text)) {
    if (!SECRET_FLAGS.has(m[1])) continue;
    const value = unquote(m[2]);
    if (value) add({ kind: m[1] === '--oauth2-bearer' || m[1] === '--bearer' ? 'bearer' : 'flag-token', secret: value, masked: maskValue(value), where: `${m[1]} flag` });
  }
  TEXT_SHORT_PW.lastIndex = 0;
  for (let m = TEXT_SHORT_PW.exec(text); m; m = TEXT_SHORT_PW.exec(text)) {
    const value = m[1] ?? m[2];
    add({ kind: 'flag-token', secret: value, masked: maskValue(value), where: m[1] ? '-p password flag' : '-a password flag' });
  }
  return found;
}

/**
 * Well-known token shapes masked in logs even where no flag or header names them
 * (GitHub, OpenAI/Anthropic, Stripe, Slack, AWS access key ids, GitLab, npm).
 */
const KNOWN_TOKEN =
  /\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|sk-[A-Za-z0-9_-]{20,}|[sr]k_live_[A-Za-z0-9]{16,}|xox[abposr]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16}|glpat-[A-Za-z0-9_-]{20,}|npm_[A-Za-z0-9]{36})\b/g;

/**
 * Every pattern that finds a secret in text (TEXT_*, URL_USERINFO, KNOWN_TOKEN) needs one of these: a
 * `:` (headers, user:password, URLs), a `=` (assignments), a `-` (flags), a `_` (token prefixes), or an
 * AWS key's `AKIA`. Text with none of them holds nothing to mask, and is returned without compiling or
 * running the patterns (an agent's stated reason, masked on every hook call: ≈ 1 ms, issue 11). A new
 * pattern must need one of them too (credentials.test.ts checks the patterns against this).
 */
export const MAY_HOLD_SECRET = /[:=_-]|AKIA/;

/** The command line with every secret masked, for logs and displays. */
export function maskCommand(text: string): string {
  return MAY_HOLD_SECRET.test(text) ? maskEverySecret(text) : text;
}

/** maskCommand without the shortcut: every pattern run over `text` (exported for the test of MAY_HOLD_SECRET). */
export function maskEverySecret(text: string): string {
  const secrets = new Map<string, string>();
  for (const c of findCredentialsInText(text)) {
    if (!REFERENCE.test(c.secret)) secrets.set(c.secret, c.masked);
  }
  KNOWN_TOKEN.lastIndex = 0;
  for (let m = KNOWN_TOKEN.exec(text); m; m = KNOWN_TOKEN.exec(text)) {
    if (!secrets.has(m[1])) secrets.set(m[1], maskSecret(m[1]));
  }
  let out = text;
  // Longest first, so a secret that contains another is replaced whole.
  for (const secret of [...secrets.keys()].sort((a, b) => b.length - a.length)) {
    out = out.split(secret).join(secrets.get(secret) as string);
  }
  return out;
}
