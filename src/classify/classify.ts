import { emojiKey, lastMatch, LAYER_BITS, LAYERS, longestAt, onePerKind, type CompiledLexicon, type EntryRef, type Layer, type LayerStart, type Payload, type TokenMatch } from '../lexicon/compile.js';
import { tokenize, type Token } from '../normalize/tokenize.js';
import type { AreaResult, Classification, Evidence, JudgementTrace, Polarity, Trace } from './types.js';
import type { ShifterKind, UnitRow } from '../lexicon/schema.js';

/**
 * Clause-level area and polarity classification. A pure function of (text, compiled lexicon,
 * options): tokenize, match the lexicon layers longest-first, cut sentences and clauses, turn
 * matches into judgements, apply the shifters in their scope, attach every judgement to the area
 * its clause is about, and sum per area. The steps are module-level functions over one `Doc`, so
 * nothing is allocated per comment that is not needed (the hot path runs tens of thousands of
 * times a second); the explanation strings are only built when a trace is asked for.
 */

/** Tunable constants of the rules, named so `explain` and the README can refer to them. */
export const RULES = {
  /** an area whose summed judgements have |sum| at most this is neutral */
  neutralBand: 0.25,
  /** the same for an area a balanced phrase judged: "Helt ok, varken bra eller dåligt" stays neutral */
  balancedBand: 1.5,
  /** the comment's overall sentiment is neutral when |sum| is at most this */
  sentimentNeutralBand: 0.5,
  /** how many words after a negator it reaches; and before it, for verb-second order */
  negationAhead: 4,
  negationBehind: 3,
  /** an idiom is turned only by a negator at most this many words before it */
  idiomNegationAhead: 3,
  /** a negated positive becomes this times its value (negative); a negated negative likewise */
  negatePositive: -0.8,
  negateNegative: -0.5,
  /** praise inside a wish, demand or question becomes this times its value */
  irrealisPositive: -0.5,
  /** a demand that names an area but judges nothing: a mild shortfall of that area */
  bareDemand: -1,
  /** a problem that persists ("still there") in a clause that names an area and judges nothing */
  persistingProblem: -1,
  /** a contrast that names an area and judges nothing: the opposite of the judged clause before */
  bareContrast: 1,
  /** an intensifier or dampener reaches this many words ahead */
  shifterReach: 2,
  /** aspect modifiers reach their target within this many words, in the same clause */
  aspectReach: 4,
  capsWeight: 1.3,
  exclamationWeight: 0.1,
  /** a judgement with no area in reach stands as `overall` only if this strong */
  overallMinimum: 1.5,
  /** two dated events span the errand's time when at most this many sentences apart */
  spanSentences: 2,
  /** the least time a month name lies back ("since March") */
  monthMinutes: 43200,
  /** a sentence naming no area continues the topic of the last one that did, this far back */
  topicCarry: 2,
  /** a lone praise word opening a complaint (sarcasm) becomes this times its value */
  sarcasm: -0.5,
  /** a negative word used as a degree adverb ("förskräckligt bra", "terribly helpful") scales the praise after it */
  degreeAdverb: 1.5,
} as const;

export interface DurationConfig {
  readonly area: string;
  readonly selfService?: string;
  readonly bands: readonly { upTo: number | null; valence: number }[];
}

export interface ClassifyOptions {
  /** areas in output order, as the pipeline declares them */
  readonly areas: readonly string[];
  /** the whole-experience area (Medborgarpulsen's `overall`), for judgements about no particular area */
  readonly fallbackArea?: string;
  /** areas whose cues give way to other areas' cues in the same clause */
  readonly weakAreas?: readonly string[];
  /** areas reported only when judged: no neutral mention from a cue alone */
  readonly judgedOnlyAreas?: readonly string[];
  /** how durations are judged (the pipeline's `durations`) */
  readonly durations?: DurationConfig;
  /** collect a token-by-token trace for `explain` */
  readonly trace?: boolean;
}

export interface ClassifyOutput extends Classification {
  readonly trace?: Trace;
}

interface Hit {
  readonly start: number;
  readonly end: number;
  readonly payload: Payload;
}

type ClauseFlag = 'question' | 'irrealis' | 'contrast' | 'concessive' | 'inquiry';

interface Clause {
  readonly index: number;
  readonly sentence: number;
  readonly start: number;
  readonly end: number;
  readonly weight: number;
  readonly flags: ClauseFlag[];
  readonly exclaim: number;
}

interface Sentence {
  readonly start: number;
  readonly end: number;
  readonly question: boolean;
  readonly exclaim: number;
}

interface Judgement {
  readonly start: number;
  readonly end: number;
  readonly base: number;
  value: number;
  readonly clause: number;
  readonly rule: string;
  readonly ref: EntryRef | undefined;
  /** the area the judgement is bound to by its entry (idiom or aspect target) */
  readonly fixedArea: string | undefined;
  /** the area the word implies when its clause names none (dropped when read as irony) */
  defaultArea: string | undefined;
  readonly emoji: boolean;
  negated: boolean;
  area: string | undefined;
  /** explanation, only kept when tracing */
  readonly steps: string[] | undefined;
  readonly extra: Evidence[];
}

/** Everything known about one comment while it is classified. */
interface Doc {
  readonly text: string;
  readonly lex: CompiledLexicon;
  readonly opts: ClassifyOptions;
  readonly tokens: Token[];
  readonly matches: (TokenMatch | undefined)[];
  readonly sentences: Sentence[];
  readonly idioms: Hit[];
  readonly cues: Hit[];
  readonly lexical: Hit[];
  readonly targets: Hit[];
  readonly modifiers: Hit[];
  readonly clauses: Clause[];
  readonly clauseOf: number[];
  readonly judgements: Judgement[];
  noOpinion: boolean;
}

const NO_AREAS: readonly string[] = [];
const NO_HITS: readonly Hit[] = [];
const refText = (r: EntryRef) => r.label;
const round = (x: number) => Math.round(x * 1000) / 1000;
const squash = (s: number) => round(s / Math.sqrt(s * s + 4));
const signed = (v: number) => `${v > 0 ? '+' : ''}${v}`;

export function classifyText(
  text: string,
  lex: CompiledLexicon,
  opts: ClassifyOptions,
  tokens: Token[] = tokenize(text),
): ClassifyOutput {
  const matches: (TokenMatch | undefined)[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    matches.push(t.kind === 'word' || t.kind === 'number' ? lex.match(t.norm) : undefined);
  }
  const doc: Doc = {
    text,
    lex,
    opts,
    tokens,
    matches,
    sentences: splitSentences(tokens),
    idioms: [],
    cues: [],
    lexical: [],
    targets: [],
    modifiers: [],
    clauses: [],
    clauseOf: new Array<number>(tokens.length).fill(-1),
    judgements: [],
    noOpinion: false,
  };
  matchLayers(doc);
  splitClauses(doc);
  makeJudgements(doc);
  applyIntensifiers(doc);
  applyNegation(doc);
  applyIrrealis(doc);
  judgeBareDemands(doc);
  judgePersistingProblems(doc);
  applySarcasm(doc);
  applyClosingSarcasm(doc);
  applyIronyMarkers(doc);
  judgeBareContrasts(doc);
  applyClauseWeights(doc);
  attachAreas(doc);
  const result = summarise(doc);
  return opts.trace ? { ...result, trace: buildTrace(doc) } : result;
}

// ------------------------------------------------------------------ structure

function splitSentences(tokens: readonly Token[]): Sentence[] {
  const out: Sentence[] = [];
  let s = 0;
  for (let i = 0; i <= tokens.length; i++) {
    const t = tokens[i];
    if (i === tokens.length || t?.kind === 'break') {
      if (i > s) {
        const term = t?.norm ?? '';
        let exclaim = 0;
        for (const ch of term) if (ch === '!') exclaim++;
        out.push({ start: s, end: i, question: term.includes('?'), exclaim });
      }
      s = i + 1;
    }
  }
  return out;
}

