// A rebuildable target (`node_modules`, `dist`, …) gets no restore point: an install or a build makes
// it again, and keeping it would spend the quota on what loses nothing. The list is the engine's own
// (the conventions that let such deletes run without asking), so the two never disagree.
import { REBUILDABLE_FOLDERS } from '../engine/rules/deletePathSafety';

const SEPARATORS = /[\\/]+/;

/** Whether a relative path (from the cwd or a repository's top) lies in or is a rebuildable folder. */
export function isRebuildable(relPath: string): boolean {
  for (const part of relPath.split(SEPARATORS)) if (REBUILDABLE_FOLDERS.has(part)) return true;
  return false;
}
