import { commentRowSchema, type CommentInput, type ContractColumn } from './commentSchema.js';
import { mapColumns } from './mapColumns.js';
import { readCsv } from './readCsv.js';

export interface Reject {
  readonly line: number;
  readonly reason: string;
  /** the row as read, cells joined by the delimiter; redacted before it is stored */
  readonly raw: string;
}

export type RowResult = { readonly ok: CommentInput } | { readonly reject: Reject };

export interface CommentStream {
  readonly file: string;
  readonly encoding: string;
  readonly delimiter: string;
  readonly rows: AsyncIterable<RowResult>;
}

/**
 * Reads a comment CSV row by row: maps the columns, validates each row with zod and yields either
 * a comment or a reject naming line, column and what was expected. Every non-blank data row yields
 * exactly one result, so rows read = loaded + rejected.
 */
export async function readComments(
  file: string,
  opts: {
    required: readonly ContractColumn[];
    aliases?: Record<string, readonly string[]>;
    encoding?: string;
    /** reject a repeated id here (keeps every id in memory); `run` checks in the database instead */
    rejectDuplicates?: boolean;
  },
): Promise<CommentStream> {
  const csv = await readCsv(file, { encoding: opts.encoding });
  const map = mapColumns(file, csv.header, opts.required, opts.aliases);
  const seen = new Map<string, number>();

  async function* rows(): AsyncGenerator<RowResult> {
    for await (const rec of csv.records) {
      const raw = rec.cells.join(csv.delimiter);
      if (rec.cells.length !== map.width) {
        yield {
          reject: {
            line: rec.line,
            raw,
            reason: `expected ${map.width} columns as in the header, found ${rec.cells.length}`,
          },
        };
        continue;
      }
      const obj: Record<string, string> = {};
      for (const [col, i] of Object.entries(map.index)) obj[col] = rec.cells[i] ?? '';
      const blank = opts.required.find((c) => (obj[c] ?? '').trim() === '');
      if (blank) {
        const colNo = (map.index[blank] ?? 0) + 1;
        yield { reject: { line: rec.line, raw, reason: `column "${blank}" (${colNo}): the ${blank} is empty` } };
        continue;
      }
      for (const c of ['year', 'date'] as const) if ((obj[c] ?? '').trim() === '') delete obj[c];
      const parsed = commentRowSchema.safeParse(obj);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const col = String(issue?.path[0] ?? '');
        const colNo = (map.index[col as ContractColumn] ?? 0) + 1;
        yield { reject: { line: rec.line, raw, reason: `column "${col}" (${colNo}): ${issue?.message ?? 'invalid'}` } };
        continue;
      }
      const first = opts.rejectDuplicates === false ? undefined : seen.get(parsed.data.id);
      if (first !== undefined) {
        yield { reject: { line: rec.line, raw, reason: `duplicate id "${parsed.data.id}" (first on line ${first})` } };
        continue;
      }
      if (opts.rejectDuplicates !== false) seen.set(parsed.data.id, rec.line);
      const extra: Record<string, string> = {};
      for (const e of map.extras) extra[e.name] = rec.cells[e.index] ?? '';
      yield { ok: { ...parsed.data, line: rec.line, extra } };
    }
  }
  return { file, encoding: csv.encoding, delimiter: csv.delimiter, rows: rows() };
}
