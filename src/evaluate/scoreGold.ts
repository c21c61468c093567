import type { Polarity } from '../classify/types.js';

export interface GoldItem {
  readonly id: string;
  readonly lang: string;
  readonly gold: ReadonlyMap<string, Polarity>;
  readonly predicted: ReadonlyMap<string, Polarity>;
}

export interface Prf {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly support: number;
}

export interface GoldScore {
  readonly comments: number;
  readonly area: { readonly micro: Prf; readonly by_area: Record<string, Prf> };
  readonly polarity: { readonly accuracy: number; readonly pairs: number; readonly by_area: Record<string, { accuracy: number; pairs: number }> };
  readonly share_error_pp: { readonly mean_abs: number; readonly cells: { lang: string; area: string; gold: number; predicted: number; error_pp: number }[] };
  readonly by_lang: Record<string, { comments: number; area_micro_f1: number; polarity_accuracy: number }>;
  readonly exact_match: number;
}

const prf = (tp: number, fp: number, fn: number): Prf => {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision: r4(precision), recall: r4(recall), f1: r4(f1), support: tp + fn };
};
const r4 = (x: number) => Math.round(x * 10000) / 10000;

/**
 * Scores predictions against gold labels: area precision, recall and F1 per area and
 * micro-averaged; polarity accuracy on the areas both found; per language × area the error of the
 * share positive in percentage points. Pure.
 */
export function scoreGold(items: readonly GoldItem[], areas: readonly string[]): GoldScore {
  const count = (subset: readonly GoldItem[]) => {
    const c: Record<string, { tp: number; fp: number; fn: number; agree: number; pairs: number }> = {};
    for (const a of areas) c[a] = { tp: 0, fp: 0, fn: 0, agree: 0, pairs: 0 };
    for (const it of subset) {
      for (const a of areas) {
        const g = it.gold.get(a);
        const p = it.predicted.get(a);
        const k = c[a] as { tp: number; fp: number; fn: number; agree: number; pairs: number };
        if (g && p) {
          k.tp++;
          k.pairs++;
          if (g === p) k.agree++;
        } else if (p) k.fp++;
        else if (g) k.fn++;
      }
    }
    return c;
  };
  const sum = (c: ReturnType<typeof count>) => {
    let tp = 0, fp = 0, fn = 0, agree = 0, pairs = 0;
    for (const k of Object.values(c)) {
      tp += k.tp; fp += k.fp; fn += k.fn; agree += k.agree; pairs += k.pairs;
    }
    return { tp, fp, fn, agree, pairs };
  };
  const all = count(items);
  const tot = sum(all);
  const by_area: Record<string, Prf> = {};
  const pol_by_area: Record<string, { accuracy: number; pairs: number }> = {};
  for (const a of areas) {
    const k = all[a] as { tp: number; fp: number; fn: number; agree: number; pairs: number };
    by_area[a] = prf(k.tp, k.fp, k.fn);
    pol_by_area[a] = { accuracy: k.pairs ? r4(k.agree / k.pairs) : 0, pairs: k.pairs };
  }
  // share positive per language × area
  const langs = [...new Set(items.map((i) => i.lang))].sort();
  const cells: GoldScore['share_error_pp']['cells'] = [];
  for (const lang of langs) {
    const sub = items.filter((i) => i.lang === lang);
    for (const a of areas) {
      const g = sub.map((i) => i.gold.get(a)).filter((x): x is Polarity => x !== undefined);
      const p = sub.map((i) => i.predicted.get(a)).filter((x): x is Polarity => x !== undefined);
      if (g.length === 0 || p.length === 0) continue;
      const gs = g.filter((x) => x === 'pos').length / g.length;
      const ps = p.filter((x) => x === 'pos').length / p.length;
      cells.push({ lang, area: a, gold: r4(gs), predicted: r4(ps), error_pp: r4(100 * Math.abs(ps - gs)) });
    }
  }
  const by_lang: GoldScore['by_lang'] = {};
  for (const lang of langs) {
    const sub = items.filter((i) => i.lang === lang);
    const s = sum(count(sub));
    by_lang[lang] = {
      comments: sub.length,
      area_micro_f1: prf(s.tp, s.fp, s.fn).f1,
      polarity_accuracy: s.pairs ? r4(s.agree / s.pairs) : 0,
    };
  }
  const exact = items.filter(
    (i) => i.gold.size === i.predicted.size && [...i.gold].every(([a, p]) => i.predicted.get(a) === p),
  ).length;
  return {
    comments: items.length,
    area: { micro: prf(tot.tp, tot.fp, tot.fn), by_area },
    polarity: { accuracy: tot.pairs ? r4(tot.agree / tot.pairs) : 0, pairs: tot.pairs, by_area: pol_by_area },
    share_error_pp: {
      mean_abs: cells.length ? r4(cells.reduce((s, c) => s + c.error_pp, 0) / cells.length) : 0,
      cells,
    },
    by_lang,
    exact_match: items.length ? r4(exact / items.length) : 0,
  };
}