/** Longest match first, layer by layer; idioms consume their words so nothing else reads them. */
function matchLayers(doc: Doc): void {
  const view = doc.matches.slice();
  // the words that start an entry of some layer, with the end of their sentence: each layer scans
  // these only (most words start nothing), and the layers no word starts are skipped outright
  const starts: number[] = [];
  const limits: number[] = [];
  let present = 0;
  for (const sen of doc.sentences) {
    for (let i = sen.start; i < sen.end; i++) {
      const m = view[i];
      if (m && m.starts !== 0) {
        present |= m.starts;
        starts.push(i);
        limits.push(sen.end);
      }
    }
  }
  const scan = { view, starts, limits };
  if (present & LAYER_BITS.idiom) scanLayer(doc, 'idiom', doc.idioms, scan, true);
  if (present & LAYER_BITS.area) scanLayer(doc, 'area', doc.cues, scan, false);
  if (present & LAYER_BITS.lexical) scanLayer(doc, 'lexical', doc.lexical, scan, false);
  if (present & LAYER_BITS.target) scanLayer(doc, 'target', doc.targets, scan, false);
  if (present & LAYER_BITS.modifier) scanLayer(doc, 'modifier', doc.modifiers, scan, false);
  dropPolarityInsideCues(doc);
}

/**
 * A polarity word inside a longer area cue is part of a name, not a judgement: "parking fine",
 * "crisis grant", "Fix my street". The longer entry wins, as between any two entries.
 */
function dropPolarityInsideCues(doc: Doc): void {
  if (!doc.cues.some((c) => c.end - c.start > 1)) return;
  const lexical = doc.lexical;
  let w = 0;
  for (let r = 0; r < lexical.length; r++) {
    const h = lexical[r] as Hit;
    const inside =
      h.payload.kind === 'polarity' && doc.cues.some((c) => c.start <= h.start && h.end <= c.end && c.end - c.start > h.end - h.start);
    if (!inside) lexical[w++] = h;
  }
  lexical.length = w;
}

interface Scan {
  /** the token matches, with the words an idiom consumed blanked out */
  readonly view: (TokenMatch | undefined)[];
  /** positions of the words that start an entry of some layer, in order */
  readonly starts: readonly number[];
  /** for each of those, the end of its sentence (no entry crosses a sentence) */
  readonly limits: readonly number[];
}

function scanLayer(doc: Doc, layer: Layer, out: Hit[], scan: Scan, consume: boolean): void {
  const trie = doc.lex.tries[layer];
  if (trie.next.size === 0) return;
  const bit = LAYER_BITS[layer];
  const li = LAYERS.indexOf(layer);
  const { view, starts, limits } = scan;
  let next = 0; // the first word not covered by the previous hit
  for (let c = 0; c < starts.length; c++) {
    const i = starts[c] as number;
    if (i < next) continue;
    const m = view[i];
    if (!m || (m.starts & bit) === 0) continue;
    const end = longestAt(m.layers[li] as LayerStart, view, i, limits[c] as number, layer === 'idiom');
    if (end < 0) continue;
    const found = lastMatch.payloads;
    // a one-word match comes with its payloads already reduced (compile.ts, once per word form)
    const payloads = end - i > 1 && found.length > 1 ? onePerKind(found, spanNorm(doc.tokens, i, end)) : found;
    for (const p of payloads) out.push({ start: i, end, payload: p });
    if (consume) for (let k = i; k < end; k++) view[k] = undefined;
    next = end;
  }
}

/** The normal forms of tokens start … end-1, joined by spaces: how a phrase entry is written. */
function spanNorm(tokens: readonly Token[], start: number, end: number): string {
  let text = '';
  for (let k = start; k < end; k++) text += (k > start ? ' ' : '') + (tokens[k] as Token).norm;
  return text;
}

/** Commas, brackets, and contrast or concessive words open a new clause within a sentence. */
function splitClauses(doc: Doc): void {
  // by token position (most comments have none: no map to build)
  const openers: (Payload & { kind: 'shifter' })[] = [];
  for (const h of doc.lexical) {
    const p = h.payload;
    if (p.kind === 'shifter' && (p.shifter === 'contrast' || p.shifter === 'concessive')) openers[h.start] = p;
  }
  doc.sentences.forEach((sen, si) => {
    let start = sen.start;
    // the sentence's last word
    let last = sen.end - 1;
    while (last >= sen.start && doc.tokens[last]?.kind !== 'word') last--;
    for (let i = sen.start; i < sen.end; i++) {
      const t = doc.tokens[i] as Token;
      if (t.kind === 'punct' && (t.norm === ',' || t.norm === '(' || t.norm === ')')) {
        addClause(doc, sen, si, start, i, openers);
        start = i + 1;
      } else if (i > start && i !== last && openers[i] !== undefined) {
        addClause(doc, sen, si, start, i, openers);
        start = i;
      }
    }
    addClause(doc, sen, si, start, sen.end, openers);
    // a contrast word closing its sentence marks its own clause as the contrast: "Still room to
    // improve on the roads though.", "The wait was long, however." (a concessive one, weaker in
    // front of a clause, weighs its inverse here)
    const op = last > sen.start ? openers[last] : undefined;
    const k = doc.clauses.length - 1;
    const c = doc.clauses[k];
    if (op && c && c.sentence === si && c.start < last && !c.flags.includes('contrast') && !c.flags.includes('concessive')) {
      const weight = op.shifter === 'contrast' ? op.weight : 1 / op.weight;
      doc.clauses[k] = { ...c, weight, flags: ['contrast', ...c.flags] };
    }
  });
  // a contrast reaches to the end of its sentence: in "svårt att komma fram, men när jag väl
  // kom fram, gick det snabbt" the clause that decides is the last one
  for (let k = 1; k < doc.clauses.length; k++) {
    const c = doc.clauses[k] as Clause;
    const prev = doc.clauses[k - 1] as Clause;
    if (c.sentence === prev.sentence && prev.flags.includes('contrast') && c.weight === 1 && !c.flags.includes('concessive')) {
      doc.clauses[k] = { ...c, weight: prev.weight, flags: [...c.flags, 'contrast'] };
    }
  }
  for (const h of doc.lexical) {
    const p = h.payload;
    if (p.kind === 'shifter' && (p.shifter === 'irrealis' || p.shifter === 'demand')) {
      const c = doc.clauses[doc.clauseOf[h.start] ?? -1];
      if (c && !c.flags.includes('irrealis')) c.flags.push('irrealis');
    }
    if (p.kind === 'shifter' && p.shifter === 'inquiry') {
      const c = doc.clauses[doc.clauseOf[h.start] ?? -1];
      if (c && !c.flags.includes('inquiry')) c.flags.push('inquiry');
      if (c && !c.flags.includes('question')) c.flags.push('question');
    }
  }
}

function addClause(
  doc: Doc,
  sen: Sentence,
  si: number,
  start: number,
  end: number,
  openers: readonly ((Payload & { kind: 'shifter' }) | undefined)[],
): void {
  if (end <= start) return;
  const index = doc.clauses.length;
  const flags: ClauseFlag[] = [];
  let weight = 1;
  const op = openers[start];
  if (op) {
    flags.push(op.shifter === 'contrast' ? 'contrast' : 'concessive');
    weight = op.weight;
  }
  if (sen.question) flags.push('question');
  doc.clauses.push({ index, sentence: si, start, end, weight, flags, exclaim: sen.exclaim });
  doc.clauseOf.fill(index, start, end);
}

// ------------------------------------------------------------------ judgements

function addJudgement(
  doc: Doc,
  start: number,
  end: number,
  value: number,
  rule: string,
  ref: EntryRef | undefined,
  extra: { fixedArea?: string; defaultArea?: string; emoji?: boolean } = {},
): Judgement {
  const j: Judgement = {
    start,
    end,
    base: value,
    value,
    clause: doc.clauseOf[start] ?? -1,
    rule,
    ref,
    fixedArea: extra.fixedArea,
    defaultArea: extra.defaultArea,
    emoji: extra.emoji ?? false,
    negated: false,
    area: undefined,
    steps: doc.opts.trace ? [`${rule} ${signed(value)}${ref ? ` (${refText(ref)})` : ''}`] : undefined,
    extra: [],
  };
  doc.judgements.push(j);
  return j;
}

function areaOf(h: Hit): string | undefined {
  return h.payload.kind === 'area' ? h.payload.area : undefined;
}

function cueAreaAt(doc: Doc, i: number): string | undefined {
  for (const c of doc.cues) if (c.start <= i && i < c.end) return areaOf(c);
  return undefined;
}

/**
 * Whether a negator was matched at i in this comment: not when an idiom or a longer entry took the
 * word (that entry is read instead). wordIsNegator below asks what the word is, whatever took it.
 */
function isNegatorAt(doc: Doc, i: number): boolean {
  for (const h of doc.lexical) {
    if (h.start === i && h.payload.kind === 'shifter' && h.payload.shifter === 'negator') return true;
  }
  return false;
}

