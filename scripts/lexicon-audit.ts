/**
 * Lexicon audit against labelled text (src/evaluate/auditLexicon.ts): which entries fire where the
 * label disagrees with their sign, and which frequent words reach no entry at all.
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
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createClassifier } from '../src/classify/createClassifier.js';
import { auditLexicon, type LabelledText } from '../src/evaluate/auditLexicon.js';
import { readEvalRows } from '../src/evaluate/readEvalRows.js';
import { loadPipeline } from '../src/pipeline/loadPipeline.js';

const { values } = parseArgs({
  options: {
    file: { type: 'string', default: '../shared/eval/polarity-dev.jsonl' },
    lang: { type: 'string' },
    source: { type: 'string' },
    min: { type: 'string', default: '3' },
    top: { type: 'string', default: '200' },
    pipeline: { type: 'string' },
  },
});
if (!values.lang || !['sv', 'da', 'nb', 'en'].includes(values.lang)) {
  process.stderr.write('lexicon-audit: --lang sv|da|nb|en is required\n');
  process.exit(2);
}

const pipeline = loadPipeline(values.pipeline);
const classifier = createClassifier(pipeline);
// function words (lexicons/<lang>/function-words.tsv) are not candidates for the lexicon
const functionWords = new Set(
  readFileSync(join(pipeline.lexiconDir, values.lang, 'function-words.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .slice(1)
    .map((l) => (l.split('\t')[0] ?? '').toLowerCase()),
);

const texts: LabelledText[] = readEvalRows(values.file as string).filter(
  (r) => r.lang === values.lang && (!values.source || r.source === values.source),
);

const audit = auditLexicon(classifier, texts, { functionWords, minCount: Number(values.min) });
const top = Number(values.top);
const out = [
  `# ${texts.length} texts; entries: fired in n texts; agree = share whose label has the entry's sign`,
  'entry\tsign\tn\tpos\tneu\tneg\tagree',
  ...audit.entries.slice(0, top).map((e) => `${e.entry}\t${e.sign > 0 ? '+' : '-'}\t${e.n}\t${e.pos}\t${e.neu}\t${e.neg}\t${e.agree.toFixed(2)}`),
  '',
  '# unmatched words (no lexicon layer reaches them), most frequent first',
  'word\tn\tpos\tneu\tneg',
  ...audit.unmatched.slice(0, top).map((c) => `${c.word}\t${c.n}\t${c.pos}\t${c.neu}\t${c.neg}`),
];
process.stdout.write(`${out.join('\n')}\n`);
