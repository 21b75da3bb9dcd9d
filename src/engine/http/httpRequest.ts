// Reads the HTTP request a command would send: curl, wget, httpie (`http`/`https`/`xh`/`xhs`),
// `gh api`, and PowerShell's Invoke-RestMethod / Invoke-WebRequest.
// The rules only need the method, where it goes, and the body; everything else is skipped with
// enough knowledge of each client's options that an option's value is never mistaken for the URL.
import type { SimpleCommand } from '../types';
import { WHOLE_SUBSTITUTION, hasStdin, readInput, stdinText } from './commandInput';
import type { ReadFile } from './commandInput';

export type HttpClient = 'curl' | 'wget' | 'httpie' | 'gh' | 'powershell';

export interface HttpRequest {
  client: HttpClient;
  /** Upper-cased method the request is sent with (a method-override header counts). */
  method: string;
  /** The first URL, as written (scheme added when the client would add one). */
  url?: string;
  /** Every URL the command sends the request to. */
  urls: string[];
  /** Host of the first URL, lower-cased, without brackets; undefined when it is not known (a variable). */
  host?: string;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  /** The body, when it is readable. */
  body?: string;
  /** Why the body could not be read (`@body.json` with no reader, a body from a variable …). */
  unreadableBody?: string;
  /** The body came from a word holding a shell variable or substitution: its text is only partly known. */
  dynamicBody: boolean;
  /** `-u user:pass` / `--auth` / `--user`: the credential the client sends, as written. */
  user?: string;
  /** True when every URL goes to this machine's loopback (localhost, 127.x, ::1). */
  loopback: boolean;
}

export type { ReadFile } from './commandInput';

const CURL_NAMES: ReadonlySet<string> = new Set(['curl', 'curl.exe']);
const WGET_NAMES: ReadonlySet<string> = new Set(['wget', 'wget2']);
const HTTPIE_NAMES: ReadonlySet<string> = new Set(['http', 'https', 'xh', 'xhs']);
const POWERSHELL_NAMES: ReadonlySet<string> = new Set(['invoke-restmethod', 'invoke-webrequest', 'irm', 'iwr']);

const POWERSHELL_STYLE = /^-(uri|method|body|headers|infile|usebasicparsing|contenttype)(:.*)?$/i;

/** Command names this module understands (for the rule index). */
export const HTTP_COMMAND_NAMES: readonly string[] = [
  ...CURL_NAMES, ...WGET_NAMES, ...HTTPIE_NAMES, 'gh',
  'Invoke-RestMethod', 'Invoke-WebRequest', 'invoke-restmethod', 'invoke-webrequest', 'irm', 'iwr',
];

/** The request the command would send, or null when it sends none (not an HTTP client, `--help`, offline mode). */
export function parseHttpRequest(cmd: SimpleCommand, readFile?: ReadFile): HttpRequest | null {
  const name = cmd.name;
  // In Windows PowerShell `curl` and `wget` are aliases of Invoke-WebRequest: `curl -Method Delete -Uri …`.
  if ((CURL_NAMES.has(name) || WGET_NAMES.has(name)) && cmd.args.some((a) => POWERSHELL_STYLE.test(a))) return parsePowerShell(cmd, readFile);
  if (CURL_NAMES.has(name)) return parseCurl(cmd, readFile);
  if (WGET_NAMES.has(name)) return parseWget(cmd, readFile);
  if (HTTPIE_NAMES.has(name)) return parseHttpie(cmd, readFile);
  if (name === 'gh') return parseGhApi(cmd, readFile);
  if (POWERSHELL_NAMES.has(name.toLowerCase())) return parsePowerShell(cmd, readFile);
  return null;
}

// ---------------------------------------------------------------------------------------------
// Shared pieces.

/** Collects body pieces and remembers the first reason a piece could not be read. */
class BodyBuilder {
  readonly pieces: string[] = [];
  unreadable?: string;
  dynamic = false;