const LEXICAL = LAYERS.indexOf('lexical');
/** whether a word before i in its clause is listed as a negator (also inside an idiom: "inte tömts") */
function negatorBefore(doc: Doc, i: number): boolean {
  const clause = doc.clauses[doc.clauseOf[i] ?? -1];
  if (!clause) return false;
  for (let k = clause.start; k < i; k++) if (wordIsNegator(doc, k)) return true;
  return false;
}
/** whether the word at i is listed as a negator on its own (also when an idiom has taken it) */
function wordIsNegator(doc: Doc, i: number): boolean {
  return wordIsListed(doc, i, 'negator');
}
/**
 * whether the word at i is listed on its own as a shifter or units.tsv word of this kind, also
 * when a longer entry has taken it ("inte tömts", "still there")
 */
function wordIsListed(doc: Doc, i: number, kind: ShifterKind | UnitRow['kind']): boolean {
  const payloads = doc.matches[i]?.layers[LEXICAL]?.payloads;
  if (!payloads) return false;
  for (const p of payloads) if ((p.kind === 'shifter' && p.shifter === kind) || (p.kind === 'unit' && p.unit === kind)) return true;
  return false;
}

/** The nearest target of an aspect group within reach of a modifier, in the same clause. */
function nearestTarget(doc: Doc, group: number, start: number, end: number): Hit | undefined {
  const clause = doc.clauseOf[start];
  let best: Hit | undefined;
  let bestD = Infinity;
  for (const t of doc.targets) {
    if (t.payload.kind !== 'target' || t.payload.group !== group || doc.clauseOf[t.start] !== clause) continue;
    const d = t.start >= end ? t.start - end : start - t.end;
    if (d < 0 || d >= RULES.aspectReach) continue;
    if (d < bestD) {
      bestD = d;
      best = t;
    }
  }
  return best;
}

function span(doc: Doc, start: number, end: number, rule: string, ref?: EntryRef): Evidence {
  const a = (doc.tokens[start] as Token).start;
  const b = (doc.tokens[end - 1] as Token).end;
  // one shape with or without an entry (JSON leaves an undefined entry out)
  return { text: doc.text.slice(a, b), start: a, end: b, rule, entry: ref?.label };
}

function aspectJudgement(doc: Doc, m: Hit, group: number, valence: number, ref: EntryRef, target: Hit): void {
  const g = doc.lex.groups[group];
  // the group says what the judgement is about ("rask behandling" is about waiting even where
  // "behandling" names the staff); without a group area, the target's own cue decides
  const area = g?.area ?? cueAreaAt(doc, target.start);
  const j = addJudgement(doc, m.start, m.end, valence, `aspect:${g?.name ?? group}`, ref, {
    fixedArea: (area && yieldedArea(doc, doc.clauseOf[m.start] ?? -1, area)) ?? area,
  });
  j.extra.push(span(doc, target.start, target.end, `aspect-target:${g?.name ?? group}`, target.payload.ref));
}

/**
 * "Biblioteket har korta öppettider" is about the library, "telefontiderna är korta" about
 * waiting: where a clause names a target of an aspect group that yields to other areas
 * (aspects.json `yieldTo`, e.g. opening hours), whose own area is `area`, a cue of an area it
 * yields to takes the clause's judgements, unless the clause names `area` by some other word.
 * Undefined where nothing yields.
 */
function yieldedArea(doc: Doc, clause: number, area: string): string | undefined {
  let yieldTo: readonly string[] | undefined;
  for (const t of doc.targets) {
    if (t.payload.kind !== 'target' || doc.clauseOf[t.start] !== clause) continue;
    const g = doc.lex.groups[t.payload.group];
    if (g && g.area === area && g.yieldTo.length > 0) yieldTo = g.yieldTo;
  }
  if (!yieldTo) return undefined;
  let yielded: string | undefined;
  for (const h of doc.cues) {
    if (doc.clauseOf[h.start] !== clause) continue;
    const a = areaOf(h);
    if (a === area) {
      // the target itself ("öppettider") is often a cue of the group's area: that is no other cue
      const isTarget = doc.targets.some((t) => t.start <= h.start && h.end <= t.end && t.payload.kind === 'target' && doc.lex.groups[t.payload.group]?.yieldTo.length);
      if (!isTarget) return undefined;
    } else if (a && yieldTo.includes(a)) yielded ??= a;
  }
  return yielded;
}

function makeJudgements(doc: Doc): void {
  for (const h of doc.idioms) {
    const p = h.payload;
    if (p.kind !== 'idiom') continue;
    if (p.valence !== 0) addJudgement(doc, h.start, h.end, p.valence, 'idiom', p.ref, { fixedArea: p.area || undefined });
    // a zero with an area is a balanced judgement ("varken bra eller dåligt"): neutral, read for
    // its clause's area like any judgement; the area is the one it implies where none is named
    // (with the fallback area that is simply the fallback: "Personalen var varken bra eller dålig")
    else if (p.area) addJudgement(doc, h.start, h.end, 0, 'idiom', p.ref, { defaultArea: p.area === doc.opts.fallbackArea ? undefined : p.area });
    // "Inga synpunkter …" opening the comment: no opinion; "i dag" inside one is just a phrase
    else doc.noOpinion ||= h.start === 0;
  }
  // aspect-conditioned modifiers win over the general polarity of the same words
  const aspectUsed: boolean[] = []; // by token position
  for (const m of doc.modifiers) {
    const p = m.payload;
    if (p.kind !== 'modifier' || aspectUsed[m.start] || isNegatorAt(doc, m.start)) continue;
    const t = nearestTarget(doc, p.group, m.start, m.end);
    if (!t) continue;
    aspectJudgement(doc, m, p.group, p.valence, p.ref, t);
    for (let k = m.start; k < m.end; k++) aspectUsed[k] = true;
  }
  // a negative word right before praise is a degree adverb, not a complaint ("förskräckligt bra",
  // "sykt hyggelig", "terribly helpful", "problem solved"); negative words are few, so look ahead
  // from each one
  let degree: Hit[] | undefined;
  for (const h of doc.lexical) {
    const p = h.payload;
    if (p.kind !== 'polarity' || p.valence >= 0 || h.end - h.start !== 1 || aspectUsed[h.start]) continue;
    if (doc.clauseOf[h.end] !== doc.clauseOf[h.start] || !praiseStartsAt(doc, h.end, aspectUsed)) continue;
    if (adverbForm(doc.lex.lang, (doc.tokens[h.start] as Token).norm)) (degree ??= []).push(h);
  }
  for (const h of doc.lexical) {
    const p = h.payload;
    if (p.kind !== 'polarity' || aspectUsed[h.start] || degree?.includes(h)) continue;
    addJudgement(doc, h.start, h.end, p.valence, 'polarity', p.ref, { defaultArea: p.area || undefined });
  }
  for (const d of degree ?? []) {
    for (const j of doc.judgements) {
      if (j.start !== d.end || j.value <= 0) continue;
      j.value *= RULES.degreeAdverb;
      if (j.steps) j.steps.push(`degree adverb ×${RULES.degreeAdverb} (${refText(d.payload.ref)})`);
      j.extra.push(span(doc, d.start, d.end, 'degree-adverb', d.payload.ref));
    }
  }
  for (let i = 0; i < doc.tokens.length; i++) {
    const t = doc.tokens[i] as Token;
    if (t.kind !== 'emoji' && t.kind !== 'emoticon') continue;
    const e = doc.lex.emoji.get(emojiKey(t.norm)) ?? doc.lex.emoji.get(t.norm);
    if (e) addJudgement(doc, i, i + 1, e.valence, 'emoji', e.ref, { emoji: true });
  }
  judgeDurations(doc);
}

/** Is there a units.tsv entry of this kind ending at token `end` (exclusive)? */
function unitEndingAt(doc: Doc, end: number, kind: string): boolean {
  for (const h of doc.lexical) if (h.end === end && h.payload.kind === 'unit' && h.payload.unit === kind) return true;
  return false;
}

/** Is there a units.tsv entry of this kind starting at token `start`? */
function unitStartingAt(doc: Doc, start: number, kind: string): boolean {
  for (const h of doc.lexical) if (h.start === start && h.payload.kind === 'unit' && h.payload.unit === kind) return true;
  return false;
}

/** Does praise (a positive word or aspect judgement, not an idiom) start at token `pos`? */
function praiseStartsAt(doc: Doc, pos: number, aspectUsed: readonly boolean[]): boolean {
  for (const j of doc.judgements) if (j.start === pos && j.value > 0 && j.rule !== 'idiom') return true;
  if (aspectUsed[pos]) return false;
  for (const h of doc.lexical) {
    if (h.start === pos && h.payload.kind === 'polarity' && h.payload.valence > 0) return true;
  }
  return false;
}

