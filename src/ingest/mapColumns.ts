import { UserError } from '../cli/UserError.js';
import { CONTRACT_COLUMNS, type ContractColumn } from './commentSchema.js';

export interface ColumnMap {
  /** index of each contract column found */
  readonly index: Partial<Record<ContractColumn, number>>;
  /** extra columns: index and cleaned header name */
  readonly extras: { index: number; name: string }[];
  readonly width: number;
}

const clean = (h: string) => h.replace(/^\uFEFF/, '').trim().toLowerCase();

/**
 * Maps a header row onto the contract's columns, case-insensitively and ignoring surrounding
 * spaces, accepting the pipeline's aliases. Fails naming the missing column and the headers found.
 */
export function mapColumns(
  file: string,
  header: readonly string[],
  required: readonly ContractColumn[],
  aliases: Readonly<Record<string, readonly string[]>> = {},
): ColumnMap {
  const names = header.map(clean);
  const index: Partial<Record<ContractColumn, number>> = {};
  const used = new Set<number>();
  for (const col of CONTRACT_COLUMNS) {
    const candidates = [col, ...(aliases[col] ?? []).map(clean)];
    for (const c of candidates) {
      const i = names.indexOf(c);
      if (i >= 0 && !used.has(i)) {
        index[col] = i;
        used.add(i);
        break;
      }
    }
  }
  const missing = required.filter((c) => index[c] === undefined);
  if (missing.length > 0) {
    const found = header.map((h) => `"${h.trim()}"`).join(', ');
    throw new UserError(
      `${file}:1: missing required column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}; the header has ${found}`,
    );
  }
  const dup = names.findIndex((n, i) => n !== '' && names.indexOf(n) !== i);
  if (dup >= 0) throw new UserError(`${file}:1:${dup + 1}: column "${header[dup]?.trim()}" appears twice in the header`);
  const extras = names
    .map((name, i) => ({ index: i, name }))
    .filter((e) => !used.has(e.index) && e.name !== '');
  return { index, extras, width: header.length };
}
