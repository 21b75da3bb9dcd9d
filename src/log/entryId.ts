// A log entry's id: its time and 32 random bits. It names an entry (the log view, a restore point's
// Restore action find entries by it); it is no secret, so `Math.random` serves, and the CLI's allow path
// does not load `crypto` for it (≈ 2.5 ms of every hook's start, issue 11).
export function newEntryId(time = new Date()): string {
  const random = Math.floor(Math.random() * 0x1_0000_0000).toString(16).padStart(8, '0');
  return `${time.getTime().toString(36)}-${random}`;
}