/**
 * The form a degree adverb takes: English "-ly" ("terribly"), Scandinavian neuter "-t"
 * ("förskräckligt", "sykt") or a bare "-lig" ("frygtelig flink", "forferdelig hyggelig"). An
 * attributive adjective ("lumsk humor", "grusom nytelse") has neither.
 */
function adverbForm(lang: string, word: string): boolean {
  return lang === 'en' ? word.endsWith('ly') : word.endsWith('t') || word.endsWith('lig');
}

/**
 * Durations ("45 minuter", "tre veckor", "within two days") judged by their length and by how the
 * text frames them: a duration after a `within` word is a promise kept; a turnaround ("klart på två
 * dagar", "fixed in 3 hours", "kortet kom fire dager senere") is how long something took to get done,
 * and up to three weeks that is praise; after a `took` word ("det tog tre månader") it is handling
 * time, judged by the bands whatever the sentence names; any other duration is a stretch of
 * waiting, judged by the pipeline's bands. Then the waits counted from a point in time.
 */
function judgeDurations(doc: Doc): void {
  const cfg = doc.opts.durations;
  if (!cfg) return;
  const weak = doc.opts.weakAreas ?? NO_AREAS;
  let rateUnit: boolean[] | undefined; // the second unit of a rate, by position
  for (const u of doc.lexical) {
    const up = u.payload;
    if (up.kind !== 'unit' || up.unit !== 'unit') continue;
    let count = 0;
    let from = u.start;
    for (let k = u.start - 1; k >= Math.max(0, u.start - 2); k--) {
      const t = doc.tokens[k] as Token;
      if (t.kind === 'number') {
        const range = t.norm.split(/[-–]/).map((x) => Number(x.replace(',', '.'))).filter(Number.isFinite);
        count = range.length > 0 ? Math.max(...range) : 0;
        from = k;
        break;
      }
      const num = doc.lexical.find((h) => h.end === k + 1 && h.payload.kind === 'unit' && h.payload.unit === 'number');
      if (num && num.payload.kind === 'unit') {
        count = num.payload.value;
        from = num.start;
        break;
      }
    }
    // a unit needs a number: "min ansøgning", "i dag", "hela dagen" are no durations
    if (count === 0) continue;
    // "en med min mamma" has no minute in it: the article "en" is a number only right before its unit
    const between = doc.tokens[u.start - 1] as Token;
    if (from === u.start - 2 && count === 1 && between.kind === 'word' && doc.lex.functionWords.has(between.norm)) continue;
    // a rate is no duration: "tre dager i uka", "two hours a day", "to gange om ugen" (neither
    // "two hours" nor "a day")
    if (rateUnit?.[u.start]) continue;
    if (doc.tokens[u.end]?.kind === 'word' && unitStartingAt(doc, u.end + 1, 'unit')) {
      (rateUnit ??= [])[u.end + 1] = true;
      continue;
    }
    const minutes = count * up.value;
    // "det tog tre månader att få beslut", "approval took 14 weeks": the time it took to get
    // something done, judged by the bands whatever the sentence names (one word may come between:
    // "tog det nästan tre veckor")
    const tookWord = from > 0 && (unitEndingAt(doc, from, 'took') || unitEndingAt(doc, from - 1, 'took'));
    // "har inte tömts på tre veckor", "not been lifted in 3 weeks": after a negator in its clause
    // the time is how long nothing happened, never a turnaround or a promise kept; but a negator
    // before "took" is about something else ("can't believe it took 8 months")
    const negated = !tookWord && negatorBefore(doc, from);
    let within = false;
    if (!negated) for (let k = from - 1; k >= Math.max(0, from - 3); k--) if (unitEndingAt(doc, k + 1, 'within')) within = true;
    // the word right before the number ("på", "in", "after") or right after the unit ("later")
    const turnaround = !negated && !within && ((from > 0 && unitEndingAt(doc, from, 'turnaround')) || unitStartingAt(doc, u.end, 'later'));
    const took = tookWord && !within && !turnaround;
    let v = bandValence(cfg, minutes);
    if (within && minutes <= 30240) v = Math.max(v, 1); // "inom en vecka", "within three weeks"
    // a long time is only a complaint about waiting where the sentence is about waiting ("after
    // four months I got a job" is not); a short one only praise where the sentence is about a
    // service at all ("2 minutes of applause" in a news sentence is not)
    const sentence = doc.clauses[doc.clauseOf[u.start] ?? -1]?.sentence;
    let waitCue = false;
    let anyCue = false;
    let selfServiceCue = false;
    let otherCue = false; // a strong cue of another area: a person ("en riktig människa") or a wait
    for (const h of doc.cues) {
      if (doc.clauses[doc.clauseOf[h.start] ?? -1]?.sentence !== sentence) continue;
      anyCue = true;
      const a = areaOf(h) ?? '';
      if (a === cfg.area) waitCue = true;
      if (a === cfg.selfService) selfServiceCue = true;
      else if (!weak.includes(a)) otherCue = true;
    }
    // "Bokade båtplats online. Tog två minuter.": a time it took, in a sentence naming nothing,
    // is about what the sentence before named
    if (took && !anyCue && sentence !== undefined && sentence > 0) {
      for (const h of doc.cues) {
        if (doc.clauses[doc.clauseOf[h.start] ?? -1]?.sentence !== sentence - 1) continue;
        const a = areaOf(h) ?? '';
        if (a === cfg.selfService) selfServiceCue = true;
        else if (!weak.includes(a)) otherCue = true;
      }
    }
    // "löst på tre timmar", "came a week later" (up to three weeks); but hours in a sentence about
    // waiting are a wait ("kom fram efter 45 minuter i kö")
    if (turnaround && minutes <= 30240 && !(v < 0 && waitCue)) v = Math.max(v, 1);
    // the words around it carry the complaint ("inte tömts", "no reply"): about waiting only where
    // the sentence is about waiting
    if (negated && !waitCue) continue;
    if (v === 0) continue;
    if (v < 0 && !waitCue && !took) continue;
    // a bare stretch of days is praise only where the sentence is about waiting ("det tog två
    // dagar"); elsewhere it is how long a problem lasted ("vattnet har varit brunt i tre dagar")
    if (v > 0 && !within && !turnaround && !took && !(minutes < 60 ? anyCue : waitCue)) continue;
    // "Webbformuläret tog 2 min att fylla i": the time a self-service task took
    const area = selfServiceCue && !otherCue && minutes < 60 ? (cfg.selfService as string) : cfg.area;
    const j = addJudgement(doc, from, u.end, v, 'duration', up.ref, { fixedArea: area });
    // the time it took is a fact no negator in the clause turns ("can't believe it took 8 months")
    if (took) j.negated = true;
    if (j.steps) j.steps.push(`${round(minutes)} minutes${within ? ' (within)' : turnaround ? ' (turnaround)' : took ? ' (the time it took)' : ''}`);
  }
  judgeElapsedSince(doc, cfg);
  judgeSpans(doc, cfg);
}

/** The valence the pipeline's duration bands give a stretch of this many minutes. */
function bandValence(cfg: DurationConfig, minutes: number): number {
  for (const b of cfg.bands) if (b.upTo === null || minutes <= b.upTo) return b.valence;
  return 0;
}

/**
 * "Har väntat på beslut sedan januari", "been waiting since last spring": a wait counted from a
 * point in time (units.tsv `point`, right after a `since` word) lasts at least as long as the
 * point's value says. Judged by the pipeline's bands like any duration, and only as a complaint
 * in a sentence about waiting: "the light has been out since October" is how long a problem
 * lasted, and a point only days back says nothing of a wait's length.
 */
function judgeElapsedSince(doc: Doc, cfg: DurationConfig): void {
  for (const u of doc.lexical) {
    const up = u.payload;
    if (up.kind !== 'unit' || (up.unit !== 'point' && up.unit !== 'month')) continue;
    // right after the since word, or one word on ("since last March", "sedan i januari")
    const since = doc.lexical.find((h) => (h.end === u.start || h.end === u.start - 1) && h.payload.kind === 'unit' && h.payload.unit === 'since');
    if (!since) continue;
    const back = up.unit === 'month' ? RULES.monthMinutes : up.value;
    const v = bandValence(cfg, back);
    if (v >= 0) continue;
    const sentence = doc.clauses[doc.clauseOf[u.start] ?? -1]?.sentence;
    let waitCue = false;
    for (const h of doc.cues) {
      if (areaOf(h) === cfg.area && doc.clauses[doc.clauseOf[h.start] ?? -1]?.sentence === sentence) waitCue = true;
    }
    if (!waitCue) continue;
    const j = addJudgement(doc, since.start, u.end, v, 'duration', up.ref, { fixedArea: cfg.area });
    if (j.steps) j.steps.push(`at least ${round(back)} minutes (since a point in time)`);
  }
}