  add(text: string, dynamic: boolean): void {
    if (dynamic && WHOLE_SUBSTITUTION.test(text)) {
      // `-d "$BODY"`, `-d "$(cat x)"`: the whole body is unknown.
      this.unreadable ??= `the body comes from \`${text}\`, whose value is not known`;
      this.dynamic = true;
      return;
    }
    if (dynamic) this.dynamic = true;
    this.pieces.push(text);
  }

  addFile(path: string, cmd: SimpleCommand, readFile: ReadFile | undefined, dynamic: boolean): void {
    const content = readInput(path, cmd, readFile, dynamic);
    if (content === undefined) this.unreadable ??= `the body is read from \`${path}\`, which the guard could not read`;
    else this.pieces.push(content);
  }

  text(separator: string): string | undefined {
    return this.pieces.length > 0 ? this.pieces.join(separator) : undefined;
  }
}

function addHeader(headers: Record<string, string>, line: string): void {
  const colon = line.indexOf(':');
  if (colon <= 0) return;
  headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
}

const OVERRIDE_HEADERS = ['x-http-method-override', 'x-http-method', 'x-method-override'];

function finish(
  client: HttpClient,
  method: string,
  urls: string[],
  headers: Record<string, string>,
  body: BodyBuilder,
  separator: string,
  user?: string,
): HttpRequest {
  let effective = method.toUpperCase();
  for (const h of OVERRIDE_HEADERS) {
    // A POST carrying `X-HTTP-Method-Override: DELETE` is a DELETE to servers that honour it.
    if (headers[h]) effective = headers[h].toUpperCase();
  }
  const hosts = urls.map(hostOf);
  return {
    client,
    method: effective,
    url: urls[0],
    urls,
    host: hosts[0],
    headers,
    body: body.text(separator),
    unreadableBody: body.unreadable,
    dynamicBody: body.dynamic,
    user,
    loopback: urls.length > 0 && hosts.every((h) => h !== undefined && isLoopbackHost(h)),
  };
}

const BRACKETS = /^\[|\]$/g;
const TRAILING_DOT = /\.$/;
const BACKSLASH_ESCAPE = /\\(.)/g;
const PORT_SHORTHAND = /^:\d/;
const LEADING_SLASH = /^\//;
const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//;
const HOST_FALLBACK = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/;

/** Host of a URL, lower-cased, brackets removed; undefined when the host is a variable or unreadable. */
export function hostOf(url: string): string | undefined {
  const withScheme = SCHEME.test(url) ? url : `http://${url}`;
  const m = HOST_FALLBACK.exec(withScheme);
  if (!m) return undefined;
  const host = m[1].toLowerCase().replace(BRACKETS, '');
  if (host === '' || host.includes('$') || host.includes('`')) return undefined;
  return host;
}

const LOOPBACK_V4 = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** localhost (and `*.localhost`), 127.0.0.0/8, ::1, 0.0.0.0 (which connects to this machine). */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(TRAILING_DOT, '');
  return (
    h === 'localhost' ||
    h.endsWith('.localhost') ||
    LOOPBACK_V4.test(h) ||
    h === '::1' ||
    h === '0:0:0:0:0:0:0:1' ||
    h === '::ffff:127.0.0.1' ||
    h === '0.0.0.0'
  );
}

// ---------------------------------------------------------------------------------------------
// curl

