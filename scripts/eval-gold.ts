/**
 * The project's gold sets, per language: the sets the lexicons were tuned on, and the held-out
 * ones, which no lexicon work ever opened.
 *
 *   npm run eval:gold                  # markdown table on stdout
 *   npm run eval:gold -- --pipeline FILE
 *
 * Files are found by name in fixtures/gold/: `<lang>-dev*.csv` were used to find what the
 * lexicons missed (each was scored once, at first sight, before that); `<lang>-test*.csv` are held
 * out. Each cell is area micro-F1 / polarity accuracy, as `pulse evaluate` computes them.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { main } from '../src/cli/main.js';

const { values } = parseArgs({ options: { pipeline: { type: 'string' } } });
const root = resolve(import.meta.dirname, '..');
const dir = join(root, 'fixtures', 'gold');
const files = readdirSync(dir)
  .filter((f) => /^[a-z]{2}-(dev|test)\d*\.csv$/.test(f))
  .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

interface Score {
  comments: number;
  by_lang: Record<string, { comments: number; area_micro_f1: number; polarity_accuracy: number }>;
  lexicon_version: string;
}

async function score(paths: string[]): Promise<Score> {
  let out = '';
  let err = '';
  const pipeline = values.pipeline ? ['--pipeline', values.pipeline] : [];
  const code = await main(['evaluate', '--json', ...pipeline, '--gold', ...paths], {
    out: (s) => void (out += s),
    err: (s) => void (err += s),
    tty: false,
    cwd: root,
  });
  if (code !== 0) throw new Error(`pulse evaluate failed (${code}): ${err}`);
  return JSON.parse(out) as Score;
}

const cell = (s: Score, lang: string) => {
  const l = s.by_lang[lang];
  return l ? `${l.area_micro_f1.toFixed(3)} / ${l.polarity_accuracy.toFixed(3)}` : '–';
};

const langs = [...new Set(files.map((f) => f.slice(0, 2)))];
const heldNames = [...new Set(files.filter((f) => f.includes('-test')).map((f) => f.slice(3, -4)))];
const rows: string[] = [];
let version = '';
for (const lang of langs) {
  const mine = files.filter((f) => f.startsWith(`${lang}-`));
  const dev = mine.filter((f) => f.includes('-dev'));
  const held = mine.filter((f) => f.includes('-test'));
  const tuned = await score(dev.map((f) => join(dir, f)));
  version = tuned.lexicon_version;
  const cells = [`${cell(tuned, lang)} (${tuned.comments})`];
  for (const name of heldNames) {
    const f = held.find((x) => x === `${lang}-${name}.csv`);
    if (!f) {
      cells.push('–');
      continue;
    }
    const s = await score([join(dir, f)]);
    cells.push(`${cell(s, lang)} (${s.comments})`);
  }
  const all = await score(held.map((f) => join(dir, f)));
  cells.push(`**${cell(all, lang)}** (${all.comments})`);
  rows.push(`| ${lang} | ${cells.join(' | ')} |`);
}
process.stdout.write(`Area micro-F1 / polarity accuracy (comments), lexicon version ${version}\n\n`);
process.stdout.write(`| language | tuned on: dev sets | ${heldNames.map((n) => `${n} (held out)`).join(' | ')} | all held out |\n`);
process.stdout.write(`|---|--:|${heldNames.map(() => '--:|').join('')}--:|\n`);
process.stdout.write(`${rows.join('\n')}\n`);
