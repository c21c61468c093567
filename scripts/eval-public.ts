/**
 * Document-level polarity on the public data in ../shared/eval (never copied into the project):
 * accuracy and macro-F1 per source, beside the best peer of ../shared/eval/baselines.md.
 *
 *   npm run eval -- [--file ../shared/eval/polarity-dev.jsonl] [--json] [--errors SOURCE]
 *                   [--predictions FILE]   (writes id, source, gold and predicted label per line: diff two runs)
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createClassifier } from '../src/classify/createClassifier.js';
import { readEvalRows } from '../src/evaluate/readEvalRows.js';
import { loadPipeline } from '../src/pipeline/loadPipeline.js';

const { values } = parseArgs({
  options: {
    file: { type: 'string', default: '../shared/eval/polarity-dev.jsonl' },
    json: { type: 'boolean' },
    errors: { type: 'string' },
    show: { type: 'string', default: '0' },
    pipeline: { type: 'string' },
    predictions: { type: 'string' },
  },
});

/** Best peer per source (dev split), from ../shared/eval/baselines.md, measured 2026-11-22. */
export const BEST_PEER: Record<string, { peer: string; f1: number; target: number }> = {
  swe_sentiment: { peer: 'vader-sv', f1: 0.516, target: 0.62 },
  lcc_sentiment: { peer: 'danlex-da', f1: 0.61, target: 0.71 },
  danish_social_media: { peer: 'danlex-da', f1: 0.534, target: 0.63 },
  norec_sentence: { peer: 'norsentlex-nb', f1: 0.464, target: 0.57 },
  scandisent_mt: { peer: 'wink', f1: 0.793, target: 0.79 },
};

const classifier = createClassifier(loadPipeline(values.pipeline));
const bySource = new Map<string, { gold: string; pred: string; text: string; id: string; why: string }[]>();
for (const r of readEvalRows(values.file as string)) {
  const res = classifier.classify(r.text, r.lang, { trace: values.errors === r.source });
  const list = bySource.get(r.source) ?? [];
  const why = res.trace ? res.trace.judgements.map((j) => `[${j.text} ${j.value}]`).join(' ') : '';
  list.push({ gold: r.label, pred: res.sentiment.label, text: r.text, id: r.id, why });
  bySource.set(r.source, list);
}

function macroF1(items: { gold: string; pred: string }[]): number {
  const classes = [...new Set(items.map((i) => i.gold))];
  let sum = 0;
  for (const c of classes) {
    const tp = items.filter((i) => i.gold === c && i.pred === c).length;
    const fp = items.filter((i) => i.gold !== c && i.pred === c).length;
    const fn = items.filter((i) => i.gold === c && i.pred !== c).length;
    const p = tp + fp ? tp / (tp + fp) : 0;
    const r = tp + fn ? tp / (tp + fn) : 0;
    sum += p + r ? (2 * p * r) / (p + r) : 0;
  }
  return sum / classes.length;
}

if (values.predictions) {
  const rows = [...bySource.values()].flat().map((i) => `${i.id}\t${i.gold}\t${i.pred}\t${i.text.replace(/\s+/g, ' ')}`);
  writeFileSync(values.predictions, `${rows.join('\n')}\n`);
}

const results = [...bySource.entries()].sort().map(([source, items]) => {
  const acc = items.filter((i) => i.gold === i.pred).length / items.length;
  const f1 = macroF1(items);
  const peer = BEST_PEER[source];
  return { source, n: items.length, accuracy: acc, macro_f1: f1, best_peer: peer?.peer, best_peer_f1: peer?.f1, target: peer?.target, meets_target: peer ? f1 >= peer.target : null };
});

if (values.json) {
  process.stdout.write(`${JSON.stringify({ file: values.file, lexicon_version: classifier.version, results }, null, 2)}\n`);
} else {
  const out = [`file ${values.file}, lexicon ${classifier.version}`, '', '| source | n | accuracy % | macro-F1 | best peer | peer F1 | target | met |', '|---|--:|--:|--:|---|--:|--:|---|'];
  for (const r of results) {
    out.push(`| ${r.source} | ${r.n} | ${(100 * r.accuracy).toFixed(1)} | ${r.macro_f1.toFixed(3)} | ${r.best_peer ?? ''} | ${r.best_peer_f1?.toFixed(3) ?? ''} | ${r.target?.toFixed(2) ?? ''} | ${r.meets_target ? 'yes' : 'no'} |`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}
if (values.errors) {
  const items = bySource.get(values.errors) ?? [];
  const conf = new Map<string, number>();
  for (const i of items) conf.set(`${i.gold}->${i.pred}`, (conf.get(`${i.gold}->${i.pred}`) ?? 0) + 1);
  process.stderr.write(`confusion ${values.errors}: ${[...conf].sort().map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
  // misclassified examples with the judgements behind them, to find what the lexicon misses
  let shown = 0;
  for (const i of items) {
    if (i.gold === i.pred || shown >= Number(values.show)) continue;
    shown++;
    process.stderr.write(`${i.gold}->${i.pred}\t${i.text}\t${i.why}\n`);
  }
}