// Short options that take a value (`-X DELETE`, `-XDELETE`, `-sX DELETE`).
const CURL_SHORT_WITH_VALUE = new Set('XdHuoAebcFTxmwKErYyUzCDPQt'.split(''));
// Long options that take a value; anything else starting with `--` is a switch.
const CURL_LONG_WITH_VALUE: ReadonlySet<string> = new Set([
  '--request', '--data', '--data-raw', '--data-binary', '--data-ascii', '--data-urlencode', '--json', '--header',
  '--user', '--output', '--user-agent', '--referer', '--cookie', '--cookie-jar', '--form', '--form-string',
  '--upload-file', '--proxy', '--max-time', '--connect-timeout', '--write-out', '--config', '--cert', '--key',
  '--cacert', '--capath', '--range', '--proxy-user', '--retry', '--retry-delay', '--retry-max-time', '--time-cond',
  '--resolve', '--connect-to', '--url', '--oauth2-bearer', '--limit-rate', '--interface', '--local-port',
  '--max-redirs', '--max-filesize', '--continue-at', '--dns-servers', '--request-target', '--unix-socket',
  '--abstract-unix-socket', '--aws-sigv4', '--variable', '--trace', '--trace-ascii', '--stderr', '--dump-header',
  '--ciphers', '--pinnedpubkey', '--proto', '--proto-redir', '--noproxy', '--preproxy', '--pass', '--cert-type',
  '--key-type', '--quote', '--mail-from', '--mail-rcpt', '--login-options', '--netrc-file', '--socks5',
  '--socks5-hostname', '--socks4', '--socks4a', '--speed-limit', '--speed-time', '--url-query', '--rate',
  '--parallel-max', '--output-dir', '--create-file-mode', '--etag-save', '--etag-compare', '--doh-url',
  '--alt-svc', '--hsts', '--expect100-timeout', '--keepalive-time', '--happy-eyeballs-timeout-ms',
  '--sasl-authzid', '--service-name', '--tls-max', '--tlsuser', '--tlspassword', '--proxy-header',
  '--ftp-port', '--ftp-account', '--ftp-method', '--krb', '--delegation', '--hostpubmd5', '--hostpubsha256',
  '--ip-tos', '--vlan-priority', '--ech', '--trace-config', '--proxy-cacert', '--proxy-cert', '--proxy-key',
  '--proxy-pass', '--proxy-service-name', '--random-file', '--egd-file', '--telnet-option',
  '--tftp-blksize', '--engine', '--curves', '--tls13-ciphers',
]);
const CURL_SHORT_LONG: Record<string, string> = {
  X: '--request', d: '--data', H: '--header', u: '--user', F: '--form', T: '--upload-file', K: '--config',
};
const CURL_NO_REQUEST = new Set(['--help', '-h', '--version', '-V', '--manual', '-M']);

