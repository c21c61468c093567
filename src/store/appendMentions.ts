import type { DuckDBAppender } from '@duckdb/node-api';
import type { AreaResult } from '../classify/types.js';

/** Appends one comment's mentions (one row per area) in the column order of `mentions`. */
export function appendMentions(mentions: DuckDBAppender, commentId: bigint, areas: readonly AreaResult[], lexiconVersion: string): void {
  for (const a of areas) {
    mentions.appendBigInt(commentId);
    mentions.appendVarchar(a.area);
    mentions.appendVarchar(a.polarity);
    mentions.appendDouble(a.score);
    mentions.appendVarchar(JSON.stringify(a.evidence));
    mentions.appendVarchar(lexiconVersion);
    mentions.endRow();
  }
}
