/**
 * Speed and memory, measured, never asserted in a unit test.
 *
 *   npm run bench                      # classify throughput + a full `pulse run` load
 *   npm run bench -- --processes 7 --comments 20000 --rows 200000
 *
 * 1. classify: comments per second on one thread, over generated comments in all four languages
 *    (language given, as in a CSV with a lang column, and detected), after three warm-up passes,
 *    best of 5 timed passes, in several fresh processes one after another (scripts/bench-classify.ts
 *    says why); the median process is the figure, the range shows the machine. wink-sentiment runs
 *    in the same processes on the same texts as a yardstick, and so do redaction alone and the
 *    bag-of-words floor (the same lexicons summed without rules).
 * 2. load: a generated CSV through `pulse run` into a fresh DuckDB file (read, redact, classify,
 *    append, commit), rows per second and peak RSS.
 */
import { mkdtempSync, rmSync, createWriteStream } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir, cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCsv } from '../fixtures/generator/index.js';
import { main } from '../src/cli/main.js';

const { values } = parseArgs({
  options: {
    comments: { type: 'string', default: '20000' },
    rows: { type: 'string', default: '100000' },
    processes: { type: 'string', default: '5' },
  },
});
const N = Number(values.comments);
const ROWS = Number(values.rows);
const PROCESSES = Number(values.processes);
const log = (s: string) => process.stdout.write(`${s}\n`);
const root = resolve(import.meta.dirname, '..');

interface ProcessFigures {
  version: string;
  compileMs: number;
  chars: number;
  given: number;
  detected: number;
  wink: number;
  redaction: number;
  floor: number;
  rssMiB: number;
  heapMiB: number;
}

log(`civic-pulse bench, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} (${cpus().length} cores)`);
const runs: ProcessFigures[] = [];
for (let k = 0; k < PROCESSES; k++) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'bench-classify.ts'), '--comments', String(N)], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const r = JSON.parse(out) as ProcessFigures;
  runs.push(r);
  process.stderr.write(`process ${k + 1}/${PROCESSES}: given ${r.given}/s, detected ${r.detected}/s, wink-sentiment ${r.wink}/s\n`);
}
const first = runs[0] as ProcessFigures;
log(`lexicon version ${first.version}, compiled in ${first.compileMs} ms`);
log(`${N.toLocaleString('en')} generated comments, ${first.chars} characters on average; ${PROCESSES} fresh processes, each: 3 warm-up passes, best of 5`);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const fmt = (x: number) => Math.round(x).toLocaleString('en');
function row(label: string, pick: (r: ProcessFigures) => number): void {
  const xs = runs.map(pick);
  const m = median(xs);
  log(`${label.padEnd(44)} ${fmt(m).padStart(9)} comments/s  (${(1e6 / m).toFixed(1)} µs each; processes ${fmt(Math.min(...xs))} to ${fmt(Math.max(...xs))})`);
}
row('classify, language given', (r) => r.given);
row('classify, language detected', (r) => r.detected);
row('wink-sentiment on the same texts (yardstick)', (r) => r.wink);
row('redact', (r) => r.redaction);
row('bag of words over the same lexicons (floor)', (r) => r.floor);
const ratios = runs.map((r) => r.given / r.wink);
log(`classify (language given) / wink-sentiment, same process: median ${median(ratios).toFixed(2)} (${Math.min(...ratios).toFixed(2)} to ${Math.max(...ratios).toFixed(2)})`);
log(`memory after classify: rss ${median(runs.map((r) => r.rssMiB))} MiB, heap ${median(runs.map((r) => r.heapMiB))} MiB (median process)`);

// --- full load through the CLI
const dir = mkdtempSync(join(tmpdir(), 'pulse-bench-'));
const csv = join(dir, 'comments.csv');
await writeCsv({ rows: ROWS, seed: 'bench-load' }, createWriteStream(csv));
const errors: string[] = [];
const silent = { out: () => {}, err: (line: string) => void errors.push(line), tty: false, cwd: dir };
let peak = 0;
const timer = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 50);
const t1 = performance.now();
const code = await main(['run', '--input', csv, '--db', join(dir, 'bench.duckdb')], silent);
const ms = performance.now() - t1;
clearInterval(timer);
peak = Math.max(peak, process.memoryUsage().rss);
log(`pulse run, ${ROWS.toLocaleString('en')} rows into a new DuckDB file: ${(ms / 1000).toFixed(1)} s, ${Math.round((ROWS / ms) * 1000).toLocaleString('en')} rows/s, peak rss ${(peak / 2 ** 20).toFixed(0)} MiB (exit ${code})`);
if (code !== 0) process.stderr.write(`pulse run failed:\n${errors.join('')}\n`);
if (code !== 0) process.exitCode = 1;
rmSync(dir, { recursive: true, force: true });