function parseCurl(cmd: SimpleCommand, readFile?: ReadFile): HttpRequest | null {
  const { args, dynamic } = cmd;
  let method: string | undefined;
  let impliedMethod = 'GET';
  let getMode = false;
  let unixSocket = false;
  let user: string | undefined;
  const urls: string[] = [];
  const headers: Record<string, string> = {};
  const body = new BodyBuilder();
  const form = new BodyBuilder();
  let jsonMode = false;

  const option = (opt: string, value: string, dyn: boolean): void => {
    switch (opt) {
      case '--request':
        method = value;
        break;
      case '--data':
      case '--data-ascii':
      case '--data-binary':
        impliedMethod = 'POST';
        if (value.startsWith('@')) body.addFile(value.slice(1), cmd, readFile, dyn);
        else body.add(value, dyn);
        break;
      case '--json':
        impliedMethod = 'POST';
        jsonMode = true;
        if (value.startsWith('@')) body.addFile(value.slice(1), cmd, readFile, dyn);
        else body.add(value, dyn);
        break;
      case '--data-raw':
        impliedMethod = 'POST';
        body.add(value, dyn);
        break;
      case '--data-urlencode': {
        impliedMethod = 'POST';
        // `name=content`, `=content`, `content`, `name@file`, `@file`.
        const at = value.indexOf('@');
        const eq = value.indexOf('=');
        if (at >= 0 && (eq < 0 || at < eq)) {
          const content = readInput(value.slice(at + 1), cmd, readFile, dyn);
          if (content === undefined) body.unreadable ??= `the body is read from \`${value.slice(at + 1)}\`, which the guard could not read`;
          else body.add(at > 0 ? `${value.slice(0, at)}=${content}` : content, false);
        } else body.add(value, dyn);
        break;
      }
      case '--form':
      case '--form-string': {
        impliedMethod = 'POST';
        const eq = value.indexOf('=');
        const content = eq >= 0 ? value.slice(eq + 1) : value;
        if (opt === '--form' && (content.startsWith('@') || content.startsWith('<'))) {
          form.addFile(content.slice(1).split(';')[0], cmd, readFile, dyn);
        } else form.add(content, dyn);
        break;
      }
      case '--upload-file':
        impliedMethod = 'PUT';
        break;
      case '--header':
        if (!value.startsWith('@')) addHeader(headers, value);
        break;
      case '--proxy-header':
        break;
      case '--user':
        user = value;
        break;
      case '--oauth2-bearer':
        headers.authorization = `Bearer ${value}`;
        break;
      case '--url':
        urls.push(value);
        break;
      case '--unix-socket':
      case '--abstract-unix-socket':
        unixSocket = true;
        break;
      default:
        break;
    }
  };

  let endOfOptions = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (endOfOptions || !a.startsWith('-') || a === '-') {
      urls.push(a);
      continue;
    }
    if (a === '--') {
      endOfOptions = true;
      continue;
    }
    if (CURL_NO_REQUEST.has(a)) return null;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const opt = eq > 0 ? a.slice(0, eq) : a;
      if (opt === '--get') getMode = true;
      else if (opt === '--head') impliedMethod = 'HEAD';
      if (eq > 0 && CURL_LONG_WITH_VALUE.has(opt)) option(opt, a.slice(eq + 1), dynamic[i]);
      else if (CURL_LONG_WITH_VALUE.has(opt) && i + 1 < args.length) {
        option(opt, args[i + 1], dynamic[i + 1]);
        i++;
      }
      continue;
    }
    // A cluster of short options: `-sSL`, `-XDELETE`, `-sX DELETE`, `-d@body.json`.
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if (c === 'G') getMode = true;
      else if (c === 'I') impliedMethod = 'HEAD';
      if (!CURL_SHORT_WITH_VALUE.has(c)) continue;
      const rest = a.slice(j + 1);
      const long = CURL_SHORT_LONG[c] ?? '';
      if (rest !== '') option(long, rest, dynamic[i]);
      else if (i + 1 < args.length) {
        option(long, args[i + 1], dynamic[i + 1]);
        i++;
      }
      break;
    }
  }
  if (urls.length === 0) return null;
  if (jsonMode) {
    headers['content-type'] ??= 'application/json';
  }
  if (form.pieces.length > 0 || form.unreadable) {
    body.pieces.push(...form.pieces);
    body.unreadable ??= form.unreadable;
  }
  let bodySeparator = jsonMode ? '' : '&';
  if (form.pieces.length > 0) bodySeparator = '\n';
  let finalUrls = urls;
  if (getMode) {
    // `-G`: the data goes into the query string and the request is a GET.
    const query = body.text('&');
    if (query !== undefined) finalUrls = urls.map((u) => `${u}${u.includes('?') ? '&' : '?'}${query}`);
    body.pieces.length = 0;
    impliedMethod = 'GET';
  }
  const req = finish('curl', method ?? impliedMethod, finalUrls, headers, body, bodySeparator, user);
  // Through a Unix socket the URL's host means nothing: the socket is a local daemon's API (Docker's),
  // which can delete real data, so it is not treated as a harmless loopback.
  if (unixSocket) req.loopback = false;
  return req;
}

// ---------------------------------------------------------------------------------------------
// wget

const WGET_LONG_WITH_VALUE: ReadonlySet<string> = new Set([
  '--method', '--post-data', '--post-file', '--body-data', '--body-file', '--header', '--user', '--password',
  '--http-user', '--http-password', '--output-document', '--output-file', '--append-output', '--input-file',
  '--directory-prefix', '--tries', '--timeout', '--wait', '--user-agent', '--execute', '--quota', '--level',
  '--accept', '--reject', '--domains', '--exclude-domains', '--include-directories', '--exclude-directories',
  '--base', '--referer', '--load-cookies', '--save-cookies', '--ca-certificate', '--certificate', '--private-key',
  '--bind-address', '--limit-rate', '--dns-timeout', '--connect-timeout', '--read-timeout', '--waitretry',
  '--progress', '--restrict-file-names', '--ca-directory', '--proxy-user', '--proxy-password', '--default-page',
  '--cut-dirs', '--config', '--local-encoding', '--remote-encoding', '--accept-regex', '--reject-regex',
  '--certificate-type', '--private-key-type', '--secure-protocol', '--ciphers', '--warc-file', '--rejected-log',
]);
const WGET_SHORT_WITH_VALUE = new Set('OoaiPtTwUeQlARDIXBY'.split(''));
const WGET_NO_REQUEST = new Set(['--help', '-h', '--version', '-V']);

