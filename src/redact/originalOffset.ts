import type { Finding } from './redact.js';

/**
 * Maps a UTF-16 offset in redacted text back to the original text, so evidence printed from the
 * redacted text can still point into the input (CONTRACT.md). An offset inside a placeholder maps
 * to the start of what it replaced (or its end, for `end` offsets).
 */
export function originalOffset(findings: readonly Finding[], pos: number, isEnd = false): number {
  let delta = 0; // original - redacted, before the current finding
  for (const f of findings) {
    const placeholder = f.type.length + 2;
    const rStart = f.start - delta;
    if (pos < rStart || (isEnd && pos === rStart)) return pos + delta;
    if (pos < rStart + placeholder || (isEnd && pos === rStart + placeholder)) return isEnd ? f.end : f.start;
    delta += f.end - f.start - placeholder;
  }
  return pos + delta;
}
