/** Number formatting shared by the renderers: whole percentages, signed pp with one decimal. */
export const pct = (x: number) => `${Math.round(x * 100)}%`;
export const pp = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(1)} pp`;
export const ci = (lo: number, hi: number) => `${Math.round(lo * 100)}–${Math.round(hi * 100)}%`;
export const ppCi = (lo: number, hi: number) => `${lo.toFixed(1)} to ${hi.toFixed(1)}`;

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function escapeMd(s: string): string {
  return s.replace(/\r?\n/g, ' ').replace(/([\\`*_[\]|<>#])/g, '\\$1');
}
