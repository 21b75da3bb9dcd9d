// The last line of defence for payloads an adapter does not recognise (a new event name, a new tool,
// fields moved): a bounded walk that finds command text, and the files named, by the field names hosts
// use for them, so such a payload is judged like any command (and checked like any file edit) instead of
// being let through. Past the bound the answer is "unsure", which the caller denies.
// Only the quoting half of shell-quote: its parser (index.js loads both) is not needed to write a command.
import quote from 'shell-quote/quote';

/** Fields that hold one command line (a string) or one argv (an array of strings). */
const COMMAND_KEYS = new Set(['command', 'cmd', 'commandline', 'command_line', 'script', 'shell_command', 'shellcommand']);
/** Fields that hold a list of command lines (Cline's `run_commands` `commands`, a JSON string or an array). */
const COMMAND_LIST_KEYS = new Set(['commands', 'cmds', 'command_lines', 'commandlines', 'scripts']);

/** Fields that name a file a tool reads or writes. */
const PATH_KEYS = new Set(['file_path', 'filepath', 'path', 'target_file', 'targetfile', 'notebook_path', 'absolute_path', 'filename']);

/** Nodes visited before the walk gives up; a real payload has far fewer. */
export const SEARCH_NODE_LIMIT = 5000;
const DEPTH_LIMIT = 12;
/** A string that looks like JSON is parsed (hosts send arguments as JSON text) only up to this size. */
const JSON_TEXT_LIMIT = 1024 * 1024;

export interface CommandSearch {
  commands: string[];
  /** File paths the payload names (`file_path`, `path` …): an unknown event that edits a guard file is refused. */
  paths: string[];
  /** The walk stopped at a bound: what it did not see may hold a command. */
  incomplete: boolean;
}

function parseJsonText(s: string): unknown {
  const t = s.trim();
  if (t.length > JSON_TEXT_LIMIT || !(t.startsWith('[') || t.startsWith('{'))) return undefined;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return undefined;
  }
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string');
}

/** Every command line in `payload`, by field name, at any depth (bounded). */
export function findCommands(payload: unknown): CommandSearch {
  const commands: string[] = [];
  const paths: string[] = [];
  let visited = 0;
  let incomplete = false;
  const add = (s: string): void => {
    if (s.trim() !== '') commands.push(s);
  };
  const walk = (v: unknown, depth: number): void => {
    if (++visited > SEARCH_NODE_LIMIT || depth > DEPTH_LIMIT) {
      incomplete = true;
      return;
    }
    if (typeof v === 'string') {
      const parsed = parseJsonText(v);
      if (parsed !== undefined) walk(parsed, depth + 1);
      return;
    }
    if (Array.isArray(v)) {
      for (const x of v) walk(x, depth + 1);
      return;
    }
    if (v === null || typeof v !== 'object') return;
    for (const [key, value] of Object.entries(v as Record<string, unknown>)) {
      const k = key.toLowerCase();
      if (PATH_KEYS.has(k) && typeof value === 'string' && value.trim() !== '') {
        paths.push(value);
        continue;
      }
      if (COMMAND_KEYS.has(k)) {
        if (typeof value === 'string') {
          const parsed = parseJsonText(value);
          if (isStringArray(parsed)) add(quote(parsed));
          else add(value);
          continue;
        }
        if (isStringArray(value)) {
          add(quote(value));
          continue;
        }
      }
      if (COMMAND_LIST_KEYS.has(k)) {
        const list = typeof value === 'string' ? (parseJsonText(value) ?? [value]) : value;
        if (isStringArray(list)) {
          list.forEach(add);
          continue;
        }
      }
      walk(value, depth + 1);
    }
  };
  walk(payload, 0);
  return { commands, paths, incomplete };
}
