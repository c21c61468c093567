import type { z } from 'zod';
import type { Located } from './schema.js';

export class LexiconError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LexiconError';
  }
}

/**
 * Parses one lexicon TSV file (text already read) against a row schema. Comment lines start with
 * `#`; the first other line is the header, which must name exactly `columns`. Fails on the first
 * bad line, naming file, line, column and what was expected.
 */
export function parseTsv<S extends z.ZodType>(
  text: string,
  file: string,
  columns: readonly string[],
  schema: S,
): Located<z.infer<S>>[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const rows: Located<z.infer<S>>[] = [];
  let header: string[] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const lineNo = i + 1;
    if (line.trim() === '' || line.startsWith('#')) continue;
    const cells = line.split('\t');
    if (!header) {
      header = cells.map((c) => c.trim());
      const same = header.length === columns.length && header.every((h, k) => h === columns[k]);
      if (!same) {
        throw new LexiconError(
          `${file}:${lineNo}: expected the header "${columns.join('<TAB>')}", found "${header.join('<TAB>')}"`,
        );
      }
      continue;
    }
    if (cells.length > columns.length) {
      throw new LexiconError(
        `${file}:${lineNo}: expected at most ${columns.length} tab-separated columns (${columns.join(', ')}), found ${cells.length}`,
      );
    }
    const obj: Record<string, string> = {};
    columns.forEach((c, k) => {
      const v = cells[k];
      if (v !== undefined && v !== '') obj[c] = c === 'note' ? v : v.trim();
    });
    const parsed = schema.safeParse(obj);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const col = issue?.path[0] !== undefined ? String(issue.path[0]) : '?';
      const colNo = columns.indexOf(col) + 1;
      throw new LexiconError(
        `${file}:${lineNo}:${colNo > 0 ? colNo : 1}: column "${col}" ${issue?.message ?? 'is invalid'} (found "${obj[col] ?? ''}")`,
      );
    }
    rows.push({ row: parsed.data, file, line: lineNo });
  }
  if (!header) throw new LexiconError(`${file}: empty file, expected the header "${columns.join('<TAB>')}"`);
  return rows;
}
