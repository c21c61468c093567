/** The classification of one comment, as written to JSONL by `pulse classify` (CONTRACT.md). */
export type Polarity = 'pos' | 'neu' | 'neg';

export interface Evidence {
  readonly text: string;
  /** UTF-16 offsets into the original comment */
  readonly start: number;
  readonly end: number;
  /** the rule that used this span, e.g. `area-cue`, `polarity`, `aspect:duration`, `negation` */
  readonly rule: string;
  /** the lexicon entry behind it: `lexicons/sv/polarity.tsv:120 trevlig` */
  readonly entry?: string;
}

export interface AreaResult {
  readonly area: string;
  readonly polarity: Polarity;
  readonly score: number;
  readonly evidence: Evidence[];
}

export interface Classification {
  readonly sentiment: { readonly label: Polarity; readonly score: number };
  readonly areas: AreaResult[];
}

/** One judgement after all rules, kept for `explain`. */
export interface JudgementTrace {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly base: number;
  readonly value: number;
  readonly area: string | undefined;
  readonly clause: number;
  /** the lexicon entry behind it, as evidence names it: `lexicons/sv/polarity.tsv:120 trevlig` */
  readonly entry?: string;
  readonly steps: string[];
}

export interface TokenTrace {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly clause: number;
  readonly roles: string[];
}

export interface Trace {
  readonly tokens: TokenTrace[];
  readonly clauses: { index: number; text: string; weight: number; flags: string[] }[];
  readonly judgements: JudgementTrace[];
}
