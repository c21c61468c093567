/**
 * Memory while loading a large batch: generates N comments, loads them with `pulse run`'s
 * loader into a new DuckDB file and prints RSS and JS heap (after a forced GC) every 100,000
 * rows, so one can see that memory does not grow with the file.
 *
 *   npm run bench:memory -- --rows 600000
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCsv } from '../fixtures/generator/index.js';
import { createClassifier } from '../src/classify/createClassifier.js';
import { loadPipeline } from '../src/pipeline/loadPipeline.js';
import { loadBatch } from '../src/store/loadBatch.js';
import { openDatabase } from '../src/store/openDatabase.js';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '600000' } } });
const rows = Number(values.rows);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc (npm run bench:memory does)');
const dir = mkdtempSync(join(tmpdir(), 'pulse-mem-'));
const csv = join(dir, 'comments.csv');
await writeCsv({ rows, seed: 'memory' }, createWriteStream(csv));
const pipeline = loadPipeline();
const classifier = createClassifier(pipeline);
const db = await openDatabase(join(dir, 'mem.duckdb'));
const mib = (x: number) => `${(x / 2 ** 20).toFixed(0)} MiB`;
const report = (n: number | string) => {
  gc();
  const m = process.memoryUsage();
  process.stdout.write(`${String(n).padStart(9)} rows  rss ${mib(m.rss).padStart(8)}  js heap ${mib(m.heapUsed).padStart(8)}\n`);
};
process.stdout.write(`loading ${rows.toLocaleString('en')} generated comments, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}\n`);
let next = 100_000;
const t = performance.now();
const b = await loadBatch(db, csv, pipeline, classifier, {
  progress: (n) => {
    if (n >= next) {
      next += 100_000;
      report(n);
    }
  },
});
report('end');
process.stdout.write(`${b.rowsRead.toLocaleString('en')} rows in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
db.close();
rmSync(dir, { recursive: true, force: true });