/**
 * "Reported Monday, collected Tuesday", "søgte i marts, fik svar i juni", "applied in January,
 * it's now April": dated events in a row (units.tsv `weekday` or `month`, each at most
 * RULES.spanSentences sentences after the one before) span the time the errand took, from the
 * first to the last, which is a judgement of the waiting area. Days between weekdays are a
 * turnaround (praise, like "fixed in two days"), unless the last clause says nothing has ended (a
 * `now` word, a persist shifter or a negator before the last point: "still there Friday", "not
 * fixed by Friday"); then the words carry the complaint. Months are coarse, so a span of n months counts
 * as at least n - 1 months and a day, judged by the pipeline's bands (two months or more is a long
 * wait, open or not; one month is too coarse to judge); with a year after both months the span is
 * exact, a year after only one leaves it unknown. A chain with two points a word or two apart is
 * a list or a range ("open Tuesdays and Fridays", "Thursday and Friday", "Monday to Friday"), and
 * one in a question or a wish judges nothing.
 */
function judgeSpans(doc: Doc, cfg: DurationConfig): void {
  // most comments name no two dates: find out without allocating anything
  let points = 0;
  for (const u of doc.lexical) if (u.payload.kind === 'unit' && (u.payload.unit === 'weekday' || u.payload.unit === 'month')) points++;
  if (points < 2) return;
  judgeChains(doc, cfg, 'weekday');
  judgeChains(doc, cfg, 'month');
}

/** The chains of one calendar kind, each judged from its first point to its last. */
function judgeChains(doc: Doc, cfg: DurationConfig, kind: 'weekday' | 'month'): void {
  let first: Hit | undefined;
  let last: Hit | undefined;
  let total = 0;
  let noSpan = false;
  for (const u of doc.lexical) {
    if (u.payload.kind !== 'unit' || u.payload.unit !== kind) continue;
    const c = doc.clauses[doc.clauseOf[u.start] ?? -1];
    if (!c) continue;
    const unusable = c.flags.includes('question') || c.flags.includes('irrealis');
    const prev = last && doc.clauses[doc.clauseOf[last.start] ?? -1];
    if (!first || !last || !prev || c.sentence - prev.sentence > RULES.spanSentences) {
      if (first && last && last !== first && total > 0 && !noSpan) judgeSpan(doc, cfg, kind, first, last, total);
      first = last = u;
      total = 0;
      noSpan = unusable;
      continue;
    }
    if (unusable || u.start - last.end <= 2) noSpan = true;
    const step = calendarStep(doc, kind, last, u);
    if (step === undefined) noSpan = true;
    else total += step;
    last = u;
  }
  if (first && last && last !== first && total > 0 && !noSpan) judgeSpan(doc, cfg, kind, first, last, total);
}

/** The forward distance from one calendar point to the next, in days or months (undefined: unknown). */
function calendarStep(doc: Doc, kind: 'weekday' | 'month', from: Hit, to: Hit): number | undefined {
  const a = from.payload.kind === 'unit' ? from.payload.value : 0;
  const b = to.payload.kind === 'unit' ? to.payload.value : 0;
  if (kind === 'weekday') return (b - a + 7) % 7;
  const ya = yearAfter(doc, from.end);
  const yb = yearAfter(doc, to.end);
  if (ya === undefined && yb === undefined) return (b - a + 12) % 12;
  if (ya === undefined || yb === undefined) return undefined;
  const months = (yb - ya) * 12 + (b - a);
  return months >= 0 ? months : undefined;
}

/** "March 2023", "mars, 2023": the year right after a month name */
function yearAfter(doc: Doc, i: number): number | undefined {
  const t = doc.tokens[i]?.norm === ',' ? doc.tokens[i + 1] : doc.tokens[i];
  return t && t.kind === 'number' && /^(19|20)\d\d$/.test(t.norm) ? Number(t.norm) : undefined;
}

function judgeSpan(doc: Doc, cfg: DurationConfig, kind: 'weekday' | 'month', first: Hit, last: Hit, n: number): void {
  const c = doc.clauses[doc.clauseOf[last.start] ?? -1] as Clause;
  // "it's now June", "nu i augusti", "still there Friday": the errand is still open; so is one the
  // last clause says nothing ended ("not fixed")
  let open = false;
  for (let k = c.start; k < c.end && !open; k++) {
    open = (k < last.start && (wordIsListed(doc, k, 'now') || wordIsNegator(doc, k))) || wordIsListed(doc, k, 'persist');
  }
  let minutes: number;
  let v: number;
  if (kind === 'weekday') {
    if (open) return;
    minutes = n * 1440;
    v = Math.max(bandValence(cfg, minutes), 1);
  } else {
    if (n < 2) return;
    minutes = (n - 1) * RULES.monthMinutes + 1440;
    v = bandValence(cfg, minutes);
  }
  if (v === 0) return;
  const ref = last.payload.kind === 'unit' ? last.payload.ref : undefined;
  const j = addJudgement(doc, last.start, last.end, v, 'duration', ref, { fixedArea: cfg.area });
  // a fact of the calendar: no negator in the clause turns it
  j.negated = true;
  if (j.steps) j.steps.push(`${n} ${kind === 'weekday' ? 'days' : 'months'} after "${spanNorm(doc.tokens, first.start, first.end)}"${open ? ' (still open)' : ''}: at least ${round(minutes)} minutes`);
}

// ------------------------------------------------------------------ shifters

/** Intensifiers and dampeners just before a judgement, compound prefixes, capitals. */
function applyIntensifiers(doc: Doc): void {
  for (const j of doc.judgements) {
    if (j.rule === 'idiom' || j.emoji) continue;
    for (const h of doc.lexical) {
      const p = h.payload;
      if (p.kind !== 'shifter' || (p.shifter !== 'intensifier' && p.shifter !== 'dampener')) continue;
      if (h.end <= j.start && j.start - h.end <= RULES.shifterReach - 1 && doc.clauseOf[h.start] === j.clause) {
        j.value *= p.weight;
        if (j.steps) j.steps.push(`${p.shifter} ×${p.weight} (${refText(p.ref)})`);
        j.extra.push(span(doc, h.start, h.end, p.shifter, p.ref));
      }
    }
    const cm = doc.matches[j.start]?.compound;
    if (cm && cm.prefixWeight !== 1 && j.end - j.start === 1) {
      j.value *= cm.prefixWeight;
      if (j.steps) j.steps.push(`compound prefix "${cm.modifier}" ×${cm.prefixWeight}`);
    }
    if (doc.tokens[j.start]?.caps) {
      j.value *= RULES.capsWeight;
      if (j.steps) j.steps.push(`capitals ×${RULES.capsWeight}`);
    }
  }
}

/**
 * Negation, scoped to its clause: the first judgement a few words ahead, else the nearest one just
 * behind (verb-second order: "appen fungerar inte"). A negator with nothing to negate may be an
 * aspect modifier: "inget svar" is a complaint about waiting.
 */

