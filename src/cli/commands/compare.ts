import { writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { readComparison, type PeriodKind } from '../../aggregate/readComparison.js';
import { openDatabase } from '../../store/openDatabase.js';
import { UserError } from '../UserError.js';
import { parse, required, yearArg } from '../args.js';
import type { Io } from '../io.js';

export const COMPARE_USAGE =
  'pulse compare --db FILE [--by COLUMN] [--period year|quarter|month] [--split-date YYYY-MM-DD] [--municipality NAME] [--area AREA] [--year YEAR] [--format csv|json|md] [--output FILE|-]';

/**
 * Segments and periods: shares and changes split by any input column (`--by channel`,
 * `--by unit`) and by year, quarter, month, or before/after a date (`--split-date 2024-03-01`, the
 * day appointment booking became mandatory), with intervals and adjusted p-values.
 */
export async function compareCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse('compare', args, {
    db: { type: 'string' },
    by: { type: 'string' },
    period: { type: 'string' },
    'split-date': { type: 'string' },
    municipality: { type: 'string' },
    area: { type: 'string' },
    year: { type: 'string' },
    format: { type: 'string' },
    output: { type: 'string' },
  });
  const dbPath = required('compare', 'db', values.db);
  const split = values['split-date'];
  if (split !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(split)) throw new UserError('pulse compare: --split-date must be YYYY-MM-DD', 2);
  const period = (split ? 'split' : (values.period ?? 'year')) as PeriodKind;
  if (!['year', 'quarter', 'month', 'split'].includes(period)) throw new UserError(`pulse compare: --period must be year, quarter or month, got "${values.period}"`, 2);
  const format = values.format ?? 'csv';
  if (!['csv', 'json', 'md'].includes(format)) throw new UserError(`pulse compare: --format must be csv, json or md, got "${format}"`, 2);
  if (values.by !== undefined && !/^[\p{L}\p{N}_ -]+$/u.test(values.by)) throw new UserError(`pulse compare: --by must be a column name, got "${values.by}"`, 2);
  const db = await openDatabase(dbPath, { mustExist: true });
  let text: string;
  try {
    const mb = (await db.connection.runAndReadAll('SELECT minimum_base FROM pulse_minimum_base')).getRowObjects()[0];
    const rows = await readComparison(db, {
      by: values.by,
      period,
      splitDate: split,
      municipality: values.municipality,
      area: values.area,
      year: values.year === undefined ? undefined : yearArg('compare', values.year),
      minimumBase: Number(mb?.minimum_base ?? 30),
    });
    if (format === 'json') text = `${JSON.stringify(rows, null, 2)}\n`;
    else if (format === 'csv') text = `${Papa.unparse(rows, { escapeFormulae: true, newline: '\n' })}\n`;
    else {
      const f = (x: number | null, d = 1) => (x === null ? '' : x.toFixed(d));
      text = [
        '| segment | area | period | n | positive | 95% CI | vs | change (pp) | 95% CI (pp) | p_adj |',
        '|---|---|---|--:|--:|--:|---|--:|--:|--:|',
        ...rows.map((r) =>
          r.suppressed
            ? `| ${r.segment ?? 'all'} | ${r.area} | ${r.period} | ${r.n} | n < base | | | | | |`
            : `| ${r.segment ?? 'all'} | ${r.area} | ${r.period} | ${r.n} | ${f(100 * r.share_pos, 0)}% | ${f(100 * r.share_pos_low, 0)}–${f(100 * r.share_pos_high, 0)}% | ${r.prev_period ?? ''} | ${f(r.pp_change)}${r.significant ? ' *' : ''} | ${r.pp_low === null ? '' : `${f(r.pp_low)} to ${f(r.pp_high)}`} | ${f(r.p_adjusted, 3)} |`,
        ),
        '',
      ].join('\n');
    }
  } finally {
    db.close();
  }
  if (!values.output || values.output === '-') io.out(text);
  else {
    writeFileSync(values.output, text);
    io.err(`compare: wrote ${values.output}\n`);
  }
  return 0;
}
