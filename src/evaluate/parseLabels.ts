import type { Polarity } from '../classify/types.js';

/** Parses a gold `labels` cell ("wait:neg;staff:pos") into a map area -> polarity. */
export function parseLabels(cell: string, areas: readonly string[]): Map<string, Polarity> {
  const out = new Map<string, Polarity>();
  const trimmed = cell.trim();
  if (trimmed === '') return out;
  for (const part of trimmed.split(';')) {
    const m = /^\s*([a-z_]+)\s*:\s*(pos|neu|neg)\s*$/.exec(part);
    if (!m) throw new Error(`"${part}" is not area:polarity (polarity pos, neu or neg)`);
    const [, area, pol] = m as unknown as [string, string, Polarity];
    if (!areas.includes(area)) throw new Error(`unknown area "${area}"; expected one of ${areas.join(', ')}`);
    if (out.has(area)) throw new Error(`area "${area}" is labelled twice`);
    out.set(area, pol);
  }
  return out;
}
