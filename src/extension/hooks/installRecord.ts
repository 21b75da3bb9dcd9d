// What an install wrote, kept so "Remove Agent Hooks" undoes exactly that and Status can tell an
// entry that was edited or removed from one that is in place.
import * as fs from 'fs';
import * as path from 'path';
import { writeFileAtomic } from '../../files/writeFileAtomic';
import type { HostId, JsonInsertion, Scope } from '../../hosts/hostTypes';

export interface InstallRecord {
  host: HostId;
  scope: Scope;
  file: string;
  kind: 'json' | 'script';
  /** The hook command line that was written (which Node, which copy of the extension). */
  command?: string;
  /** The exact entries written (json). */
  insertions?: JsonInsertion[];
  /** The exact script written (script). */
  content?: string;
  /** The file did not exist before Agent Guard wrote it. */
  createdFile: boolean;
  /** Containers (objects/arrays) that did not exist before, deepest last. */
  createdPaths: string[][];
  /** Top-level keys Agent Guard added (Cursor's `version`). */
  rootKeysAdded: string[];
  /** Copy of the file as it was before the last change, if it existed. */
  backup?: string;
  installedAt: string;
}

export function recordKey(r: Pick<InstallRecord, 'host' | 'scope' | 'file'>): string {
  return `${r.host}|${r.scope}|${r.file}`;
}

export function loadRecords(stateFile: string): InstallRecord[] {
  let text: string;
  try {
    text = fs.readFileSync(stateFile, 'utf8');
  } catch {
    return [];
  }
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? (v as InstallRecord[]) : [];
  } catch {
    return [];
  }
}

export function saveRecords(stateFile: string, records: InstallRecord[]): void {
  fs.mkdirSync(path.dirname(stateFile), { recursive: true });
  writeFileAtomic(stateFile, JSON.stringify(records, null, 2) + '\n', 0o600);
}

export function upsertRecord(records: InstallRecord[], r: InstallRecord): InstallRecord[] {
  return [...records.filter((x) => recordKey(x) !== recordKey(r)), r];
}

export function dropRecord(records: InstallRecord[], r: InstallRecord): InstallRecord[] {
  return records.filter((x) => recordKey(x) !== recordKey(r));
}