function parseWget(cmd: SimpleCommand, readFile?: ReadFile): HttpRequest | null {
  const { args, dynamic } = cmd;
  let method: string | undefined;
  let implied = 'GET';
  let user: string | undefined;
  const urls: string[] = [];
  const headers: Record<string, string> = {};
  const body = new BodyBuilder();

  const option = (opt: string, value: string, dyn: boolean): void => {
    switch (opt) {
      case '--method':
        method = value;
        break;
      case '--post-data':
        implied = 'POST';
        body.add(value, dyn);
        break;
      case '--body-data':
        body.add(value, dyn);
        break;
      case '--post-file':
        implied = 'POST';
        body.addFile(value, cmd, readFile, dyn);
        break;
      case '--body-file':
        body.addFile(value, cmd, readFile, dyn);
        break;
      case '--header':
        addHeader(headers, value);
        break;
      case '--user':
      case '--http-user':
        user = value;
        break;
      default:
        break;
    }
  };

  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('-') || a === '-') {
      urls.push(a);
      continue;
    }
    if (WGET_NO_REQUEST.has(a)) return null;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const opt = eq > 0 ? a.slice(0, eq) : a;
      if (eq > 0) option(opt, a.slice(eq + 1), dynamic[i]);
      else if (WGET_LONG_WITH_VALUE.has(opt) && i + 1 < args.length) {
        option(opt, args[i + 1], dynamic[i + 1]);
        i++;
      }
      continue;
    }
    // `-nv`, `-nc`, `-nd`, `-nH`, `-np` are two-letter switches.
    if (a.startsWith('-n') && a.length === 3) continue;
    // A cluster of short options: `-qO-`, `-qO file`: the first one taking a value ends it.
    for (let j = 1; j < a.length; j++) {
      if (!WGET_SHORT_WITH_VALUE.has(a[j])) continue;
      if (j === a.length - 1) i++;
      break;
    }
  }
  if (urls.length === 0) return null;
  return finish('wget', method ?? implied, urls, headers, body, '&', user);
}

// ---------------------------------------------------------------------------------------------
// httpie / xh

const HTTPIE_WITH_VALUE: ReadonlySet<string> = new Set([
  '--auth', '-a', '--auth-type', '-A', '--raw', '--output', '-o', '--print', '-p', '--session', '--session-read-only',
  '--verify', '--cert', '--cert-key', '--cert-key-pass', '--timeout', '--proxy', '--pretty', '--style', '-s',
  '--default-scheme', '--boundary', '--format-options', '--max-redirects', '--max-headers', '--response-charset',
  '--response-mime', '--ssl', '--ciphers', '--history-print', '-P', '--chunked-size', '--bearer', '--http-version',
  '--resolve', '--interface', '--unix-socket', '--ipv', '--multipart-boundary', '--content-type',
]);
// These print the request instead of sending it.
const HTTPIE_OFFLINE = new Set(['--offline', '--curl', '--curl-long']);
const HTTPIE_NO_REQUEST = new Set(['--help', '-h', '--version', '--manual']);
const METHOD_WORD = /^[A-Za-z]+$/;
// Request-item separators, longest first where they share a start.
const ITEM_SEPARATORS = [':=@', '=@', '==', ':=', '=', '@', ':'];

interface HttpieItem {
  key: string;
  sep: string;
  value: string;
}

