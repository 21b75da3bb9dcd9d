// HTTP requests that destroy remote data: a DELETE to another machine, a GraphQL mutation that
// deletes (Railway's `volumeDelete`), and a GraphQL POST whose body the guard cannot read.
import type { Rule, RuleHit, RulePack, SimpleCommand, RuleContext } from '../types';
import { HTTP_COMMAND_NAMES, parseHttpRequest } from '../http/httpRequest';
import type { HttpRequest } from '../http/httpRequest';
import { containsGraphqlDocument, destructiveMutations } from '../http/graphqlMutation';
import type { DestructiveMutation } from '../http/graphqlMutation';

// A URL path segment naming a GraphQL endpoint: `/graphql`, `/graphql/v2`, `/v1/graphql`, `/gql`, Shopify's `/graphql.json`.
const GRAPHQL_PATH = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*\/(?:[^?#]*\/)?(graphql|gql)(?:\.json)?(?:[/?#]|$)/i;
// Hosts whose whole API is GraphQL.
const GRAPHQL_HOSTS: ReadonlySet<string> = new Set(['backboard.railway.app', 'backboard.railway.com']);
const QUERY_PARAM = /[?&]query=([^&#]*)/;
// A body shaped like a GraphQL request: a JSON `query` key or a form `query=` field.
const GRAPHQL_SHAPED_BODY = /"query"\s*:|(^|&)query=/;
const READ_ONLY_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

// Three rules look at the same command; read its request once. Keyed by the command object the parser
// made for this evaluation (and the reader it was read with), so nothing outlives the evaluation.
const requests = new WeakMap<SimpleCommand, { readFile: RuleContext['ctx']['readFile']; req: HttpRequest | null }>();

function request(cmd: SimpleCommand, rc: RuleContext): HttpRequest | null {
  const known = requests.get(cmd);
  if (known && known.readFile === rc.ctx.readFile) return known.req;
  const req = parseHttpRequest(cmd, rc.ctx.readFile);
  requests.set(cmd, { readFile: rc.ctx.readFile, req });
  return req;
}

function isGraphqlEndpoint(req: HttpRequest): boolean {
  if (req.host !== undefined && GRAPHQL_HOSTS.has(req.host)) return true;
  if ((req.headers['content-type'] ?? '').includes('graphql')) return true;
  return req.urls.some((u) => GRAPHQL_PATH.test(u.includes('://') ? u : `http://${u}`));
}

function where(req: HttpRequest): string {
  return req.host ?? (req.url ? `\`${req.url}\` (host not known before it runs)` : 'an unknown host');
}

/** The GraphQL documents this request carries: the body, and a `?query=` parameter (GraphQL over GET). */
function mutationsOf(req: HttpRequest): DestructiveMutation[] {
  const found: DestructiveMutation[] = [];
  // A body to a non-GraphQL URL counts only when it is shaped like a GraphQL request (a `query` key),
  // so a form post that merely contains the word "delete" is not read as a document.
  if (req.body !== undefined && (isGraphqlEndpoint(req) || GRAPHQL_SHAPED_BODY.test(req.body))) {
    found.push(...destructiveMutations(req.body));
  }
  for (const url of req.urls) {
    const m = QUERY_PARAM.exec(url);
    if (m) found.push(...destructiveMutations(`query=${m[1]}`));
  }
  return found;
}

function quoteMutation(m: DestructiveMutation): string {
  return m.target !== undefined ? `\`${m.field}\` (\`${m.target}\`)` : `\`${m.field}\``;
}

function describeMutation(m: DestructiveMutation): string {
  return m.target !== undefined ? `${m.field} ${m.target}` : m.field;
}

const httpDelete: Rule = {
  id: 'http.delete',
  category: 'http',
  severity: 'medium',
  commands: HTTP_COMMAND_NAMES,
  summary: 'sends an HTTP DELETE to a remote server',
  rationale:
    'A DELETE to an API removes the resource on the server, usually with no undo. Requests to this machine ' +
    '(localhost, 127.x, ::1) are local development and run.',
  match(cmd, rc): RuleHit | null {
    const req = request(cmd, rc);
    if (!req || req.method !== 'DELETE' || req.loopback) return null;
    return {
      summary: `sends an HTTP DELETE to ${where(req)}, removing \`${req.url ?? ''}\` on that server`,
      target: req.url,
    };
  },
};

const graphqlDestructive: Rule = {
  id: 'http.graphql-delete-mutation',
  category: 'http',
  severity: 'high',
  commands: HTTP_COMMAND_NAMES,
  summary: 'runs a GraphQL mutation that deletes data',
  rationale:
    'GraphQL APIs delete through mutations sent as ordinary POSTs (Railway\'s `volumeDelete`, `projectDelete`); ' +
    'the HTTP method says nothing, so the guard reads the document. Queries and other mutations run.',
  match(cmd, rc): RuleHit | null {
    const req = request(cmd, rc);
    if (!req) return null;
    const found = mutationsOf(req);
    if (found.length === 0) return null;
    const names = found.map(describeMutation).join(', ');
    return {
      summary: `runs the GraphQL mutation ${found.map(quoteMutation).join(', ')} against ${where(req)}, deleting data there`,
      target: names,
      // A delete against a local development server is still asked, but less loudly.
      severity: req.loopback ? 'medium' : undefined,
    };
  },
};

const graphqlUnreadable: Rule = {
  id: 'http.graphql-unreadable-body',
  category: 'http',
  severity: 'medium',
  commands: HTTP_COMMAND_NAMES,
  summary: 'sends a GraphQL request whose body the guard cannot read',
  rationale:
    'The mutation that deletes a volume can sit in `--data @file` or a shell variable; when the guard cannot ' +
    'see the document sent to a GraphQL endpoint it asks instead of guessing.',
  match(cmd, rc): RuleHit | null {
    const req = request(cmd, rc);
    if (!req || READ_ONLY_METHODS.has(req.method) || !isGraphqlEndpoint(req)) return null;
    let reason = req.unreadableBody;
    if (reason === undefined && req.dynamicBody && (req.body === undefined || !containsGraphqlDocument(req.body))) {
      reason = 'the body is built from shell variables and holds no readable GraphQL document';
    }
    if (reason === undefined) return null;
    // Already reported as a destructive mutation from the readable part: one finding is enough.
    if (mutationsOf(req).length > 0) return null;
    return {
      summary: `sends a GraphQL request to ${where(req)} that the guard cannot read (${reason})`,
      target: req.url,
    };
  },
};

export const HTTP_RULES: RulePack = {
  name: 'http',
  rules: [httpDelete, graphqlDestructive, graphqlUnreadable],
};
