// Redis commands that wipe a keyspace. Redis has no statements or comments: one command a line
// (redis-cli reading stdin), words split the way redis-cli splits them (quotes group words).
import type { SqlFinding } from './sqlClassifier';

/** A Lua script handed to EVAL runs server-side; one that calls FLUSHALL/FLUSHDB wipes just the same. */
const LUA_FLUSH = /\bflush(all|db)\b/i;

/** Findings for one Redis command given as argv (`['FLUSHALL']`, `['flushdb', 'ASYNC']`). */
export function classifyRedisCommand(argv: readonly string[]): SqlFinding[] {
  if (argv.length === 0) return [];
  const name = argv[0].toUpperCase();
  const statement = argv.join(' ');
  if (name === 'FLUSHALL') {
    return [{ kind: 'redis-flush', severity: 'critical', object: 'SERVER', summary: 'deletes every key of every Redis database (FLUSHALL)', statement }];
  }
  if (name === 'FLUSHDB') {
    return [{ kind: 'redis-flush', severity: 'high', object: 'DATABASE', summary: 'deletes every key of the Redis database (FLUSHDB)', statement }];
  }
  if ((name === 'EVAL' || name === 'EVAL_RO' || name === 'FCALL') && argv.length > 1) {
    const m = LUA_FLUSH.exec(argv[1]);
    if (m) {
      return [{ kind: 'redis-flush', severity: 'critical', object: 'SERVER', summary: `runs a Lua script that calls ${m[0].toUpperCase()}, deleting every key`, statement }];
    }
  }
  return [];
}

/** Every line of `text` read as one Redis command. */
export function classifyRedisText(text: string): SqlFinding[] {
  const out: SqlFinding[] = [];
  for (const line of text.split('\n')) {
    const argv = splitRedisLine(line);
    if (argv.length) out.push(...classifyRedisCommand(argv));
  }
  return out;
}

/** redis-cli's own word splitting: whitespace separates, "…" (with \ escapes) and '…' group. */
export function splitRedisLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  const n = line.length;
  while (i < n) {
    while (i < n && (line[i] === ' ' || line[i] === '\t' || line[i] === '\r')) i++;
    if (i >= n) break;
    let word = '';
    while (i < n && line[i] !== ' ' && line[i] !== '\t' && line[i] !== '\r') {
      const c = line[i];
      if (c === '"' || c === "'") {
        i++;
        while (i < n && line[i] !== c) {
          if (c === '"' && line[i] === '\\' && i + 1 < n) i++;
          word += line[i];
          i++;
        }
        i++;
      } else {
        word += c;
        i++;
      }
    }
    out.push(word);
  }
  return out;
}
