import type { Classifier } from '../classify/createClassifier.js';
import type { Polarity } from '../classify/types.js';

/** One labelled text, as in the public eval data. */
export interface LabelledText {
  readonly text: string;
  readonly lang: string;
  readonly label: Polarity;
}

export interface LabelCounts {
  pos: number;
  neu: number;
  neg: number;
  /** texts counted */
  n: number;
}

export interface EntryAudit extends LabelCounts {
  /** the lexicon entry, as `explain` names it: `lexicons/da/polarity.tsv:14 godt` */
  readonly entry: string;
  /** the sign of the entry's own valence */
  readonly sign: 1 | -1;
  /** share of the texts it fired in whose label has its sign */
  readonly agree: number;
}

export interface LexiconAudit {
  /** entries that fired in at least `minCount` texts, most disagreements first */
  readonly entries: EntryAudit[];
  /** words no lexicon layer reaches, in at least `minCount` texts, most frequent first */
  readonly unmatched: (LabelCounts & { readonly word: string })[];
}

/**
 * Lexicon audit against labelled text: which entries fire where the label disagrees with their
 * sign, and which frequent words reach no entry at all. It lists words and entries, never
 * sentences, so what it suggests is vocabulary, not fitting. Each text counts once per entry and
 * once per word.
 */
export function auditLexicon(
  classifier: Classifier,
  texts: Iterable<LabelledText>,
  options: { functionWords?: ReadonlySet<string>; minCount?: number } = {},
): LexiconAudit {
  const minCount = options.minCount ?? 3;
  const functionWords = options.functionWords ?? new Set<string>();
  const entries = new Map<string, LabelCounts & { sign: 1 | -1 }>();
  const unmatched = new Map<string, LabelCounts>();
  for (const t of texts) {
    const trace = classifier.classify(t.text, t.lang, { trace: true }).trace;
    const seen = new Set<string>();
    for (const j of trace?.judgements ?? []) {
      const entry = j.entry;
      if (!entry || seen.has(entry) || j.base === 0) continue;
      seen.add(entry);
      const e = entries.get(entry) ?? { pos: 0, neu: 0, neg: 0, n: 0, sign: j.base > 0 ? 1 : -1 };
      e[t.label]++;
      e.n++;
      entries.set(entry, e);
    }
    const words = new Set<string>();
    for (const tok of trace?.tokens ?? []) {
      const w = tok.text.toLowerCase();
      if (tok.roles.length === 0 && /^\p{L}{3,}$/u.test(w) && !functionWords.has(w)) words.add(w);
    }
    for (const w of words) {
      const c = unmatched.get(w) ?? { pos: 0, neu: 0, neg: 0, n: 0 };
      c[t.label]++;
      c.n++;
      unmatched.set(w, c);
    }
  }
  const disagree = (e: LabelCounts & { sign: 1 | -1 }) => e.n - (e.sign > 0 ? e.pos : e.neg);
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    entries: [...entries.entries()]
      .filter(([, e]) => e.n >= minCount)
      .sort(([ka, a], [kb, b]) => disagree(b) - disagree(a) || byName(ka, kb))
      .map(([entry, e]) => ({ entry, ...e, agree: (e.sign > 0 ? e.pos : e.neg) / e.n })),
    unmatched: [...unmatched.entries()]
      .filter(([, c]) => c.n >= minCount)
      .sort(([ka, a], [kb, b]) => b.n - a.n || byName(ka, kb))
      .map(([word, c]) => ({ word, ...c })),
  };
}