function applyNegation(doc: Doc): void {
  for (const h of doc.lexical) {
    const p = h.payload;
    if (p.kind !== 'shifter' || p.shifter !== 'negator') continue;
    const c = doc.clauseOf[h.start];
    let ahead: Judgement | undefined;
    let behind: Judgement | undefined;
    for (const j of doc.judgements) {
      if (j.clause !== c || j.negated || j.emoji) continue;
      // negative concord: a phrase that opens with its own negator ("no trouble", "no problems")
      // keeps its reading after another one: "didn't have no trouble" means none at all
      if (j.end - j.start > 1 && wordIsNegator(doc, j.start)) continue;
      // an idiom carries its own negation ("inga problem"); one just before it still turns it
      // ("ikke hentet til tiden"), never one after it
      if (j.rule === 'idiom') {
        if (j.base !== 0 && j.start >= h.end && j.start - h.end < RULES.idiomNegationAhead && (!ahead || j.start < ahead.start)) ahead = j;
        continue;
      }
      if (j.start >= h.end && j.start - h.end < RULES.negationAhead && (!ahead || j.start < ahead.start)) ahead = j;
      if (!p.aheadOnly && j.end <= h.start && h.start - j.end < RULES.negationBehind && (!behind || j.start > behind.start)) behind = j;
    }
    const target = ahead ?? behind;
    if (target) {
      const f = target.value > 0 ? RULES.negatePositive : RULES.negateNegative;
      // "inte särskilt trevlig", "not very good": understatement, not stronger than plain negation
      if (Math.abs(target.value) > Math.abs(target.base)) {
        target.value = target.base;
        if (target.steps) target.steps.push('understatement: intensifier undone under negation');
      }
      target.value *= f;
      target.negated = true;
      if (target.steps) target.steps.push(`negation ×${f} (${refText(p.ref)})`);
      target.extra.push(span(doc, h.start, h.end, 'negation', p.ref));
      continue;
    }
    for (const m of doc.modifiers) {
      const mp = m.payload;
      if (m.start !== h.start || mp.kind !== 'modifier') continue;
      const t = nearestTarget(doc, mp.group, m.start, m.end);
      if (!t) continue;
      aspectJudgement(doc, m, mp.group, mp.valence, mp.ref, t);
      break;
    }
  }
}

/**
 * A demand that names an area and judges nothing ("Hemsidan borde finnas på fler språk", "Der
 * burde være info på engelsk") asks for an improvement: a mild shortfall of that area
 * (ANNOTATION.md: "Ni borde ha öppet på kvällarna" is wait:neg). Only `demand` shifters do this:
 * hopes, thanks-in-advance and requests for information ("kan jag få ett nummer?") judge nothing.
 * What is asked for comes after the verb, and last: "Kommunen burde bruke mindre penger på
 * konsulenter og mer på skolene" asks for schools.
 */
function judgeBareDemands(doc: Doc): void {
  judgeBareClauses(doc, 'demand', RULES.bareDemand, (h, cues) => {
    let after: string | undefined;
    let before: string | undefined;
    for (const q of cues) {
      if (q.start >= h.end) after = areaOf(q);
      else before = areaOf(q);
    }
    return after ?? before;
  }, (area) => `asks for ${area}: a clause that names it and judges nothing`);
}

/**
 * A problem that persists ("Lampan är fortfarande trasig" is judged by "trasig"; "Hålet i gatan är
 * kvar", "Pælen ligger der stadigvæk" judge nothing but the word): a mild complaint about the area
 * named nearest to the word. Not in a question: "Delar ni fortfarande ut säckar?" asks.
 */
function judgePersistingProblems(doc: Doc): void {
  judgeBareClauses(doc, 'persist', RULES.persistingProblem, (h, cues) => {
    if (doc.clauses[doc.clauseOf[h.start] ?? -1]?.flags.includes('question')) return undefined;
    let best: Hit | undefined;
    let bestD = Infinity;
    for (const q of cues) {
      const d = q.start < h.start ? h.start - q.end : q.start - h.end;
      if (d < bestD) {
        bestD = d;
        best = q;
      }
    }
    return best && areaOf(best);
  }, (area) => `a problem with ${area} that persists: a clause that names it and judges nothing`);
}

/**
 * The shared step of demands and persisting problems: for each shifter of `kind` whose clause
 * judges nothing, `pick` chooses an area among the clause's cues (the municipality as a whole is
 * never one), and that area gets a mild judgement `value`.
 */
function judgeBareClauses(
  doc: Doc,
  kind: 'demand' | 'persist',
  value: number,
  pick: (h: Hit, cues: readonly Hit[]) => string | undefined,
  why: (area: string) => string,
): void {
  for (const h of doc.lexical) {
    const p = h.payload;
    if (p.kind !== 'shifter' || p.shifter !== kind) continue;
    const c = doc.clauseOf[h.start];
    if (doc.judgements.some((j) => j.clause === c)) continue;
    const cues = doc.cues.filter((q) => doc.clauseOf[q.start] === c && areaOf(q) && areaOf(q) !== doc.opts.fallbackArea);
    const area = pick(h, cues);
    if (!area) continue;
    const j = addJudgement(doc, h.start, h.end, value, kind, p.ref, { fixedArea: area });
    if (j.steps) j.steps.push(why(area));
  }
}

/**
 * A contrast that names an area and judges nothing turns the judgement before it: in "Nice lad on
 * the phone, but the bin men smashed our bin" the clause after "but" is the complaint, though no
 * word in it judges. The area named first in the contrast gets a mild judgement of the opposite
 * sign to the judged clause before it (in its sentence or the one before). Not in questions or
 * wishes, not where a later clause of the contrast judges ("but when I got through, it was
 * quick"), and not where the clause before judged the same area ("she was kind, but the officer
 * ..."): the contrast is then about something else in it.
 */
function judgeBareContrasts(doc: Doc): void {
  for (const h of doc.lexical) {
    const p = h.payload;
    if (p.kind !== 'shifter' || p.shifter !== 'contrast') continue;
    const c = doc.clauseOf[h.start] ?? -1;
    const clause = doc.clauses[c];
    if (!clause || clause.start !== h.start || clause.flags.includes('question') || clause.flags.includes('irrealis')) continue;
    // the contrast reaches to the end of its sentence
    let last = c;
    while (doc.clauses[last + 1]?.sentence === clause.sentence) last++;
    if (doc.judgements.some((j) => j.clause >= c && j.clause <= last)) continue;
    let cue: Hit | undefined;
    for (const q of doc.cues) {
      const qc = doc.clauseOf[q.start] ?? -1;
      if (qc >= c && qc <= last && areaOf(q) && areaOf(q) !== doc.opts.fallbackArea && (!cue || q.start < cue.start)) cue = q;
    }
    if (!cue) continue;
    const area = areaOf(cue) as string;
    // the judged clause before: in the same sentence or the one before
    let sum = 0;
    let same = false;
    for (let k = c - 1; k >= 0; k--) {
      const prev = doc.clauses[k] as Clause;
      if (prev.sentence < clause.sentence - 1) break;
      for (const j of doc.judgements) {
        if (j.clause !== k) continue;
        sum += j.value;
        if (j.fixedArea === area || j.defaultArea === area) same = true;
      }
      if (sum === 0) continue;
      for (const q of doc.cues) if (doc.clauseOf[q.start] === k && areaOf(q) === area) same = true;
      break;
    }
    if (sum === 0 || same) continue;
    const j = addJudgement(doc, h.start, h.end, -Math.sign(sum) * RULES.bareContrast, 'contrast', p.ref, { fixedArea: area });
    if (j.steps) j.steps.push(`a contrast naming ${area} and judging nothing: the opposite of the clause before`);
  }
}

/** Wishes, demands, counterfactuals and questions: praise there is a shortfall. */
function applyIrrealis(doc: Doc): void {
  // an inquiry asks; what sounds like praise in it ("kan du si om biblioteket har åpent på
  // lørdag") judges nothing
  let asked = false;
  for (const j of doc.judgements) {
    const c = doc.clauses[j.clause];
    if (c && j.value > 0 && !j.emoji && c.flags.includes('inquiry')) asked = true;
  }
  if (asked) {
    let k = 0;
    for (const j of doc.judgements) {
      const c = doc.clauses[j.clause];
      if (c && j.value > 0 && !j.emoji && c.flags.includes('inquiry')) continue;
      doc.judgements[k++] = j;
    }
    doc.judgements.length = k;
  }
  for (const j of doc.judgements) {
    const c = doc.clauses[j.clause];
    if (!c || j.value <= 0 || j.rule === 'idiom' || j.emoji) continue;
    const why = c.flags.includes('irrealis') ? 'irrealis' : c.flags.includes('question') ? 'question' : undefined;
    if (!why) continue;
    j.value *= RULES.irrealisPositive;
    if (j.steps) j.steps.push(`${why} ×${RULES.irrealisPositive}`);
  }
}

/**
 * A symbol that marks irony (lexicons/common/irony.tsv: "Helt topp 🙃", "Super planlagt 🙃") turns
 * the praise before it in its sentence into a complaint; standing alone after a full stop, it marks
 * the sentence before.
 */
