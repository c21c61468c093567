/**
 * Speed and memory, measured, never asserted in a unit test.
 *
 *   npm run bench                      # classify throughput + a full `pulse run` load
 *   npm run bench -- --comments 50000 --rows 200000
 *
 * 1. classify: comments per second on one thread, over generated comments in all four languages
 *    (language given, as in a CSV with a lang column, and detected), after three warm-up passes;
 *    best of 5 timed passes; plus redaction alone, and the bag-of-words floor (the same lexicons
 *    summed without rules) for comparison.
 * 2. load: a generated CSV through `pulse run` into a fresh DuckDB file (read, redact, classify,
 *    append, commit), rows per second and peak RSS.
 */
import { mkdtempSync, rmSync, createWriteStream } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateComments, writeCsv } from '../fixtures/generator/index.js';
import { createClassifier } from '../src/classify/createClassifier.js';
import { loadPipeline } from '../src/pipeline/loadPipeline.js';
import { redact } from '../src/redact/redact.js';
import { tokenize } from '../src/normalize/tokenize.js';
import { main } from '../src/cli/main.js';

const { values } = parseArgs({
  options: { comments: { type: 'string', default: '20000' }, rows: { type: 'string', default: '100000' } },
});
const N = Number(values.comments);
const ROWS = Number(values.rows);
const log = (s: string) => process.stdout.write(`${s}\n`);

log(`civic-pulse bench, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} (${cpus().length} cores)`);
const t0 = performance.now();
const classifier = createClassifier(loadPipeline());
log(`lexicons compiled in ${(performance.now() - t0).toFixed(0)} ms (version ${classifier.version})`);

const comments = [...generateComments({ rows: N, seed: 'bench' })];
const chars = comments.reduce((s, c) => s + c.text.length, 0);
log(`${N.toLocaleString('en')} generated comments, ${(chars / N).toFixed(0)} characters on average`);

/**
 * Timed passes after the warm-up. A yearly batch of a million rows runs in the steady state the
 * JIT reaches after its first few tens of thousands of comments, so that is what is timed.
 */
const WARMUP = 3;
const PASSES = 5;

function timed(label: string, f: () => void): void {
  // warm-up: fills the stem and match caches and lets the JIT settle, as a real run does after its first rows
  for (let k = 0; k < WARMUP; k++) f();
  const runs: number[] = [];
  for (let k = 0; k < PASSES; k++) {
    const t = performance.now();
    f();
    runs.push(performance.now() - t);
  }
  const best = Math.min(...runs);
  log(`${label.padEnd(42)} ${Math.round((N / best) * 1000).toLocaleString('en').padStart(9)} comments/s  (${((best / N) * 1000).toFixed(1)} µs each; passes ${runs.map((r) => r.toFixed(0)).join(' / ')} ms)`);
}

let sink = 0;
timed('classify, language given', () => {
  for (const c of comments) sink += classifier.classify(c.text, c.lang).areas.length;
});
timed('classify, language detected', () => {
  for (const c of comments) sink += classifier.classify(c.text).areas.length;
});
timed('redact', () => {
  for (const c of comments) sink += redact(c.text).findings.length;
});
// the bag-of-words floor: the same lexicons' single words summed, no clauses, no rules
const bow = new Map<string, number>();
timed('bag of words over the same lexicons (floor)', () => {
  for (const c of comments) {
    const lex = classifier.lexicons.byLang.get(c.lang);
    if (!lex) continue;
    let s = 0;
    for (const t of tokenize(c.text)) {
      if (t.kind !== 'word') continue;
      let v = bow.get(t.norm);
      if (v === undefined) {
        v = 0;
        const m = lex.match(t.norm);
        for (const id of m.ids) {
          const p = lex.tries.lexical.next.get(id)?.payloads.find((x) => x.kind === 'polarity');
          if (p && p.kind === 'polarity') v += p.valence;
        }
        bow.set(t.norm, v);
      }
      s += v;
    }
    sink += s;
  }
});
const mem = process.memoryUsage();
log(`memory after classify: rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB, heap ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`);

// --- full load through the CLI
const dir = mkdtempSync(join(tmpdir(), 'pulse-bench-'));
const csv = join(dir, 'comments.csv');
await writeCsv({ rows: ROWS, seed: 'bench-load' }, createWriteStream(csv));
const silent = { out: () => {}, err: () => {}, tty: false, cwd: dir };
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
rmSync(dir, { recursive: true, force: true });
if (sink === -1) log('');
