/**
 * Answer before the host gives up on us: the installers set a 600 s timeout, the ask itself waits for
 * the window's confirm timeout (300 s by default) plus a margin. A host that times a hook out may run
 * the call, so the deadline answers deny first.
 */
export const HOOK_DEADLINE_MS = 590_000;