function splitItem(word: string): HttpieItem | undefined {
  for (let i = 0; i < word.length; i++) {
    if (word[i] === '\\') {
      i++;
      continue;
    }
    for (const sep of ITEM_SEPARATORS) {
      if (word.startsWith(sep, i)) return { key: word.slice(0, i).replace(BACKSLASH_ESCAPE, '$1'), sep, value: word.slice(i + sep.length) };
    }
  }
  return undefined;
}

function parseHttpie(cmd: SimpleCommand, readFile?: ReadFile): HttpRequest | null {
  const { args, dynamic } = cmd;
  const positionals: { text: string; dynamic: boolean }[] = [];
  let user: string | undefined;
  let raw: { text: string; dynamic: boolean } | undefined;
  let form = false;
  let ignoreStdin = false;
  const headers: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      for (let j = i + 1; j < args.length; j++) positionals.push({ text: args[j], dynamic: dynamic[j] });
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      positionals.push({ text: a, dynamic: dynamic[i] });
      continue;
    }
    if (HTTPIE_NO_REQUEST.has(a) || HTTPIE_OFFLINE.has(a)) return null;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const opt = eq > 0 ? a.slice(0, eq) : a;
    let value: string | undefined;
    let valueDynamic = dynamic[i];
    if (eq > 0) value = a.slice(eq + 1);
    else if (HTTPIE_WITH_VALUE.has(opt) && i + 1 < args.length) {
      value = args[++i];
      valueDynamic = dynamic[i];
    }
    if (opt === '--form' || opt === '-f' || opt === '--multipart') form = true;
    if (opt === '--ignore-stdin' || opt === '-I') ignoreStdin = true;
    if ((opt === '--auth' || opt === '-a') && value !== undefined) user = value;
    if (opt === '--bearer' && value !== undefined) headers.authorization = `Bearer ${value}`;
    if (opt === '--raw' && value !== undefined) raw = { text: value, dynamic: valueDynamic };
  }
  if (positionals.length === 0) return null;
  let method: string | undefined;
  let rest = positionals;
  if (positionals.length >= 2 && METHOD_WORD.test(positionals[0].text) && !positionals[0].dynamic) {
    method = positionals[0].text.toUpperCase();
    rest = positionals.slice(1);
  }
  const url = expandHttpieUrl(rest[0].text, cmd.name === 'https' || cmd.name === 'xhs');
  const body = new BodyBuilder();
  const fields: string[] = [];
  let hasData = false;
  for (const item of rest.slice(1)) {
    const parsed = splitItem(item.text);
    if (!parsed) continue;
    const { key, sep, value } = parsed;
    if (sep === ':') {
      addHeader(headers, `${key}:${value}`);
      continue;
    }
    if (sep === '==') continue;
    hasData = true;
    if (sep === '@') continue; // a file upload field: its content is not a GraphQL document we can read here
    if (item.dynamic && WHOLE_SUBSTITUTION.test(value)) {
      body.unreadable ??= `the field \`${key}\` comes from \`${value}\`, whose value is not known`;
      body.dynamic = true;
      continue;
    }
    if (item.dynamic) body.dynamic = true;
    let content: string | undefined = value;
    if (sep === '=@' || sep === ':=@') {
      content = readInput(value, cmd, readFile, item.dynamic);
      if (content === undefined) {
        body.unreadable ??= `the field \`${key}\` is read from \`${value}\`, which the guard could not read`;
        continue;
      }
    }
    fields.push(sep === ':=' || sep === ':=@' ? `${JSON.stringify(key)}:${content}` : `${JSON.stringify(key)}:${JSON.stringify(content)}`);
  }
  if (raw) {
    hasData = true;
    body.add(raw.text, raw.dynamic);
  } else if (fields.length > 0) {
    body.pieces.push(form ? fields.join('&') : `{${fields.join(',')}}`);
  } else if (!ignoreStdin && hasStdin(cmd)) {
    hasData = true;
    const input = stdinText(cmd, readFile);
    if (input === undefined) body.unreadable ??= 'the body is read from stdin, which the guard could not read';
    else body.pieces.push(input);
  }
  return finish('httpie', method ?? (hasData ? 'POST' : 'GET'), [url], headers, body, '', user);
}

