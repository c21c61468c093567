/**
 * How far two annotators agree, and where the classifier stands between them.
 *
 *   npm run eval:agreement                                 # every pair in fixtures/agreement/
 *   npm run eval:agreement -- A.csv B.csv [--pipeline FILE]  # one pair
 *
 * A pair is one gold set labelled twice, independently, from ANNOTATION.md alone: the file in
 * fixtures/gold/ and a second labelling of the same comments in fixtures/agreement/ (same ids,
 * same texts, only `labels` differs). Agreement is scored with the measures `pulse evaluate`
 * uses, with annotator A as gold and B as predictions (area micro-F1 is symmetric in the two;
 * polarity agreement is over the areas both labelled). The classifier is scored against each
 * annotator, and against the areas both agree on, so the table shows how close the classifier
 * comes to the agreement between annotators: the ceiling any classifier can be measured against.
 */
import { readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Polarity } from '../src/classify/types.js';
import { createClassifier } from '../src/classify/createClassifier.js';
import { parseLabels } from '../src/evaluate/parseLabels.js';
import { scoreGold, type GoldItem } from '../src/evaluate/scoreGold.js';
import { readComments } from '../src/ingest/readComments.js';
import { loadPipeline } from '../src/pipeline/loadPipeline.js';
import { redact } from '../src/redact/redact.js';

const { values, positionals } = parseArgs({ options: { pipeline: { type: 'string' } }, allowPositionals: true });
const root = resolve(import.meta.dirname, '..');
const pipeline = loadPipeline(values.pipeline);
const classifier = createClassifier(pipeline);

interface Row {
  readonly id: string;
  readonly lang: string;
  readonly text: string;
  readonly labels: Map<string, Polarity>;
}

async function read(file: string): Promise<Row[]> {
  const stream = await readComments(file, { required: ['id', 'text'], aliases: pipeline.columns });
  const rows: Row[] = [];
  for await (const r of stream.rows) {
    if ('reject' in r) throw new Error(`${file}:${r.reject.line}: ${r.reject.reason}`);
    const row = r.ok;
    try {
      rows.push({ id: row.id, lang: row.lang ?? '', text: row.text, labels: parseLabels(row.extra.labels ?? '', pipeline.areaIds) });
    } catch (e) {
      throw new Error(`${file}:${row.line}: column "labels": ${(e as Error).message}`);
    }
  }
  return rows;
}

/** The pairs: explicit, or each fixtures/agreement/<set>.b.csv with fixtures/gold/<set>.csv. */
function pairs(): [string, string][] {
  if (positionals.length > 0) {
    if (positionals.length !== 2) throw new Error('give two files (A.csv B.csv) or none');
    return [[positionals[0] as string, positionals[1] as string]];
  }
  const dir = join(root, 'fixtures', 'agreement');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.b.csv'))
    .sort()
    .map((f) => [join(root, 'fixtures', 'gold', f.replace(/\.b\.csv$/, '.csv')), join(dir, f)]);
}

const cell = (s: ReturnType<typeof scoreGold>) => `${s.area.micro.f1.toFixed(3)} / ${s.polarity.accuracy.toFixed(3)}`;

const lines = [
  '| set | comments | A vs B (annotators) | classifier vs A | classifier vs B | classifier vs A∩B |',
  '|---|--:|--:|--:|--:|--:|',
];
for (const [fa, fb] of pairs()) {
  const a = await read(fa);
  const b = await read(fb);
  if (a.length !== b.length) throw new Error(`${fb}: ${b.length} comments, ${fa} has ${a.length}`);
  const annotators: GoldItem[] = [];
  const vsA: GoldItem[] = [];
  const vsB: GoldItem[] = [];
  const vsBoth: GoldItem[] = [];
  a.forEach((ra, i) => {
    const rb = b[i] as Row;
    if (rb.id !== ra.id || rb.text !== ra.text) throw new Error(`${fb}: row ${i + 1} is ${rb.id}, expected ${ra.id} with the same text`);
    const res = classifier.classify(redact(ra.text).text, ra.lang);
    const predicted = new Map(res.areas.map((x) => [x.area, x.polarity]));
    // the areas (and polarities) both annotators gave; the classifier is scored on those only
    const both = new Map([...ra.labels].filter(([area, p]) => rb.labels.get(area) === p));
    const disputed = new Set([...ra.labels.keys(), ...rb.labels.keys()].filter((area) => !both.has(area)));
    annotators.push({ id: ra.id, lang: ra.lang, gold: ra.labels, predicted: rb.labels });
    vsA.push({ id: ra.id, lang: ra.lang, gold: ra.labels, predicted });
    vsB.push({ id: ra.id, lang: ra.lang, gold: rb.labels, predicted });
    // disputed areas are left out of both sides
    vsBoth.push({
      id: ra.id,
      lang: ra.lang,
      gold: both,
      predicted: new Map([...predicted].filter(([area]) => !disputed.has(area))),
    });
  });
  const s = (items: GoldItem[]) => scoreGold(items, pipeline.areaIds);
  lines.push(`| ${basename(fa, '.csv')} | ${a.length} | ${cell(s(annotators))} | ${cell(s(vsA))} | ${cell(s(vsB))} | ${cell(s(vsBoth))} |`);
}
process.stdout.write(`${lines.join('\n')}\n\nEach cell: area micro-F1 / polarity agreement. Lexicon ${classifier.version}.\n`);
