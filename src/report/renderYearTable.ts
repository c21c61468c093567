import type { ReportData } from '../aggregate/readReportData.js';
import { pct, pp } from './format.js';

/**
 * The plain-text table `npm start` prints: % positive per area per year for one scope, with the
 * change in percentage points from the previous year. `*` marks a change that stays significant
 * after the Benjamini-Hochberg adjustment; cells under the minimum base show as "n<30".
 */
export function renderYearTable(data: ReportData, labels: ReadonlyMap<string, string>, areaOrder: readonly string[]): string {
  const years = data.years;
  const head = ['area', ...years.map(String)];
  const rows: string[][] = [];
  for (const area of areaOrder) {
    const row = [labels.get(area) ?? area];
    for (const y of years) {
      const s = data.shares.find((x) => x.area === area && x.year === y);
      const ch = data.changes.find((x) => x.area === area && x.year === y);
      if (!s) {
        row.push('–');
        continue;
      }
      if (s.suppressed) {
        row.push(`n<${data.minimumBase}`);
        continue;
      }
      let cell = `${pct(s.sharePos)} (n=${s.n})`;
      if (ch && ch.ppChange !== null && !ch.suppressed) cell += ` ${pp(ch.ppChange)}${ch.significant ? '*' : ''}`;
      row.push(cell);
    }
    rows.push(row);
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  const scope = data.municipality ?? 'all municipalities';
  return [
    `% positive per area and year, ${scope} (change from the previous year; * significant after Benjamini-Hochberg, p_adj < 0.05)`,
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
  ].join('\n');
}