/** httpie's shorthands: `:3000/x` → `localhost:3000/x`, no scheme → http (or https for `https`/`xhs`). */
function expandHttpieUrl(url: string, https: boolean): string {
  if (url.startsWith(':')) {
    return `${https ? 'https' : 'http'}://localhost${PORT_SHORTHAND.test(url) ? url : url.slice(1)}`;
  }
  return SCHEME.test(url) ? url : `${https ? 'https' : 'http'}://${url}`;
}

// ---------------------------------------------------------------------------------------------
// gh api

const GH_WITH_VALUE: ReadonlySet<string> = new Set([
  '-X', '--method', '-f', '--raw-field', '-F', '--field', '-H', '--header', '--input', '-q', '--jq', '-t', '--template',
  '--hostname', '-p', '--preview', '--cache', '-R', '--repo',
]);

function parseGhApi(cmd: SimpleCommand, readFile?: ReadFile): HttpRequest | null {
  const { args, dynamic } = cmd;
  if (args[0] !== 'api') return null;
  let method: string | undefined;
  let endpoint: string | undefined;
  let host = cmd.assignments.GH_HOST ?? 'github.com';
  let input: { path: string; dynamic: boolean } | undefined;
  const headers: Record<string, string> = {};
  const fields: string[] = [];
  const body = new BodyBuilder();
  for (let i = 1; i < args.length; i++) {
    const a = args[i];
    if (a === '--help' || a === '-h') return null;
    if (!a.startsWith('-')) {
      endpoint ??= a;
      continue;
    }
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const opt = eq > 0 ? a.slice(0, eq) : a.length > 2 && !a.startsWith('--') ? a.slice(0, 2) : a;
    let value: string | undefined;
    let dyn = dynamic[i];
    if (eq > 0) value = a.slice(eq + 1);
    else if (opt !== a) value = a.slice(2); // `-XDELETE`
    else if (GH_WITH_VALUE.has(opt) && i + 1 < args.length) {
      value = args[++i];
      dyn = dynamic[i];
    }
    if (value === undefined) continue;
    switch (opt) {
      case '-X':
      case '--method':
        method = value;
        break;
      case '-H':
      case '--header':
        addHeader(headers, value);
        break;
      case '--hostname':
        host = value;
        break;
      case '--input':
        input = { path: value, dynamic: dyn };
        break;
      case '-f':
      case '--raw-field':
      case '-F':
      case '--field': {
        const at = value.indexOf('=');
        if (at < 0) break;
        const key = value.slice(0, at);
        let content: string | undefined = value.slice(at + 1);
        if ((opt === '-F' || opt === '--field') && content.startsWith('@')) {
          content = readInput(content.slice(1), cmd, readFile, dyn);
          if (content === undefined) {
            body.unreadable ??= `the field \`${key}\` is read from \`${value.slice(at + 2)}\`, which the guard could not read`;
            break;
          }
        } else if (dyn && WHOLE_SUBSTITUTION.test(content)) {
          body.unreadable ??= `the field \`${key}\` comes from \`${content}\`, whose value is not known`;
          break;
        }
        if (dyn) body.dynamic = true;
        fields.push(`${JSON.stringify(key)}:${JSON.stringify(content)}`);
        break;
      }
      default:
        break;
    }
  }
  if (endpoint === undefined) return null;
  if (input) body.addFile(input.path, cmd, readFile, input.dynamic);
  else if (fields.length > 0) body.pieces.push(`{${fields.join(',')}}`);
  const apiHost = host === 'github.com' ? 'api.github.com' : host;
  const path = endpoint.replace(LEADING_SLASH, '');
  const url = path === 'graphql' ? `https://${apiHost}/graphql` : `https://${apiHost}/${path}`;
  const implied = fields.length > 0 || input || body.unreadable ? 'POST' : 'GET';
  return finish('gh', method ?? implied, [url], headers, body, '', undefined);
}

