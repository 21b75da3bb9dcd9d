// The one way Agent Guard replaces a file: a temp file in the same folder, then a rename, so a reader
// (a shell at its prompt, a hook, a host reading its settings, another window) sees the old text or the
// new one, never half of it. The temp name is hidden, unique per process and call, and created
// exclusively ('wx'): an agent cannot plant a link under that name to redirect the write. Its random
// part comes from Math.random (seeded per process from the system's entropy; not observable by another
// process): `crypto` would cost ≈ 2.5 ms of a hook's start (issue 11).
import * as fs from 'fs';
import * as path from 'path';

/** Replaces `file` with `text` atomically, with exactly `mode` (not reduced by the umask). The folder must exist. */
export function writeFileAtomic(file: string, text: string, mode = 0o600): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Math.floor(Math.random() * 0x1_0000_0000).toString(16).padStart(8, '0')}.tmp`);
  try {
    fs.writeFileSync(tmp, text, { mode, flag: 'wx' });
    if (process.platform !== 'win32') fs.chmodSync(tmp, mode);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
