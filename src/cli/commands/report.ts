import { writeFileSync } from 'node:fs';
import { readReportData } from '../../aggregate/readReportData.js';
import { loadPipeline, type LoadedPipeline } from '../../pipeline/loadPipeline.js';
import { renderReport, type ReportContext, type ReportFormat } from '../../report/renderReport.js';
import { openDatabase } from '../../store/openDatabase.js';
import { TOOL_VERSION } from '../../version.js';
import { UserError } from '../UserError.js';
import { parse, required, yearArg } from '../args.js';
import type { Io } from '../io.js';

export const REPORT_USAGE =
  'pulse report --db FILE --year YEAR [--municipality NAME] [--format html|md|json] --output FILE|- [--pipeline FILE]';

export function reportContext(pipeline: LoadedPipeline, lexiconVersion: string): ReportContext {
  const lang = pipeline.report.language;
  return {
    title: pipeline.report.title,
    areaOrder: pipeline.areaIds,
    labels: new Map(pipeline.areas.map((a) => [a.id, a.label[lang] ?? a.label.en ?? a.id])),
    lexiconVersion,
    toolVersion: TOOL_VERSION,
  };
}

export async function reportCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse('report', args, {
    db: { type: 'string' },
    year: { type: 'string' },
    municipality: { type: 'string' },
    format: { type: 'string' },
    output: { type: 'string' },
    pipeline: { type: 'string' },
  });
  const dbPath = required('report', 'db', values.db);
  const year = yearArg('report', values.year);
  const output = required('report', 'output', values.output);
  const format = (values.format ?? (output.endsWith('.md') ? 'md' : output.endsWith('.json') ? 'json' : 'html')) as ReportFormat;
  if (!['html', 'md', 'json'].includes(format)) throw new UserError(`pulse report: --format must be html, md or json, got "${format}"`, 2);
  const pipeline = loadPipeline(values.pipeline);
  const text = await buildReport(dbPath, pipeline, { year, municipality: values.municipality ?? null, format });
  if (output === '-') io.out(text);
  else {
    writeFileSync(output, text);
    io.err(`report: wrote ${output} (${format}, ${values.municipality ?? 'all municipalities'}, ${year})\n`);
  }
  return 0;
}

export async function buildReport(
  dbPath: string,
  pipeline: LoadedPipeline,
  opts: { year: number; municipality: string | null; format: ReportFormat },
): Promise<string> {
  const db = await openDatabase(dbPath, { mustExist: true });
  try {
    const known = (
      await db.connection.runAndReadAll('SELECT count(*) AS n FROM comments WHERE year = $y', { y: opts.year })
    ).getRowObjects()[0];
    if (Number(known?.n ?? 0) === 0) throw new UserError(`${dbPath}: no comments for year ${opts.year}`);
    if (opts.municipality !== null) {
      const m = (
        await db.connection.runAndReadAll('SELECT count(*) AS n FROM comments WHERE municipality = $m', { m: opts.municipality })
      ).getRowObjects()[0];
      if (Number(m?.n ?? 0) === 0) throw new UserError(`${dbPath}: no comments for municipality "${opts.municipality}"`);
    }
    const data = await readReportData(db, {
      year: opts.year,
      municipality: opts.municipality,
      examples: pipeline.report.examples,
    });
    const versions = [...new Set(data.batches.map((b) => b.lexiconVersion))].join(', ');
    return renderReport(opts.format, data, reportContext(pipeline, versions));
  } finally {
    db.close();
  }
}
