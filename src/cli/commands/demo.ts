import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readReportData } from '../../aggregate/readReportData.js';
import { loadPipeline } from '../../pipeline/loadPipeline.js';
import { readTopChanges } from '../../aggregate/readTopChanges.js';
import { renderTopChanges } from '../../report/renderTopChanges.js';
import { renderYearTable } from '../../report/renderYearTable.js';
import { openDatabase } from '../../store/openDatabase.js';
import { parse } from '../args.js';
import type { Io } from '../io.js';
import { buildReport, reportContext } from './report.js';
import { runBatches } from './run.js';

export const DEMO_FILE = resolve(fileURLToPath(import.meta.url), '../../../../fixtures/demo/comments.csv');

/**
 * `npm start`: loads the bundled demo comments into ./pulse.duckdb, prints % positive per area per
 * year (all municipalities) with the change from the previous year, and writes ./report.html.
 */
export async function demoCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse('demo', args, {
    db: { type: 'string' },
    output: { type: 'string' },
    input: { type: 'string' },
    pipeline: { type: 'string' },
  });
  const dbPath = values.db ?? resolve(io.cwd, 'pulse.duckdb');
  const output = values.output ?? resolve(io.cwd, 'report.html');
  const pipeline = loadPipeline(values.pipeline);
  await runBatches([values.input ?? DEMO_FILE], dbPath, io, { pipeline: values.pipeline, peerGroups: resolve(DEMO_FILE, '../peer-groups.csv') });
  const db = await openDatabase(dbPath, { mustExist: true });
  let latest: number;
  let table: string;
  try {
    const y = (await db.connection.runAndReadAll('SELECT max(year) AS y FROM comments')).getRowObjects()[0];
    latest = Number(y?.y);
    const data = await readReportData(db, { year: latest, municipality: null, examples: 0 });
    const ctx = reportContext(pipeline, '');
    table = `${renderYearTable(data, ctx.labels, pipeline.areaIds)}\n${renderTopChanges(await readTopChanges(db, latest, 8), ctx.labels, latest)}`;
  } finally {
    db.close();
  }
  // the files first, then stdout: a reader that closes the pipe early ("| head") loses nothing
  writeFileSync(output, await buildReport(dbPath, pipeline, { year: latest, municipality: null, format: 'html' }));
  io.err(`demo: wrote ${output} (all municipalities, ${latest}); the database is ${dbPath}\n`);
  io.out(table);
  return 0;
}
