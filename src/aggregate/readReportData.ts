import type { Database } from '../store/openDatabase.js';

export interface ShareRow {
  readonly area: string;
  readonly year: number;
  readonly n: number;
  readonly nPos: number;
  readonly nNeu: number;
  readonly nNeg: number;
  readonly sharePos: number;
  readonly shareNeu: number;
  readonly shareNeg: number;
  readonly low: number;
  readonly high: number;
  readonly suppressed: boolean;
  readonly nComments: number;
}

export interface ChangeRow {
  readonly area: string;
  readonly year: number;
  readonly prevYear: number | null;
  readonly prevSharePos: number | null;
  readonly ppChange: number | null;
  readonly ppLow: number | null;
  readonly ppHigh: number | null;
  readonly pValue: number | null;
  readonly pAdjusted: number | null;
  readonly significant: boolean;
  readonly suppressed: boolean;
  readonly mixedVersions: boolean;
}

export interface BenchmarkRow {
  readonly area: string;
  readonly ppVsRest: number | null;
  readonly pVsRest: number | null;
  readonly peerGroup: string | null;
  readonly ppVsPeers: number | null;
  readonly pVsPeers: number | null;
}

export interface ExampleRow {
  readonly area: string;
  readonly polarity: string;
  readonly text: string;
  readonly municipality: string;
}

export interface ReportData {
  readonly municipality: string | null;
  readonly year: number;
  readonly years: number[];
  readonly shares: ShareRow[];
  readonly changes: ChangeRow[];
  readonly examples: ExampleRow[];
  /** for a municipality's report: the year's shares against the rest and against its peers */
  readonly benchmarks: BenchmarkRow[];
  readonly batches: { source: string; rowsRead: number; rowsLoaded: number; rowsRejected: number; lexiconVersion: string }[];
  readonly minimumBase: number;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** Reads what a report shows, for one scope (a municipality, or all when null), from the views. */
export async function readReportData(
  db: Database,
  opts: { year: number; municipality: string | null; examples: number },
): Promise<ReportData> {
  const c = db.connection;
  const scope = { m: opts.municipality };
  const shareRows = (
    await c.runAndReadAll(
      `SELECT * FROM area_shares WHERE municipality IS NOT DISTINCT FROM $m ORDER BY year, area`,
      scope,
    )
  ).getRowObjects();
  const shares: ShareRow[] = shareRows.map((r) => ({
    area: String(r.area),
    year: Number(r.year),
    n: Number(r.n),
    nPos: Number(r.n_pos),
    nNeu: Number(r.n_neu),
    nNeg: Number(r.n_neg),
    sharePos: Number(r.share_pos),
    shareNeu: Number(r.share_neu),
    shareNeg: Number(r.share_neg),
    low: Number(r.share_pos_low),
    high: Number(r.share_pos_high),
    suppressed: Boolean(r.suppressed),
    nComments: Number(r.n_comments),
  }));
  const changeRows = (
    await c.runAndReadAll(
      `SELECT * FROM area_changes WHERE municipality IS NOT DISTINCT FROM $m ORDER BY year, area`,
      scope,
    )
  ).getRowObjects();
  const changes: ChangeRow[] = changeRows.map((r) => ({
    area: String(r.area),
    year: Number(r.year),
    prevYear: num(r.prev_year),
    prevSharePos: num(r.prev_share_pos),
    ppChange: num(r.pp_change),
    ppLow: num(r.pp_low),
    ppHigh: num(r.pp_high),
    pValue: num(r.p_value),
    pAdjusted: num(r.p_adjusted),
    significant: Boolean(r.significant),
    suppressed: Boolean(r.suppressed),
    mixedVersions: Boolean(r.mixed_versions),
  }));
  const examples: ExampleRow[] = [];
  if (opts.examples > 0) {
    const rows = (
      await c.runAndReadAll(
        `WITH x AS (
           SELECT m.area, m.polarity, c.text, c.municipality,
             row_number() OVER (PARTITION BY m.area, m.polarity ORDER BY abs(m.score) DESC, length(c.text), c.comment_id) AS rk
           FROM mentions m JOIN comments c USING (comment_id)
           WHERE c.year = $y AND ($m IS NULL OR c.municipality = $m) AND m.polarity <> 'neu'
             AND length(c.text) BETWEEN 20 AND 280)
         SELECT area, polarity, text, municipality FROM x WHERE rk <= $k ORDER BY area, polarity DESC, rk`,
        { y: opts.year, m: opts.municipality, k: opts.examples },
      )
    ).getRowObjects();
    for (const r of rows) {
      examples.push({ area: String(r.area), polarity: String(r.polarity), text: String(r.text), municipality: String(r.municipality) });
    }
  }
  const benchmarks: BenchmarkRow[] = [];
  if (opts.municipality !== null) {
    const rows = (
      await c.runAndReadAll(
        `SELECT area, pp_vs_rest, p_vs_rest, peer_group, pp_vs_peers, p_vs_peers FROM area_benchmarks
         WHERE municipality = $m AND year = $y AND NOT suppressed ORDER BY area`,
        { m: opts.municipality, y: opts.year },
      )
    ).getRowObjects();
    for (const r of rows) {
      benchmarks.push({
        area: String(r.area),
        ppVsRest: num(r.pp_vs_rest),
        pVsRest: num(r.p_vs_rest),
        peerGroup: r.peer_group === null ? null : String(r.peer_group),
        ppVsPeers: num(r.pp_vs_peers),
        pVsPeers: num(r.p_vs_peers),
      });
    }
  }
  const batches = (
    await c.runAndReadAll(
      `SELECT source, rows_read, rows_loaded, rows_rejected, lexicon_version FROM batches ORDER BY batch_id`,
    )
  ).getRowObjects().map((r) => ({
    source: String(r.source),
    rowsRead: Number(r.rows_read),
    rowsLoaded: Number(r.rows_loaded),
    rowsRejected: Number(r.rows_rejected),
    lexiconVersion: String(r.lexicon_version),
  }));
  const mb = (await c.runAndReadAll('SELECT minimum_base FROM pulse_minimum_base')).getRowObjects()[0];
  const years = [...new Set(shares.map((s) => s.year))].sort((a, b) => a - b);
  return {
    municipality: opts.municipality,
    year: opts.year,
    years,
    shares,
    changes,
    examples,
    benchmarks,
    batches,
    minimumBase: Number(mb?.minimum_base ?? 30),
  };
}
