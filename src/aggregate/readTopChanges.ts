import type { Database } from '../store/openDatabase.js';

export interface TopChange {
  readonly municipality: string;
  readonly area: string;
  readonly prevShare: number;
  readonly share: number;
  readonly n: number;
  readonly ppChange: number;
  readonly ppLow: number;
  readonly ppHigh: number;
  readonly pValue: number;
  readonly pAdjusted: number;
  readonly significant: boolean;
}

/** The largest year-over-year changes per municipality and area (not suppressed), by |pp|. */
export async function readTopChanges(db: Database, year: number, limit: number): Promise<TopChange[]> {
  const rows = (
    await db.connection.runAndReadAll(
      `SELECT municipality, area, prev_share_pos, share_pos, n, pp_change, pp_low, pp_high, p_value, p_adjusted, significant
       FROM area_changes
       WHERE year = $y AND municipality IS NOT NULL AND NOT suppressed AND pp_change IS NOT NULL
       ORDER BY abs(pp_change) DESC, municipality, area LIMIT $k`,
      { y: year, k: limit },
    )
  ).getRowObjects();
  return rows.map((r) => ({
    municipality: String(r.municipality),
    area: String(r.area),
    prevShare: Number(r.prev_share_pos),
    share: Number(r.share_pos),
    n: Number(r.n),
    ppChange: Number(r.pp_change),
    ppLow: Number(r.pp_low),
    ppHigh: Number(r.pp_high),
    pValue: Number(r.p_value),
    pAdjusted: Number(r.p_adjusted),
    significant: Boolean(r.significant),
  }));
}
