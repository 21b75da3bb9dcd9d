// The person's acceptances of workspace loosenings: `~/.agent-guard/acceptances.json` (0600, folder
// 0700), outside every workspace so the workspace cannot carry its own acceptance. One entry per
// workspace (folder, or workspace file for a multi-root window) holding the digest of exactly the
// loosening the person accepted; a different loosening has a different digest and is asked again.
// A record that cannot be read or has the wrong shape is reported and treated as no acceptance.
import * as fs from 'fs';
import * as path from 'path';
import type { LooseningItem } from './resolveSettings';
import { stateFolder, writeOwnerOnlyFile } from './stateFolder';

const FILE_NAME = 'acceptances.json';
const MAX_BYTES = 1024 * 1024;

export interface Acceptance {
  digest: string;
  items: LooseningItem[];
  acceptedAt: string;
}

interface AcceptanceFile {
  v: 1;
  workspaces: Record<string, Acceptance>;
}

export function acceptancesFile(state: string = stateFolder()): string {
  return path.join(state, FILE_NAME);
}

/** The key a workspace is stored under: its absolute path, case-folded where the file system is. */
export function workspaceKey(workspace: string, platform: NodeJS.Platform = process.platform): string {
  const r = path.resolve(workspace);
  return platform === 'win32' || platform === 'darwin' ? r.toLowerCase() : r;
}

function isAcceptance(v: unknown): v is Acceptance {
  if (!v || typeof v !== 'object') return false;
  const a = v as Record<string, unknown>;
  return typeof a.digest === 'string' && /^[0-9a-f]{64}$/.test(a.digest) && Array.isArray(a.items) && typeof a.acceptedAt === 'string';
}

export interface AcceptanceRead {
  workspaces: Record<string, Acceptance>;
  problem?: string;
}

export function readAcceptances(file: string = acceptancesFile()): AcceptanceRead {
  let text: string;
  try {
    const st = fs.statSync(file, { throwIfNoEntry: false });
    if (!st) return { workspaces: {} };
    if (!st.isFile() || st.size > MAX_BYTES) return { workspaces: {}, problem: `${file} is not a file Agent Guard wrote; it is ignored` };
    if (process.platform !== 'win32' && typeof process.getuid === 'function' && (st.uid !== process.getuid() || (st.mode & 0o022) !== 0)) {
      return { workspaces: {}, problem: `${file} is writable by others or owned by another user; it is ignored` };
    }
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { workspaces: {} };
    return { workspaces: {}, problem: `${file} cannot be read (${(e as Error).message}); it is ignored` };
  }
  try {
    const json = JSON.parse(text) as Partial<AcceptanceFile>;
    if (!json || json.v !== 1 || !json.workspaces || typeof json.workspaces !== 'object') throw new Error('not an acceptance record');
    const workspaces: Record<string, Acceptance> = {};
    for (const [k, a] of Object.entries(json.workspaces)) if (isAcceptance(a)) workspaces[k] = a;
    return { workspaces };
  } catch (e) {
    return { workspaces: {}, problem: `${file} is malformed (${(e as Error).message}); it is ignored` };
  }
}

/** The digest accepted for `workspace`, if any. */
export function acceptedDigest(read: AcceptanceRead, workspace: string | undefined): string | undefined {
  return workspace ? read.workspaces[workspaceKey(workspace)]?.digest : undefined;
}

/** Records the person's acceptance (replacing an earlier one for the same workspace). */
export function storeAcceptance(workspace: string, acceptance: Acceptance, file: string = acceptancesFile()): void {
  const current = readAcceptances(file);
  const next: AcceptanceFile = { v: 1, workspaces: { ...current.workspaces, [workspaceKey(workspace)]: acceptance } };
  writeOwnerOnlyFile(file, JSON.stringify(next, null, 2) + '\n');
}
