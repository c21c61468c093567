/**
 * Lexicon audit against labelled text: which entries fire where the label disagrees with their
 * sign, and which frequent words reach no entry at all. A tool for the lexicon writer: it lists
 * words and entries, never sentences, so what it suggests is vocabulary, not fitting.
 *
 *   npm run audit -- --lang da [--file ../shared/eval/polarity-dev.jsonl] [--source lcc_sentiment]
 *                    [--min 3] [--top 200]
 *
 * Input: JSONL rows {id, lang, source, text, label} (the public eval format). Output, on stdout,
 * two TSV sections:
 *   entries    entry, sign, times fired, gold pos/neu/neg, share of texts whose label agrees
 *   unmatched  word, count, gold pos/neu/neg (words no lexicon layer reaches)
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createClassifier } from '../src/classify/createClassifier.js';
import { loadPipeline } from '../src/pipeline/loadPipeline.js';

const { values } = parseArgs({
  options: {
    file: { type: 'string', default: '../shared/eval/polarity-dev.jsonl' },
    lang: { type: 'string' },
    source: { type: 'string' },
    min: { type: 'string', default: '3' },
    top: { type: 'string', default: '200' },
  },
});
if (!values.lang) {
  process.stderr.write('lexicon-audit: --lang sv|da|nb|en is required\n');
  process.exit(2);
}

const rowSchema = z.object({
  id: z.string(),
  lang: z.enum(['sv', 'da', 'nb', 'en']),
  source: z.string(),
  text: z.string(),
  label: z.enum(['pos', 'neg', 'neu']),
});
type Label = 'pos' | 'neu' | 'neg';
const counts = () => ({ pos: 0, neu: 0, neg: 0, n: 0 });

const classifier = createClassifier(loadPipeline());
// function words (lexicons/<lang>/function-words.tsv) are not candidates for the lexicon
const functionWords = new Set(
  readFileSync(`lexicons/${values.lang}/function-words.tsv`, 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .slice(1)
    .map((l) => l.split('\t')[0]!.toLowerCase()),
);
const entries = new Map<string, ReturnType<typeof counts> & { sign: number }>();
const unmatched = new Map<string, ReturnType<typeof counts>>();
const minCount = Number(values.min);
const top = Number(values.top);

const lines = readFileSync(values.file as string, 'utf8').split('\n').filter(Boolean);
lines.forEach((l, i) => {
  const parsed = rowSchema.safeParse(JSON.parse(l));
  if (!parsed.success) throw new Error(`${values.file}:${i + 1}: ${parsed.error.issues[0]?.message}`);
  const r = parsed.data;
  if (r.lang !== values.lang || (values.source && r.source !== values.source)) return;
  const res = classifier.classify(r.text, r.lang, { trace: true });
  const seen = new Set<string>();
  for (const j of res.trace?.judgements ?? []) {
    const m = /\((lexicons\/[^)]+)\)/.exec(j.steps[0] ?? '');
    if (!m?.[1] || seen.has(m[1])) continue;
    seen.add(m[1]);
    const e = entries.get(m[1]) ?? { ...counts(), sign: Math.sign(j.base) };
    e[r.label as Label]++;
    e.n++;
    entries.set(m[1], e);
  }
  const words = new Set<string>();
  for (const t of res.trace?.tokens ?? []) {
    const w = t.text.toLowerCase();
    if (t.roles.length === 0 && /^\p{L}{3,}$/u.test(w) && !functionWords.has(w)) words.add(w);
  }
  for (const w of words) {
    const c = unmatched.get(w) ?? counts();
    c[r.label as Label]++;
    c.n++;
    unmatched.set(w, c);
  }
});

const out: string[] = ['# entries: fired in n texts; agree = share whose label has the entry\'s sign', 'entry\tsign\tn\tpos\tneu\tneg\tagree'];
const agree = (e: { sign: number; pos: number; neg: number; n: number }) => (e.sign > 0 ? e.pos : e.neg) / e.n;
[...entries.entries()]
  .filter(([, e]) => e.n >= minCount)
  .sort((a, b) => (b[1].n - (b[1].sign > 0 ? b[1].pos : b[1].neg)) - (a[1].n - (a[1].sign > 0 ? a[1].pos : a[1].neg)) || (a[0] < b[0] ? -1 : 1))
  .slice(0, top)
  .forEach(([k, e]) => out.push(`${k}\t${e.sign > 0 ? '+' : '-'}\t${e.n}\t${e.pos}\t${e.neu}\t${e.neg}\t${agree(e).toFixed(2)}`));
out.push('', '# unmatched words (no lexicon layer reaches them), most frequent first', 'word\tn\tpos\tneu\tneg');
[...unmatched.entries()]
  .filter(([, c]) => c.n >= minCount)
  .sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? -1 : 1))
  .slice(0, top)
  .forEach(([w, c]) => out.push(`${w}\t${c.n}\t${c.pos}\t${c.neu}\t${c.neg}`));
process.stdout.write(`${out.join('\n')}\n`);