function applyIronyMarkers(doc: Doc): void {
  if (doc.lex.irony.size === 0) return;
  for (let i = 0; i < doc.tokens.length; i++) {
    const t = doc.tokens[i] as Token;
    if (t.kind !== 'emoji' && t.kind !== 'emoticon') continue;
    const ref = doc.lex.irony.get(emojiKey(t.norm)) ?? doc.lex.irony.get(t.norm);
    if (!ref) continue;
    let sentence = doc.sentences.findIndex((s) => s.start <= i && i < s.end);
    // the marker follows what it mocks: praise after it ("… 🙄 men ham der overtog var flink") is meant
    const praiseIn = (k: number) =>
      doc.judgements.filter((j) => j.value > 0 && !j.emoji && j.end <= i && doc.clauses[j.clause]?.sentence === k);
    let praise = praiseIn(sentence);
    if (praise.length === 0 && sentence > 0 && doc.sentences[sentence]?.start === i) praise = praiseIn(--sentence);
    for (const j of praise) {
      j.value *= RULES.sarcasm;
      j.defaultArea = undefined;
      if (j.steps) j.steps.push(`irony marker ×${RULES.sarcasm} (${refText(ref)})`);
      j.extra.push(span(doc, i, i + 1, 'irony', ref));
    }
  }
}

/**
 * Sarcasm: a lone exclamation of praise ("Toppen, …") opening a sentence whose rest only
 * complains; not when the praise names an area of its own or the rest opens with a contrast.
 */
function applySarcasm(doc: Doc): void {
  // only a clause with exactly one judgement, a strong praise without an area of its own, can be
  // the ironic opener: most comments have no such praise at all
  let candidate = false;
  for (const j of doc.judgements) if (j.value >= 2 && !j.defaultArea) candidate = true;
  if (!candidate) return;
  // find the clauses with exactly one judgement in one pass
  const count = new Array<number>(doc.clauses.length).fill(0);
  const only: (Judgement | undefined)[] = new Array(doc.clauses.length);
  for (const j of doc.judgements) {
    if (j.clause < 0) continue;
    count[j.clause] = (count[j.clause] as number) + 1;
    only[j.clause] = j;
  }
  for (const c of doc.clauses) {
    const own = only[c.index];
    if (count[c.index] !== 1 || !own || own.value < 2 || own.defaultArea) continue;
    let words = 0;
    for (let k = c.start; k < c.end; k++) if (doc.tokens[k]?.kind === 'word') words++;
    if (words > 2) continue;
    const first = doc.clauses.find((x) => x.sentence === c.sentence);
    if (first !== c || doc.cues.some((h) => doc.clauseOf[h.start] === c.index)) continue;
    const next = doc.clauses[c.index + 1];
    if (!next || next.sentence !== c.sentence || next.flags.includes('contrast') || next.flags.includes('concessive')) continue;
    const rest = doc.judgements.filter((x) => doc.clauses[x.clause]?.sentence === c.sentence && x.clause !== c.index);
    if (rest.length > 0 && rest.every((x) => x.value < 0)) {
      own.value *= RULES.sarcasm;
      if (own.steps) own.steps.push(`sarcasm ×${RULES.sarcasm} (praise opening a complaint)`);
    }
  }
}

/**
 * Sarcasm at the end ("Still there. Lovely.", "Fick vänta en timme. Toppen."): a sentence that is
 * nothing but one or two words of praise, after a sentence that only complains, in a comment with
 * no other praise, means the opposite.
 */
function applyClosingSarcasm(doc: Doc): void {
  const n = doc.sentences.length;
  if (n < 2) return;
  // the last sentence: one clause with one judgement (counted without building lists: this runs
  // for every comment of two or more sentences)
  let c: Clause | undefined;
  let clauses = 0;
  for (const x of doc.clauses) if (x.sentence === n - 1 && ++clauses === 1) c = x;
  if (clauses !== 1 || !c) return;
  let j: Judgement | undefined;
  let judged = 0;
  for (const x of doc.judgements) if (doc.clauses[x.clause]?.sentence === n - 1 && ++judged === 1) j = x;
  if (judged !== 1 || !j) return;
  let words = 0;
  for (let k = c.start; k < c.end; k++) if (doc.tokens[k]?.kind === 'word') words++;
  if (words > 2 || j.value < 2 || j.rule === 'idiom' || j.emoji) return;
  // "Lovely." implies staff, but in a comment that never mentions the staff it is irony
  if (j.defaultArea && doc.cues.some((h) => areaOf(h) === j.defaultArea)) return;
  // the complaint it closes: every judgement before it, in whichever sentence ("Been on hold 55
  // mins. Writing this while I wait. Great.")
  const before = doc.judgements.filter((x) => x !== j);
  if (before.length === 0 || !before.every((x) => x.value < 0)) return;
  j.value *= RULES.sarcasm;
  j.defaultArea = undefined;
  if (j.steps) j.steps.push(`sarcasm ×${RULES.sarcasm} (lone praise closing a complaint)`);
}

/** Contrast and concessive clause weights, and exclamation marks. */
function applyClauseWeights(doc: Doc): void {
  for (const j of doc.judgements) {
    const c = doc.clauses[j.clause];
    if (!c) continue;
    if (c.weight !== 1) {
      j.value *= c.weight;
      if (j.steps) j.steps.push(`${c.flags.includes('contrast') ? 'contrast' : 'concessive'} clause ×${c.weight}`);
    }
    if (c.exclaim > 0) {
      const w = 1 + RULES.exclamationWeight * Math.min(3, c.exclaim);
      j.value *= w;
      if (j.steps) j.steps.push(`exclamation ×${round(w)}`);
    }
  }
}

// ------------------------------------------------------------------ areas

/**
 * Each judgement gets the area its entry binds it to, else the nearest cue in its clause (strong
 * cues before weak topic cues), else the area its word implies, else the one area its sentence
 * names. What is left becomes `overall` in a comment about nothing else, or is carried to the
 * nearest judged area ("Long queue. Poor.").
 */
function attachAreas(doc: Doc): void {
  const weak = doc.opts.weakAreas ?? NO_AREAS;
  const cueHits = doc.cues;
  // the cues of each clause, by clause index
  const byClause: Hit[][] = [];
  for (const h of cueHits) {
    const c = doc.clauseOf[h.start] ?? -1;
    const list = byClause[c];
    if (list) list.push(h);
    else byClause[c] = [h];
  }
  for (const j of doc.judgements) {
    if (j.fixedArea) {
      j.area = j.fixedArea;
      if (j.steps) j.steps.push(`area ${j.area} (bound by its entry)`);
      continue;
    }
    const inClause = byClause[j.clause] ?? NO_HITS;
    const a = pickArea(j, inClause, weak);
    if (a) {
      const y = yieldedArea(doc, j.clause, a);
      j.area = y ?? a;
      if (j.steps) j.steps.push(y ? `area ${y} (its cue in the clause takes ${a})` : `area ${a} (cue in its clause)`);
      continue;
    }
    if (j.defaultArea) {
      j.area = j.defaultArea;
      if (j.steps) j.steps.push(`area ${j.area} (implied by the word)`);
      continue;
    }
    const sentence = doc.clauses[j.clause]?.sentence;
    const named = new Set<string>();
    for (const h of cueHits) {
      if (doc.clauses[doc.clauseOf[h.start] ?? -1]?.sentence === sentence) named.add(areaOf(h) ?? '');
    }
    if (named.size === 1) {
      j.area = [...named][0];
      if (j.steps) j.steps.push(`area ${j.area} (cue in its sentence)`);
      continue;
    }
    // several areas named in the sentence: the last strong cue before the judgement's clause
    if (named.size > 1) {
      let best: Hit | undefined;
      for (const h of cueHits) {
        const hc = doc.clauses[doc.clauseOf[h.start] ?? -1];
        if (hc?.sentence !== sentence || h.end > j.start || weak.includes(areaOf(h) ?? '')) continue;
        if (!best || h.start > best.start) best = h;
      }
      if (best) {
        j.area = areaOf(best);
        if (j.steps) j.steps.push(`area ${j.area} (nearest cue before it in its sentence)`);
        continue;
      }
    }
    // "Pothole outside no. 14. Still not fixed.": a sentence without a cue continues the topic of
    // the last sentence that named one (looking back at most RULES.topicCarry sentences)
    if (named.size === 0 && sentence !== undefined) {
      for (let back = 1; back <= RULES.topicCarry && sentence - back >= 0; back++) {
        const prev = new Set<string>();
        for (const h of cueHits) {
          if (doc.clauses[doc.clauseOf[h.start] ?? -1]?.sentence === sentence - back) prev.add(areaOf(h) ?? '');
        }
        if (prev.size === 0) continue;
        // several areas named there: the one strong (non-topic) area, if there is exactly one
        const strongPrev = [...prev].filter((a) => !weak.includes(a));
        if (prev.size === 1 || strongPrev.length === 1) {
          j.area = prev.size === 1 ? [...prev][0] : strongPrev[0];
          if (j.steps) j.steps.push(`area ${j.area} (cue ${back === 1 ? 'in the sentence before' : `${back} sentences before`})`);
        }
        break;
      }
    }
  }
  const attached = doc.judgements.some((j) => j.area);
  const overall = doc.opts.fallbackArea;
  for (const j of doc.judgements) {
    if (j.area) continue;
    if (!attached) {
      // "Inga synpunkter, tack 🙂": a comment that opens with a no-opinion phrase and names no
      // area has no opinion; its thanks and smileys are politeness
      if (doc.noOpinion && doc.cues.length === 0) {
        if (j.steps) j.steps.push('no area (a no-opinion comment)');
        continue;
      }
      if (overall) {
        j.area = overall;
        if (j.steps) j.steps.push('area overall (a judgement about no particular area)');
      }
      continue;
    }
    let before: Judgement | undefined;
    let after: Judgement | undefined;
    for (const x of doc.judgements) {
      if (!x.area || x.area === overall || x === j) continue;
      if (x.start < j.start && (!before || x.start > before.start)) before = x;
      if (x.start > j.start && (!after || x.start < after.start)) after = x;
    }
    const near = before ?? after;
    if (near && (Math.sign(near.value) === Math.sign(j.value) || Math.abs(j.value) < RULES.overallMinimum)) {
      j.area = near.area;
      if (j.steps) j.steps.push(`area ${j.area} (carried from the nearest judged area)`);
    } else if (overall && Math.abs(j.value) >= RULES.overallMinimum && !j.emoji) {
      j.area = overall;
      if (j.steps) j.steps.push('area overall (a judgement about no particular area)');
    } else if (j.steps) j.steps.push('no area (too weak to stand alone)');
  }
}

