import type { Database } from '../store/openDatabase.js';
import { benjaminiHochberg } from './benjaminiHochberg.js';

export type PeriodKind = 'year' | 'quarter' | 'month' | 'split';

export interface ComparisonOptions {
  /** a column to split by: channel, lang, municipality, or any extra input column */
  readonly by?: string;
  readonly period: PeriodKind;
  /** for period 'split': comments before this date against those on or after it */
  readonly splitDate?: string;
  readonly municipality?: string;
  readonly area?: string;
  readonly year?: number;
  readonly minimumBase: number;
}

export interface ComparisonRow {
  segment: string | null;
  area: string;
  period: string;
  n: number;
  n_pos: number;
  share_pos: number;
  share_pos_low: number;
  share_pos_high: number;
  prev_period: string | null;
  prev_n: number | null;
  prev_share_pos: number | null;
  pp_change: number | null;
  pp_low: number | null;
  pp_high: number | null;
  p_value: number | null;
  p_adjusted: number | null;
  significant: boolean;
  suppressed: boolean;
}

// Fixed SQL fragments chosen by option; user-given names and dates are only ever bound values.
const PERIOD_SQL: Record<PeriodKind, { ord: string; label: string; where: string }> = {
  year: { ord: 'c.year', label: 'CAST(c.year AS VARCHAR)', where: 'true' },
  quarter: {
    ord: 'c.year * 4 + quarter(c.date) - 1',
    label: "CAST(c.year AS VARCHAR) || '-Q' || CAST(quarter(c.date) AS VARCHAR)",
    where: 'c.date IS NOT NULL',
  },
  month: {
    ord: 'c.year * 12 + month(c.date) - 1',
    label: "strftime(c.date, '%Y-%m')",
    where: 'c.date IS NOT NULL',
  },
  split: {
    ord: 'CASE WHEN c.date < CAST($split AS DATE) THEN 0 ELSE 1 END',
    label: "CASE WHEN c.date < CAST($split AS DATE) THEN 'before ' || $split ELSE 'from ' || $split END",
    where: 'c.date IS NOT NULL',
  },
};
const SEGMENT_SQL: Record<string, string> = {
  channel: 'c.channel',
  lang: 'c.lang',
  municipality: 'c.municipality',
};

/**
 * Shares and changes by segment and period, with Wilson intervals, Newcombe intervals for each
 * change against the previous period of the same segment, two-proportion p-values, and
 * Benjamini-Hochberg adjustment across all the cells returned.
 */
export async function readComparison(db: Database, opts: ComparisonOptions): Promise<ComparisonRow[]> {
  const p = PERIOD_SQL[opts.period];
  const by = opts.by?.toLowerCase();
  const segment = by === undefined ? 'NULL' : (SEGMENT_SQL[by] ?? 'json_extract_string(c.extra, $path)');
  const params: Record<string, string> = {};
  if (by !== undefined && !SEGMENT_SQL[by]) params.path = `$."${by.replace(/"/g, '')}"`;
  if (opts.period === 'split') params.split = opts.splitDate ?? '';
  if (opts.municipality !== undefined) params.muni = opts.municipality;
  if (opts.area !== undefined) params.area = opts.area;
  if (opts.year !== undefined) params.year = String(opts.year);
  const sql = `
    WITH base AS (
      SELECT ${segment} AS segment, ${p.ord} AS ord, ${p.label} AS period, m.area, m.polarity
      FROM mentions m JOIN comments c USING (comment_id)
      WHERE ${p.where}
        ${opts.municipality !== undefined ? 'AND c.municipality = $muni' : ''}
        ${opts.area !== undefined ? 'AND m.area = $area' : ''}
        ${opts.year !== undefined ? 'AND c.year = CAST($year AS INTEGER)' : ''}
    ),
    g AS (
      SELECT segment, ord, any_value(period) AS period, area, count(*) AS n,
        count(*) FILTER (WHERE polarity = 'pos') AS n_pos
      FROM base GROUP BY segment, ord, area
    )
    SELECT cur.segment, cur.area, cur.period, cur.n, cur.n_pos, cur.n_pos / cur.n AS share_pos,
      pulse_wilson_low(cur.n_pos, cur.n) AS share_pos_low, pulse_wilson_high(cur.n_pos, cur.n) AS share_pos_high,
      prev.period AS prev_period, prev.n AS prev_n, prev.n_pos / prev.n AS prev_share_pos,
      100 * (cur.n_pos / cur.n - prev.n_pos / prev.n) AS pp_change,
      100 * pulse_newcombe_low(cur.n_pos, cur.n, prev.n_pos, prev.n) AS pp_low,
      100 * pulse_newcombe_high(cur.n_pos, cur.n, prev.n_pos, prev.n) AS pp_high,
      pulse_two_prop_p(cur.n_pos, cur.n, prev.n_pos, prev.n) AS p_value
    FROM g cur LEFT JOIN g prev
      ON prev.area = cur.area AND prev.ord = cur.ord - 1 AND prev.segment IS NOT DISTINCT FROM cur.segment
    ORDER BY cur.segment NULLS FIRST, cur.area, cur.ord`;
  const rows = (await db.connection.runAndReadAll(sql, params)).getRowObjects();
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const out: ComparisonRow[] = rows.map((r) => {
    const n = Number(r.n);
    const prevN = num(r.prev_n);
    const suppressed = n < opts.minimumBase || (prevN !== null && prevN < opts.minimumBase);
    return {
      segment: r.segment === null ? null : String(r.segment),
      area: String(r.area),
      period: String(r.period),
      n,
      n_pos: Number(r.n_pos),
      share_pos: Number(r.share_pos),
      share_pos_low: Number(r.share_pos_low),
      share_pos_high: Number(r.share_pos_high),
      prev_period: r.prev_period === null ? null : String(r.prev_period),
      prev_n: prevN,
      prev_share_pos: num(r.prev_share_pos),
      pp_change: num(r.pp_change),
      pp_low: num(r.pp_low),
      pp_high: num(r.pp_high),
      p_value: num(r.p_value),
      p_adjusted: null,
      significant: false,
      suppressed,
    };
  });
  const adjusted = benjaminiHochberg(out.map((r) => (r.suppressed ? null : r.p_value)));
  out.forEach((r, i) => {
    r.p_adjusted = adjusted[i] ?? null;
    r.significant = r.p_adjusted !== null && r.p_adjusted < 0.05;
  });
  return out;
}
