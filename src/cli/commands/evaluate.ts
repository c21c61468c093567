import { createClassifier } from '../../classify/createClassifier.js';
import type { Polarity } from '../../classify/types.js';
import { parseLabels } from '../../evaluate/parseLabels.js';
import { scoreGold, type GoldItem, type GoldScore } from '../../evaluate/scoreGold.js';
import { readComments } from '../../ingest/readComments.js';
import { loadPipeline } from '../../pipeline/loadPipeline.js';
import { redact } from '../../redact/redact.js';
import { UserError } from '../UserError.js';
import { langArg, parse } from '../args.js';
import type { Io } from '../io.js';

export const EVALUATE_USAGE = 'pulse evaluate --gold FILE... [--json] [--lang auto|sv|da|nb|en] [--errors] [--pipeline FILE]';

/** Scores the classifier against one or more gold CSVs written to ANNOTATION.md. */
export async function evaluateCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    'evaluate',
    args,
    {
      gold: { type: 'string', multiple: true },
      json: { type: 'boolean' },
      lang: { type: 'string' },
      errors: { type: 'boolean' },
      pipeline: { type: 'string' },
    },
    true,
  );
  const files = [...(values.gold ?? []), ...positionals];
  if (files.length === 0) throw new UserError('pulse evaluate: --gold FILE is required', 2);
  const lang = langArg('evaluate', values.lang);
  const pipeline = loadPipeline(values.pipeline);
  const classifier = createClassifier(pipeline);
  const items: (GoldItem & { text: string })[] = [];
  // with --lang auto the lang column is ignored for classification and language identification
  // is scored against it
  const auto = values.lang === 'auto';
  let langKnown = 0;
  let langRight = 0;
  for (const file of files) {
    const stream = await readComments(file, { required: ['id', 'text'], aliases: pipeline.columns });
    for await (const r of stream.rows) {
      if ('reject' in r) throw new UserError(`${file}:${r.reject.line}: ${r.reject.reason}`);
      const row = r.ok;
      if (!('labels' in row.extra)) throw new UserError(`${file}:1: missing required column "labels"`);
      let gold: Map<string, Polarity>;
      try {
        gold = parseLabels(row.extra.labels ?? '', pipeline.areaIds);
      } catch (e) {
        throw new UserError(`${file}:${row.line}: column "labels": ${(e as Error).message}`);
      }
      const text = redact(row.text).text;
      const res = classifier.classify(text, auto ? undefined : (lang ?? row.lang));
      if (auto && row.lang) {
        langKnown++;
        if (res.lang === row.lang) langRight++;
      }
      items.push({
        id: row.id,
        lang: row.lang || res.lang,
        gold,
        predicted: new Map(res.areas.map((a) => [a.area, a.polarity])),
        text,
      });
    }
  }
  const score = scoreGold(items, pipeline.areaIds);
  const langId = auto ? { language_id: { accuracy: langKnown ? Math.round((langRight / langKnown) * 10000) / 10000 : 0, comments: langKnown } } : {};
  if (values.json) io.out(`${JSON.stringify({ ...score, ...langId, lexicon_version: classifier.version, files })}\n`);
  else {
    io.out(renderScore(score, classifier.version, files));
    if (auto) io.out(`language identification (--lang auto): ${(100 * (langRight / Math.max(1, langKnown))).toFixed(1)}% of ${langKnown} comments\n`);
  }
  if (values.errors) {
    const fmt = (m: ReadonlyMap<string, Polarity>) => [...m].map(([a, p]) => `${a}:${p}`).join(';') || '∅';
    for (const it of items) {
      const g = fmt(it.gold);
      const p = fmt(it.predicted);
      if (g !== p) io.err(`${it.id}\tgold ${g}\tpred ${p}\t${it.text.replace(/\s+/g, ' ')}\n`);
    }
  }
  return 0;
}

function renderScore(s: GoldScore, version: string, files: string[]): string {
  const f = (x: number) => x.toFixed(3);
  const lines = [
    `gold: ${files.join(', ')} (${s.comments} comments, lexicon ${version})`,
    '',
    'area        precision  recall  f1     support  polarity acc (pairs)',
  ];
  for (const [a, m] of Object.entries(s.area.by_area)) {
    const pol = s.polarity.by_area[a];
    lines.push(
      `${a.padEnd(11)} ${f(m.precision).padStart(9)}  ${f(m.recall).padStart(6)}  ${f(m.f1)}  ${String(m.support).padStart(7)}  ${f(pol?.accuracy ?? 0)} (${pol?.pairs ?? 0})`,
    );
  }
  lines.push(
    `${'micro'.padEnd(11)} ${f(s.area.micro.precision).padStart(9)}  ${f(s.area.micro.recall).padStart(6)}  ${f(s.area.micro.f1)}  ${String(s.area.micro.support).padStart(7)}  ${f(s.polarity.accuracy)} (${s.polarity.pairs})`,
    '',
    'language  comments  area micro-F1  polarity acc',
  );
  for (const [l, m] of Object.entries(s.by_lang)) {
    lines.push(`${l.padEnd(9)} ${String(m.comments).padStart(8)}  ${f(m.area_micro_f1).padStart(13)}  ${f(m.polarity_accuracy).padStart(12)}`);
  }
  lines.push('', `share positive, mean absolute error: ${s.share_error_pp.mean_abs.toFixed(1)} pp over ${s.share_error_pp.cells.length} language × area cells`);
  lines.push(`comments with exactly the gold labels: ${(100 * s.exact_match).toFixed(1)}%`, '');
  return lines.join('\n');
}