function pickArea(j: Judgement, all: readonly Hit[], weak: readonly string[]): string | undefined {
  if (all.length === 0) return undefined;
  // strong cues first; a weak (topic) cue only when nothing else names an area
  let anyStrong = false;
  let nextToStrong = false;
  for (const h of all) {
    const a = areaOf(h) ?? '';
    if (j.defaultArea && a === j.defaultArea) return j.defaultArea;
    if (weak.includes(a)) continue;
    anyStrong = true;
    if (h.start === j.end || h.end === j.start) nextToStrong = true;
  }
  // a word with an area of its own keeps it ("hjälpsam respons i chatten" is about the staff),
  // unless it directly describes another area's noun ("trevlig app", "smidig e-tjänst")
  if (j.defaultArea && !nextToStrong) return j.defaultArea;
  let best: Hit | undefined;
  let bestD = Infinity;
  for (const h of all) {
    if (anyStrong && weak.includes(areaOf(h) ?? '')) continue;
    const d = h.start < j.start ? j.start - h.end : h.start - j.end + 0.5;
    if (d < bestD) {
      bestD = d;
      best = h;
    }
  }
  return best ? areaOf(best) : undefined;
}

function summarise(doc: Doc): Classification {
  const byArea = new Map<string, AreaSum>();
  let total = 0;
  for (const j of doc.judgements) {
    total += j.value;
    if (!j.area) continue;
    const e = areaEntry(byArea, j.area);
    e.sum += j.value;
    if (j.base === 0 && j.rule === 'idiom') e.balanced = true;
    e.evidence.push(span(doc, j.start, j.end, j.rule, j.ref), ...j.extra);
  }
  const anyJudgement = doc.judgements.length > 0;
  const judgedOnly = doc.opts.judgedOnlyAreas ?? NO_AREAS;
  for (const h of doc.cues) {
    const a = areaOf(h);
    if (!a) continue;
    const e = byArea.get(a);
    if (e) e.evidence.push(span(doc, h.start, h.end, 'area-cue', h.payload.ref));
    else if (
      !anyJudgement &&
      !doc.noOpinion &&
      !judgedOnly.includes(a) &&
      !doc.clauses[doc.clauseOf[h.start] ?? -1]?.flags.includes('question')
    ) {
      // an area named without any judgement in the whole comment: neutral (a judged-only area,
      // such as staff, is then narration: "I rang and spoke to a woman")
      areaEntry(byArea, a).evidence.push(span(doc, h.start, h.end, 'area-cue', h.payload.ref));
    }
  }
  const areas: AreaResult[] = [];
  for (const a of doc.opts.areas) {
    const e = byArea.get(a);
    if (!e) continue;
    const band = e.balanced ? RULES.balancedBand : RULES.neutralBand;
    const polarity: Polarity = e.sum > band ? 'pos' : e.sum < -band ? 'neg' : 'neu';
    areas.push({ area: a, polarity, score: squash(e.sum), evidence: dedupe(e.evidence) });
  }
  const label: Polarity =
    total > RULES.sentimentNeutralBand ? 'pos' : total < -RULES.sentimentNeutralBand ? 'neg' : 'neu';
  return { sentiment: { label, score: squash(total) }, areas };
}

interface AreaSum {
  sum: number;
  /** a balanced phrase judged this area ("varken bra eller dåligt"): mild judgements beside it do not tip it */
  balanced: boolean;
  evidence: Evidence[];
}

function areaEntry(byArea: Map<string, AreaSum>, a: string): AreaSum {
  let e = byArea.get(a);
  if (!e) {
    e = { sum: 0, balanced: false, evidence: [] };
    byArea.set(a, e);
  }
  return e;
}

function dedupe(ev: Evidence[]): Evidence[] {
  ev.sort((a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  const out: Evidence[] = [];
  for (const e of ev) {
    const last = out[out.length - 1];
    if (last && last.start === e.start && last.end === e.end && last.rule === e.rule) continue;
    out.push(e);
  }
  return out;
}

// ------------------------------------------------------------------ explain

function buildTrace(doc: Doc): Trace {
  const roles: string[][] = doc.tokens.map(() => []);
  const mark = (hs: Hit[], f: (p: Payload) => string) => {
    for (const h of hs) for (let k = h.start; k < h.end; k++) roles[k]?.push(f(h.payload));
  };
  doc.matches.forEach((m, k) => {
    if (m?.compound) roles[k]?.push(`compound ${m.compound.modifier}+${m.compound.head}`);
    else if (m && m.via.size > 0) {
      const kinds = new Set(m.via.values());
      if (!kinds.has('exact')) roles[k]?.push(`matched by ${[...kinds].join('/')}`);
    }
  });
  mark(doc.idioms, (p) => `idiom ${p.kind === 'idiom' ? p.valence : ''} (${refText(p.ref)})`);
  mark(doc.cues, (p) => `area-cue ${p.kind === 'area' ? p.area : ''} (${refText(p.ref)})`);
  mark(doc.lexical, (p) =>
    p.kind === 'polarity'
      ? `polarity ${signed(p.valence)}${p.area ? ` [${p.area}]` : ''} (${refText(p.ref)})`
      : p.kind === 'shifter'
        ? `${p.shifter} ${p.weight} (${refText(p.ref)})`
        : `${p.kind === 'unit' ? p.unit : p.kind} (${refText(p.ref)})`,
  );
  mark(doc.targets, (p) => `aspect-target ${p.kind === 'target' ? doc.lex.groups[p.group]?.name : ''}`);
  mark(doc.modifiers, (p) => `aspect-modifier ${p.kind === 'modifier' ? `${doc.lex.groups[p.group]?.name} ${p.valence}` : ''}`);
  doc.tokens.forEach((t, k) => {
    if (t.caps) roles[k]?.push('capitals');
  });
  const judgements: JudgementTrace[] = doc.judgements.map((j) => {
    const a = (doc.tokens[j.start] as Token).start;
    const b = (doc.tokens[j.end - 1] as Token).end;
    return { start: a, end: b, text: doc.text.slice(a, b), base: j.base, value: round(j.value), area: j.area, clause: j.clause, entry: j.ref?.label, steps: j.steps ?? [] };
  });
  return {
    tokens: doc.tokens.map((t, k) => ({ text: t.text, start: t.start, end: t.end, clause: doc.clauseOf[k] ?? -1, roles: roles[k] ?? [] })),
    clauses: doc.clauses.map((c) => ({
      index: c.index,
      text: doc.text.slice((doc.tokens[c.start] as Token).start, (doc.tokens[c.end - 1] as Token).end),
      weight: c.weight,
      flags: [...c.flags],
    })),
    judgements,
  };
}
