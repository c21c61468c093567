import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { openDatabase, type Database } from '../../store/openDatabase.js';
import { UserError } from '../UserError.js';
import { parse, required } from '../args.js';
import { fileSink, type Io } from '../io.js';

export const EXPORT_USAGE = 'pulse export --db FILE --format parquet|csv --output DIR';

const COMMENTS_SQL = `SELECT comment_id, batch_id, source_id, year, municipality, lang, channel, date, text, sentiment,
  sentiment_score, lexicon_version, extra FROM comments ORDER BY comment_id`;
const MENTIONS_SQL = `SELECT m.comment_id, c.year, m.area, m.polarity, m.score, m.lexicon_version, m.evidence
  FROM mentions m JOIN comments c USING (comment_id) ORDER BY m.comment_id, m.area`;

/**
 * Open data: comments and mentions as Parquet partitioned by year (`comments/year=2024/…`),
 * readable by DuckDB, Spark or pandas; or as CSV with spreadsheet formulas neutralised. The
 * output folder must be new or empty; user paths never become SQL text (DuckDB writes into a
 * temporary folder of our own naming, which is then copied).
 */
export async function exportCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse('export', args, { db: { type: 'string' }, format: { type: 'string' }, output: { type: 'string' } });
  const dbPath = required('export', 'db', values.db);
  const out = resolve(required('export', 'output', values.output));
  const format = values.format ?? 'parquet';
  if (format !== 'parquet' && format !== 'csv') throw new UserError(`pulse export: --format must be parquet or csv, got "${format}"`, 2);
  if (existsSync(out) && readdirSync(out).length > 0) throw new UserError(`${out}: the output folder is not empty`);
  mkdirSync(out, { recursive: true });
  const db = await openDatabase(dbPath, { mustExist: true });
  try {
    if (format === 'parquet') await exportParquet(db, out);
    else await exportCsv(db, out);
  } finally {
    db.close();
  }
  io.err(`export: wrote ${format} to ${out}\n`);
  return 0;
}

async function exportParquet(db: Database, out: string): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'pulse-export-'));
  if (!/^[A-Za-z0-9/_.-]+$/.test(work)) throw new UserError(`${work}: the temporary folder has an unusual name; set TMPDIR`);
  try {
    for (const [name, sql] of [
      ['comments', COMMENTS_SQL],
      ['mentions', MENTIONS_SQL],
    ] as const) {
      await db.connection.run(`COPY (${sql}) TO '${work}/${name}' (FORMAT parquet, PARTITION_BY (year), OVERWRITE_OR_IGNORE)`);
    }
    cpSync(work, out, { recursive: true });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Streams a query to a CSV file; cells starting with = + - @ are prefixed with ' (papaparse). */
async function exportCsv(db: Database, out: string): Promise<void> {
  for (const [name, sql] of [
    ['comments', COMMENTS_SQL],
    ['mentions', MENTIONS_SQL],
  ] as const) {
    const sink = fileSink(join(out, `${name}.csv`));
    const result = await db.connection.stream(sql);
    await sink.write(`${Papa.unparse([result.columnNames()])}\r\n`);
    for await (const rows of result.yieldRowsJs()) {
      const cells = rows.map((r) => r.map((v) => (v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v))));
      if (cells.length > 0) await sink.write(`${Papa.unparse(cells, { escapeFormulae: true })}\r\n`);
    }
    await sink.end();
  }
}
