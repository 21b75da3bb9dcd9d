// The shapes the shell reader's parts share: where a command was found (frame), what the line has
// produced so far (output), and the reader's entry points that carriers call back into.
import type { OpaqueContent, SimpleCommand } from '../types';
import type { LineState } from './lineState';
import type { RawCommandLike } from './rawCommand';

export interface Frame {
  via: string[];
  remote?: string;
  assignments: Record<string, string>;
  depth: number;
}

export interface Output {
  commands: SimpleCommand[];
  opaque: OpaqueContent[];
  state: LineState;
}

export interface Reader {
  /** Reads a command line found inside another command (`bash -c`, a trap handler, a git alias). */
  parseText(text: string, frame: Frame, out: Output): void;
  /** Reads one simple command given as words (a git alias expanded, `find -exec`). */
  processRaw(raw: RawCommandLike, frame: Frame, out: Output): SimpleCommand | undefined;
}

/** Deeper than this, a line asks: nesting never lets a command through. */
export const MAX_DEPTH = 8;

export function opaque(out: Output, rule: string, summary: string, command: string): void {
  out.opaque.push({ rule, summary, command });
}

/**
 * A frame one level down. Every frame is built with the same four fields in the same order (no spreads):
 * one object shape keeps the reader's property reads monomorphic (issue 11).
 */
export function deeper(frame: Frame, via: string, extra?: { assignments: Record<string, string> }): Frame {
  return { via: [...frame.via, via], remote: frame.remote, assignments: extra === undefined ? frame.assignments : extra.assignments, depth: frame.depth + 1 };
}
