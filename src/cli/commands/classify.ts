import { createClassifier } from '../../classify/createClassifier.js';
import type { AreaResult } from '../../classify/types.js';
import { readComments } from '../../ingest/readComments.js';
import { loadPipeline } from '../../pipeline/loadPipeline.js';
import { originalOffset } from '../../redact/originalOffset.js';
import { redact } from '../../redact/redact.js';
import { langArg, parse, required } from '../args.js';
import { fileSink, type Io } from '../io.js';

export const CLASSIFY_USAGE = 'pulse classify --input FILE [--lang auto|sv|da|nb|en] [--output FILE] [--pipeline FILE] [--encoding NAME] [--keep-raw]';

/**
 * Classifies every row of a comment CSV and writes one JSON object per row, in input order.
 * Personal data is redacted before classification; evidence offsets point into the input text.
 * A row that cannot be read becomes {"id", "line", "error"} so the output keeps one line per row.
 */
export async function classifyCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse('classify', args, {
    input: { type: 'string' },
    lang: { type: 'string' },
    output: { type: 'string' },
    pipeline: { type: 'string' },
    encoding: { type: 'string' },
    'keep-raw': { type: 'boolean' },
  });
  const input = required('classify', 'input', values.input);
  const lang = langArg('classify', values.lang);
  const pipeline = loadPipeline(values.pipeline);
  const classifier = createClassifier(pipeline);
  const stream = await readComments(input, {
    required: ['id', 'text'],
    aliases: pipeline.columns,
    encoding: values.encoding,
    // every row gets its line of output; a repeated id is the caller's business
    rejectDuplicates: false,
  });
  const sink = values.output ? fileSink(values.output) : undefined;
  const write = sink ? sink.write : async (s: string) => io.out(s);
  let read = 0;
  let rejected = 0;
  const started = Date.now();
  let buffer = '';
  for await (const r of stream.rows) {
    read++;
    if ('reject' in r) {
      rejected++;
      buffer += `${JSON.stringify({ id: null, line: r.reject.line, error: redact(r.reject.reason).text })}\n`;
    } else {
      const row = r.ok;
      const red = values['keep-raw'] ? { text: row.text, findings: [] } : redact(row.text);
      const res = classifier.classify(red.text, lang ?? row.lang);
      const areas = res.areas.map((a: AreaResult) => ({
        area: a.area,
        polarity: a.polarity,
        score: a.score,
        evidence: a.evidence.map((e) => ({
          ...e,
          start: originalOffset(red.findings, e.start),
          end: originalOffset(red.findings, e.end, true),
        })),
      }));
      buffer += `${JSON.stringify({ id: row.id, lang: res.lang, sentiment: res.sentiment, areas })}\n`;
    }
    if (buffer.length > 65536) {
      await write(buffer);
      buffer = '';
    }
  }
  if (buffer) await write(buffer);
  await sink?.end();
  const ms = Date.now() - started;
  io.err(`classify: ${read.toLocaleString('en')} rows read, ${(read - rejected).toLocaleString('en')} classified, ${rejected} rejected in ${ms} ms (lexicon ${classifier.version})\n`);
  return rejected > 0 ? 3 : 0;
}
