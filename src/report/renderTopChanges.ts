import type { TopChange } from '../aggregate/readTopChanges.js';
import { pct, pp } from './format.js';

/** A plain-text table of the largest municipality-level changes, with interval and p-values. */
export function renderTopChanges(rows: readonly TopChange[], labels: ReadonlyMap<string, string>, year: number): string {
  const head = ['municipality', 'area', String(year - 1), String(year), 'change', '95% CI (pp)', 'p', 'p_adj (BH)'];
  const body = rows.map((r) => [
    r.municipality,
    labels.get(r.area) ?? r.area,
    pct(r.prevShare),
    `${pct(r.share)} (n=${r.n})`,
    `${pp(r.ppChange)}${r.significant ? '*' : ''}`,
    `${r.ppLow.toFixed(1)} to ${r.ppHigh.toFixed(1)}`,
    r.pValue.toFixed(3),
    r.pAdjusted.toFixed(3),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [
    `Largest changes by municipality, ${year - 1} to ${year} (cells with at least the minimum base)`,
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
    '',
  ].join('\n');
}