// ---------------------------------------------------------------------------------------------
// PowerShell Invoke-RestMethod / Invoke-WebRequest

// Switch parameters (no value). Every other `-Name` takes one.
const PS_SWITCHES: readonly string[] = [
  'usebasicparsing', 'usedefaultcredentials', 'disablekeepalive', 'passthru', 'skipcertificatecheck',
  'skipheadervalidation', 'allowunencryptedauthentication', 'noproxy', 'resume', 'skiphttperrorcheck',
  'preserveauthorizationonredirect', 'allowinsecureredirect', 'proxyusedefaultcredentials', 'followrellink',
  'preservehttpmethodonredirect', 'verbose', 'debug',
];
const PS_VALUE_PARAMS: readonly string[] = [
  'uri', 'method', 'custommethod', 'body', 'headers', 'infile', 'outfile', 'contenttype', 'credential',
  'authentication', 'token', 'sessionvariable', 'websession', 'form', 'timeoutsec', 'proxy', 'proxycredential',
  'useragent', 'maximumredirection', 'maximumretrycount', 'retryintervalsec', 'certificate', 'certificatethumbprint',
  'transferencoding', 'sslprotocol', 'responseheaderstvariable', 'statuscodevariable', 'httpversion',
  'connectiontimeoutseconds', 'operationtimeoutseconds', 'erroraction', 'errorvariable',
];
const PS_HASH_ENTRY = /(?<![A-Za-z0-9-])["']?([A-Za-z0-9-]+)["']?\s*=\s*["']([^"']*)["']/g;

/** Resolves an abbreviated PowerShell parameter name (`-Meth`) the way PowerShell does: a unique prefix. */
function psParam(word: string): { name: string; value?: string } | undefined {
  const colon = word.indexOf(':');
  const raw = (colon > 0 ? word.slice(1, colon) : word.slice(1)).toLowerCase();
  if (raw === '') return undefined;
  const all = [...PS_VALUE_PARAMS, ...PS_SWITCHES];
  const exact = all.find((p) => p === raw);
  const matches = exact ? [exact] : all.filter((p) => p.startsWith(raw));
  if (matches.length !== 1) return { name: raw, value: colon > 0 ? word.slice(colon + 1) : undefined };
  return { name: matches[0], value: colon > 0 ? word.slice(colon + 1) : undefined };
}

function parsePowerShell(cmd: SimpleCommand, readFile?: ReadFile): HttpRequest | null {
  const { args, dynamic } = cmd;
  let method: string | undefined;
  let uri: string | undefined;
  const headers: Record<string, string> = {};
  const body = new BodyBuilder();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const param = a.startsWith('-') && a.length > 1 ? psParam(a) : undefined;
    if (!param) {
      uri ??= a;
      continue;
    }
    if (PS_SWITCHES.includes(param.name)) continue;
    let value = param.value;
    let dyn = dynamic[i];
    if (value === undefined && i + 1 < args.length) {
      value = args[++i];
      dyn = dynamic[i];
    }
    if (value === undefined) continue;
    switch (param.name) {
      case 'uri':
        uri = value;
        break;
      case 'method':
      case 'custommethod':
        method = value;
        break;
      case 'body':
        if (value.startsWith('(') || value.startsWith('$')) {
          // `-Body $body`, `-Body (ConvertTo-Json …)`: computed at run time.
          body.unreadable ??= `the body comes from \`${value}\`, whose value is not known`;
          body.dynamic = true;
        } else body.add(value, dyn);
        break;
      case 'infile':
        body.addFile(value, cmd, readFile, dyn);
        break;
      case 'headers':
        PS_HASH_ENTRY.lastIndex = 0;
        for (let m = PS_HASH_ENTRY.exec(value); m; m = PS_HASH_ENTRY.exec(value)) headers[m[1].toLowerCase()] = m[2];
        break;
      default:
        break;
    }
  }
  if (uri === undefined) return null;
  return finish('powershell', method ?? 'GET', [uri], headers, body, '', undefined);
}
