/**
 * Benjamini-Hochberg adjusted p-values (the false-discovery-rate step-up procedure): for the
 * i-th smallest of m p-values, min over j >= i of p_(j) · m / j, capped at 1. Null stays null
 * and does not count in m.
 */
export function benjaminiHochberg(ps: readonly (number | null)[]): (number | null)[] {
  const idx = ps.map((p, i) => [p, i] as const).filter((x): x is readonly [number, number] => x[0] !== null);
  idx.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const m = idx.length;
  const out: (number | null)[] = ps.map(() => null);
  let running = 1;
  for (let k = m - 1; k >= 0; k--) {
    const [p, i] = idx[k] as readonly [number, number];
    running = Math.min(running, (p * m) / (k + 1));
    out[i] = Math.min(1, running);
  }
  return out;
}
