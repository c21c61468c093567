import { emojiKey, longestAt, type CompiledLexicon, type EntryRef, type Payload, type TokenMatch } from '../lexicon/compile.js';
import { tokenize, type Token } from '../normalize/tokenize.js';
import type { AreaResult, Classification, Evidence, JudgementTrace, Polarity, Trace } from './types.js';

/**
 * Clause-level area and polarity classification. A pure function of (text, compiled lexicon,
 * area order): tokenize, match the lexicon layers longest-first, cut sentences and clauses, turn
 * matches into judgements, apply the shifters in their scope, attach every judgement to the area
 * its clause is about, and sum per area.
 */

/** Tunable constants of the rules, named so `explain` and the README can refer to them. */
export const RULES = {
  /** a judgement whose |value| is below this is neutral */
  neutralBand: 0.25,
  /** the comment's overall sentiment is neutral below this |sum| */
  sentimentNeutralBand: 0.5,
  /** how many words after a negator it reaches; and before it, for verb-second order */
  negationAhead: 4,
  negationBehind: 3,
  /** a negated positive becomes this times its value (negative); a negated negative likewise */
  negatePositive: -0.8,
  negateNegative: -0.5,
  /** praise inside a wish, demand or question becomes this times its value */
  irrealisPositive: -0.5,
  /** an intensifier or dampener reaches this many words ahead */
  shifterReach: 2,
  /** aspect modifiers reach their target within this many words, in the same clause */
  aspectReach: 3,
  capsWeight: 1.3,
  exclamationWeight: 0.1,
  /** a judgement with no area cue in reach becomes `overall` only if this strong */
  overallMinimum: 1.5,
} as const;

interface Hit {
  readonly start: number;
  readonly end: number;
  readonly payload: Payload;
}

interface Clause {
  readonly index: number;
  readonly sentence: number;
  readonly start: number;
  readonly end: number;
  weight: number;
  readonly flags: Set<'question' | 'irrealis' | 'contrast' | 'concessive'>;
  exclaim: number;
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
  fixedArea: string | undefined;
  /** the area the word implies when its clause names none */
  readonly defaultArea: string | undefined;
  readonly emoji: boolean;
  negated: boolean;
  area: string | undefined;
  readonly steps: string[];
  readonly extra: Evidence[];
}

const refText = (r: EntryRef) => `${r.file}:${r.line} ${r.term}`;
const round = (x: number) => Math.round(x * 1000) / 1000;
const squash = (s: number) => round(s / Math.sqrt(s * s + 4));

export interface ClassifyOptions {
  /** areas in output order, as the pipeline declares them */
  readonly areas: readonly string[];
  /** areas whose cues give way to other areas' cues in the same clause */
  readonly weakAreas?: readonly string[];
  /** how durations are judged (the pipeline's `durations`) */
  readonly durations?: { readonly area: string; readonly bands: readonly { upTo: number | null; valence: number }[] };
  /** collect a token-by-token trace for `explain` */
  readonly trace?: boolean;
}

export interface ClassifyOutput extends Classification {
  readonly trace?: Trace;
}

export function classifyText(text: string, lex: CompiledLexicon, opts: ClassifyOptions): ClassifyOutput {
  const tokens = tokenize(text);
  const n = tokens.length;
  const matches: (TokenMatch | undefined)[] = tokens.map((t) => (t.kind === 'word' ? lex.match(t.norm) : undefined));

  // --- sentences
  const sentences: { start: number; end: number; question: boolean; exclaim: number }[] = [];
  {
    let s = 0;
    for (let i = 0; i <= n; i++) {
      const t = tokens[i];
      if (i === n || t?.kind === 'break') {
        if (i > s || i === n) {
          const term = t?.norm ?? '';
          sentences.push({
            start: s,
            end: i,
            question: term.includes('?'),
            exclaim: (term.match(/!/g) ?? []).length,
          });
        }
        s = i + 1;
      }
    }
  }

  // --- layers, longest match first; idioms consume their words
  const consumed = new Array<boolean>(n).fill(false);
  const idioms: Hit[] = [];
  const cues: Hit[] = [];
  const lexical: Hit[] = [];
  const targets: Hit[] = [];
  const modifiers: Hit[] = [];
  const scan = (layer: 'idiom' | 'area' | 'lexical' | 'target' | 'modifier', out: Hit[], consume: boolean) => {
    const view = consumed.some(Boolean) ? matches.map((m, i) => (consumed[i] ? undefined : m)) : matches;
    for (const sen of sentences) {
      let i = sen.start;
      while (i < sen.end) {
        const hit = view[i] ? longestAt(lex.tries[layer], view, i, sen.end) : undefined;
        if (!hit) {
          i++;
          continue;
        }
        for (const p of hit.payloads) out.push({ start: hit.start, end: hit.end, payload: p });
        if (consume) for (let k = hit.start; k < hit.end; k++) consumed[k] = true;
        i = hit.end;
      }
    }
  };
  scan('idiom', idioms, true);
  scan('area', cues, false);
  scan('lexical', lexical, false);
  scan('target', targets, false);
  scan('modifier', modifiers, false);
  const cueHits = cues.filter((c) => c.payload.kind === 'area');

  // --- clauses: commas, and contrast or concessive words, open a new clause
  const clauses: Clause[] = [];
  const clauseOf = new Array<number>(n).fill(-1);
  const openers = new Map<number, Payload & { kind: 'shifter' }>();
  for (const h of lexical) {
    const p = h.payload;
    if (p.kind === 'shifter' && (p.shifter === 'contrast' || p.shifter === 'concessive')) openers.set(h.start, p);
  }
  sentences.forEach((sen, si) => {
    let start = sen.start;
    const close = (end: number) => {
      if (end <= start) return;
      const index = clauses.length;
      const flags = new Set<Clause['flags'] extends Set<infer F> ? F : never>();
      let weight = 1;
      const op = openers.get(start) ?? (tokens[start]?.kind === 'punct' ? openers.get(start + 1) : undefined);
      if (op) {
        flags.add(op.shifter === 'contrast' ? 'contrast' : 'concessive');
        weight = op.weight;
      }
      if (sen.question) flags.add('question');
      clauses.push({ index, sentence: si, start, end, weight, flags, exclaim: sen.exclaim });
      for (let k = start; k < end; k++) clauseOf[k] = index;
      start = end;
    };
    for (let i = sen.start; i < sen.end; i++) {
      const t = tokens[i] as Token;
      if (t.kind === 'punct' && (t.norm === ',' || t.norm === '(' || t.norm === ')')) {
        close(i);
        start = i + 1;
      } else if (openers.has(i) && i > start) {
        close(i);
      }
    }
    close(sen.end);
  });
  for (const h of lexical) {
    const p = h.payload;
    if (p.kind === 'shifter' && p.shifter === 'irrealis') {
      const c = clauses[clauseOf[h.start] ?? -1];
      c?.flags.add('irrealis');
    }
  }

  // --- judgements
  const judgements: Judgement[] = [];
  let noOpinion = false;
  const newJudgement = (
    start: number,
    end: number,
    value: number,
    rule: string,
    ref: EntryRef | undefined,
    extra: Partial<Pick<Judgement, 'fixedArea' | 'defaultArea' | 'emoji'>> = {},
  ): Judgement => {
    const j: Judgement = {
      start,
      end,
      base: value,
      value,
      clause: clauseOf[start] ?? -1,
      rule,
      ref,
      fixedArea: extra.fixedArea,
      defaultArea: extra.defaultArea,
      emoji: extra.emoji ?? false,
      negated: false,
      area: undefined,
      steps: [`${rule} ${value > 0 ? '+' : ''}${value}${ref ? ` (${refText(ref)})` : ''}`],
      extra: [],
    };
    judgements.push(j);
    return j;
  };

  for (const h of idioms) {
    const p = h.payload;
    if (p.kind !== 'idiom') continue;
    if (p.valence === 0) noOpinion = true;
    else newJudgement(h.start, h.end, p.valence, 'idiom', p.ref, { fixedArea: p.area || undefined });
  }

  // aspect-conditioned modifiers win over the general polarity of the same words
  const aspectUsed = new Set<number>();
  for (const m of modifiers) {
    const p = m.payload;
    if (p.kind !== 'modifier') continue;
    if (isNegatorAt(m.start)) continue; // handled with negation below
    const c = clauseOf[m.start];
    const t = nearestTarget(p.group, m.start, m.end, c);
    if (!t) continue;
    if ([...range(m.start, m.end)].some((k) => aspectUsed.has(k))) continue;
    const group = lex.groups[p.group];
    const j = newJudgement(m.start, m.end, p.valence, `aspect:${group?.name ?? p.group}`, p.ref, {
      fixedArea: cueAreaAt(t.start) ?? group?.area,
    });
    j.extra.push(span(t.start, t.end, `aspect-target:${group?.name}`, t.payload.ref));
    for (let k = m.start; k < m.end; k++) aspectUsed.add(k);
  }

  for (const h of lexical) {
    const p = h.payload;
    if (p.kind !== 'polarity') continue;
    if (aspectUsed.has(h.start)) continue;
    newJudgement(h.start, h.end, p.valence, 'polarity', p.ref, { defaultArea: p.area || undefined });
  }

  tokens.forEach((t, i) => {
    if (t.kind !== 'emoji' && t.kind !== 'emoticon') return;
    const e = lex.emoji.get(emojiKey(t.norm)) ?? lex.emoji.get(t.norm);
    if (e) newJudgement(i, i + 1, e.valence, 'emoji', e.ref, { emoji: true });
  });

  durations();

  // --- shifters: intensifiers, dampeners, compound prefixes, capitals, exclamation
  for (const j of judgements) {
    if (j.rule === 'idiom' || j.emoji) continue;
    for (const h of lexical) {
      const p = h.payload;
      if (p.kind !== 'shifter' || (p.shifter !== 'intensifier' && p.shifter !== 'dampener')) continue;
      if (h.end <= j.start && j.start - h.end <= RULES.shifterReach - 1 && clauseOf[h.start] === j.clause) {
        j.value *= p.weight;
        j.steps.push(`${p.shifter} ×${p.weight} (${refText(p.ref)})`);
        j.extra.push(span(h.start, h.end, p.shifter, p.ref));
      }
    }
    const cm = matches[j.start]?.compound;
    if (cm && cm.prefixWeight !== 1 && j.end - j.start === 1) {
      j.value *= cm.prefixWeight;
      j.steps.push(`compound prefix "${cm.modifier}" ×${cm.prefixWeight}`);
    }
    if (tokens[j.start]?.caps) {
      j.value *= RULES.capsWeight;
      j.steps.push(`capitals ×${RULES.capsWeight}`);
    }
  }

  // --- negation, scoped to its clause, looking ahead and then behind (verb-second order)
  for (const h of lexical) {
    const p = h.payload;
    if (p.kind !== 'shifter' || p.shifter !== 'negator') continue;
    const c = clauseOf[h.start];
    const inClause = judgements.filter((j) => j.clause === c && !j.negated && j.rule !== 'idiom' && !j.emoji);
    const ahead = inClause
      .filter((j) => j.start >= h.end && j.start - h.end < RULES.negationAhead)
      .sort((a, b) => a.start - b.start)[0];
    const behind = inClause
      .filter((j) => j.end <= h.start && h.start - j.end < RULES.negationBehind)
      .sort((a, b) => b.start - a.start)[0];
    const target = ahead ?? behind;
    if (target) {
      const f = target.value > 0 ? RULES.negatePositive : RULES.negateNegative;
      // "inte särskilt trevlig", "not very good": understatement, weaker than plain negation
      if (Math.abs(target.value) > Math.abs(target.base)) {
        target.value = target.base;
        target.steps.push('understatement: intensifier undone under negation');
      }
      target.value *= f;
      target.negated = true;
      target.steps.push(`negation ×${f} (${refText(p.ref)})`);
      target.extra.push(span(h.start, h.end, 'negation', p.ref));
      continue;
    }
    // "inget svar", "ingen ringde tillbaka": a negated thing one expects is a complaint
    const mods = modifiers.filter((m) => m.start === h.start && m.payload.kind === 'modifier');
    for (const m of mods) {
      const mp = m.payload as Payload & { kind: 'modifier' };
      const t = nearestTarget(mp.group, m.start, m.end, c);
      if (!t) continue;
      const group = lex.groups[mp.group];
      const j = newJudgement(m.start, m.end, mp.valence, `aspect:${group?.name ?? mp.group}`, mp.ref, {
        fixedArea: cueAreaAt(t.start) ?? group?.area,
      });
      j.extra.push(span(t.start, t.end, `aspect-target:${group?.name}`, t.payload.ref));
      break;
    }
  }

  // --- wishes, demands, counterfactuals and questions: praise there is a shortfall
  for (const j of judgements) {
    const c = clauses[j.clause];
    if (!c || j.value <= 0 || j.rule === 'idiom') continue;
    const why = c.flags.has('irrealis') ? 'irrealis' : c.flags.has('question') ? 'question' : undefined;
    if (!why) continue;
    j.value *= RULES.irrealisPositive;
    j.steps.push(`${why} ×${RULES.irrealisPositive}`);
  }

  // --- sarcasm: a lone exclamation of praise ("Toppen, …") opening a sentence whose rest only
  // complains; not when the praise names an area of its own or the rest opens with a contrast
  for (const c of clauses) {
    const own = judgements.filter((j) => j.clause === c.index);
    if (own.length !== 1 || countWords(c.start, c.end) > 2) continue;
    const j = own[0] as Judgement;
    const first = clauses.find((x) => x.sentence === c.sentence);
    if (first !== c || j.value < 2 || j.defaultArea) continue;
    if (cueHits.some((h) => clauseOf[h.start] === c.index)) continue;
    const next = clauses[c.index + 1];
    if (!next || next.sentence !== c.sentence || next.flags.has('contrast') || next.flags.has('concessive')) continue;
    const rest = judgements.filter((x) => clauses[x.clause]?.sentence === c.sentence && x.clause !== c.index);
    if (rest.length > 0 && rest.every((x) => x.value < 0)) {
      j.value *= -0.5;
      j.steps.push('sarcasm ×-0.5 (praise opening a complaint)');
    }
  }

  // --- clause weights (contrast, concessive) and exclamation
  for (const j of judgements) {
    const c = clauses[j.clause];
    if (!c) continue;
    if (c.weight !== 1) {
      j.value *= c.weight;
      j.steps.push(`${c.flags.has('contrast') ? 'contrast' : 'concessive'} clause ×${c.weight}`);
    }
    if (c.exclaim > 0) {
      const w = 1 + RULES.exclamationWeight * Math.min(3, c.exclaim);
      j.value *= w;
      j.steps.push(`exclamation ×${round(w)}`);
    }
  }

  // --- attach each judgement to an area
  const weak = new Set(opts.weakAreas ?? []);
  for (const j of judgements) {
    if (j.fixedArea) {
      j.area = j.fixedArea;
      j.steps.push(`area ${j.area} (bound by its entry)`);
      continue;
    }
    const c = clauses[j.clause];
    const inClause = cueHits.filter((h) => clauseOf[h.start] === j.clause);
    const pick = (all: Hit[]) => {
      if (j.defaultArea && all.some((h) => areaOf(h) === j.defaultArea)) return j.defaultArea;
      // strong cues first; a weak (topic) cue only when nothing else names an area
      const strong = all.filter((h) => !weak.has(areaOf(h) ?? ''));
      if (strong.length === 0 && j.defaultArea) return j.defaultArea;
      const hs = strong.length > 0 ? strong : all;
      let best: Hit | undefined;
      let bestD = Infinity;
      for (const h of hs) {
        const d = h.start < j.start ? j.start - h.end : h.start - j.end + 0.5;
        if (d < bestD) {
          bestD = d;
          best = h;
        }
      }
      return best ? areaOf(best) : undefined;
    };
    const a = pick(inClause);
    if (a) {
      j.area = a;
      j.steps.push(`area ${a} (cue in its clause)`);
      continue;
    }
    if (j.defaultArea) {
      j.area = j.defaultArea;
      j.steps.push(`area ${j.area} (implied by the word)`);
      continue;
    }
    const inSentence = c ? cueHits.filter((h) => clauses[clauseOf[h.start] ?? -1]?.sentence === c.sentence) : [];
    const distinct = new Set(inSentence.map(areaOf));
    if (distinct.size === 1) {
      j.area = [...distinct][0];
      j.steps.push(`area ${j.area} (cue in its sentence)`);
    }
  }
  const attachedAreas = new Set(judgements.filter((j) => j.area).map((j) => j.area));
  const overall = opts.areas.includes('overall') ? 'overall' : undefined;
  for (const j of judgements) {
    if (j.area) continue;
    const c = clauses[j.clause];
    if (attachedAreas.size === 0) {
      if (overall) {
        j.area = overall;
        j.steps.push('area overall (a judgement about no particular area)');
      }
      continue;
    }
    // a comment about some area: an evaluative tail ("Poor.", "Not impressed.") belongs to the
    // area talked about just before (or just after) it, not to the experience as a whole
    const before = judgements
      .filter((x) => x.area && x.area !== overall && x.start < j.start && x !== j)
      .sort((a, b) => b.start - a.start)[0];
    const after = judgements
      .filter((x) => x.area && x.area !== overall && x.start > j.start && x !== j)
      .sort((a, b) => a.start - b.start)[0];
    const near = before ?? after;
    const sameSign = near && Math.sign(near.value) === Math.sign(j.value);
    if (near && (sameSign || !c || Math.abs(j.value) < RULES.overallMinimum)) {
      j.area = near.area;
      j.steps.push(`area ${j.area} (carried from the nearest judged area)`);
    } else if (overall && Math.abs(j.value) >= RULES.overallMinimum && !j.emoji) {
      j.area = overall;
      j.steps.push('area overall (a judgement about no particular area)');
    } else j.steps.push('no area (too weak to stand alone)');
  }

  // --- sum per area
  const byArea = new Map<string, { sum: number; evidence: Evidence[]; judged: boolean }>();
  const entryFor = (a: string) => {
    let e = byArea.get(a);
    if (!e) {
      e = { sum: 0, evidence: [], judged: false };
      byArea.set(a, e);
    }
    return e;
  };
  for (const j of judgements) {
    if (!j.area) continue;
    const e = entryFor(j.area);
    e.sum += j.value;
    e.judged = true;
    e.evidence.push(span(j.start, j.end, j.rule, j.ref));
    e.evidence.push(...j.extra);
  }
  const anyJudgement = judgements.length > 0;
  for (const h of cueHits) {
    const a = areaOf(h);
    if (!a) continue;
    const e = byArea.get(a);
    if (e) e.evidence.push(span(h.start, h.end, 'area-cue', h.payload.ref));
    else if (!anyJudgement && !noOpinion && !clauses[clauseOf[h.start] ?? -1]?.flags.has('question')) {
      entryFor(a).evidence.push(span(h.start, h.end, 'area-cue', h.payload.ref));
    }
  }

  const areas: AreaResult[] = [];
  for (const a of opts.areas) {
    const e = byArea.get(a);
    if (!e) continue;
    const polarity: Polarity = e.sum > RULES.neutralBand ? 'pos' : e.sum < -RULES.neutralBand ? 'neg' : 'neu';
    areas.push({ area: a, polarity, score: squash(e.sum), evidence: dedupe(e.evidence) });
  }
  const total = judgements.reduce((s, j) => s + j.value, 0);
  const label: Polarity =
    total > RULES.sentimentNeutralBand ? 'pos' : total < -RULES.sentimentNeutralBand ? 'neg' : 'neu';
  const result: ClassifyOutput = { sentiment: { label, score: squash(total) }, areas };
  if (!opts.trace) return result;
  return { ...result, trace: buildTrace() };

  // ---------------------------------------------------------------- helpers (hoisted)
  function areaOf(h: Hit): string | undefined {
    return h.payload.kind === 'area' ? h.payload.area : undefined;
  }
  function cueAreaAt(i: number): string | undefined {
    const h = cueHits.find((c) => c.start <= i && i < c.end);
    return h ? areaOf(h) : undefined;
  }
  function isNegatorAt(i: number): boolean {
    return lexical.some((h) => h.start === i && h.payload.kind === 'shifter' && h.payload.shifter === 'negator');
  }
  function nearestTarget(group: number, start: number, end: number, clause: number | undefined) {
    let best: (Hit & { payload: Payload & { kind: 'target' } }) | undefined;
    let bestD = Infinity;
    for (const t of targets) {
      if (t.payload.kind !== 'target' || t.payload.group !== group || clauseOf[t.start] !== clause) continue;
      const d = t.start >= end ? t.start - end : start - t.end;
      if (d < 0 || d >= RULES.aspectReach) continue;
      if (d < bestD) {
        bestD = d;
        best = t as Hit & { payload: Payload & { kind: 'target' } };
      }
    }
    return best;
  }
  function span(start: number, end: number, rule: string, ref?: EntryRef): Evidence {
    const a = tokens[start] as Token;
    const b = tokens[end - 1] as Token;
    const ev: Evidence = { text: text.slice(a.start, b.end), start: a.start, end: b.end, rule };
    return ref ? { ...ev, entry: refText(ref) } : ev;
  }
  function* range(a: number, b: number) {
    for (let k = a; k < b; k++) yield k;
  }
  function countWords(a: number, b: number): number {
    let w = 0;
    for (let k = a; k < b; k++) if (tokens[k]?.kind === 'word') w++;
    return w;
  }
  /** durations ("45 minuter", "tre veckor", "within two days") judged by their length */
  function durations() {
    const cfg = opts.durations;
    if (!cfg) return;
    const units = lexical.filter((h) => h.payload.kind === 'unit' && h.payload.unit === 'unit');
    for (const u of units) {
      const up = u.payload as Payload & { kind: 'unit' };
      let count = 0;
      let from = u.start;
      for (let k = u.start - 1; k >= Math.max(0, u.start - 2); k--) {
        const t = tokens[k] as Token;
        if (t.kind === 'number') {
          const range = t.norm.split(/[-–]/).map((x) => Number(x.replace(',', '.')));
          count = Math.max(...range.filter((x) => Number.isFinite(x))) || 0;
          from = k;
          break;
        }
        const num = lexical.find((h) => h.end === k + 1 && h.payload.kind === 'unit' && h.payload.unit === 'number');
        if (num) {
          count = (num.payload as Payload & { kind: 'unit' }).value;
          from = num.start;
          break;
        }
      }
      // a bare unit: singular means one ("an hour" is caught above), plural several
      if (count === 0) count = tokens[u.start]?.norm === up.ref.term ? 1 : 2;
      const minutes = count * up.value;
      let within = false;
      for (let k = from - 1; k >= Math.max(0, from - 3); k--) {
        if (lexical.some((h) => h.end === k + 1 && h.payload.kind === 'unit' && h.payload.unit === 'within')) within = true;
      }
      let v = 0;
      for (const b of cfg.bands) {
        if (b.upTo === null || minutes <= b.upTo) {
          v = b.valence;
          break;
        }
      }
      if (within && minutes <= 4320) v = Math.max(v, 1);
      if (v === 0) continue;
      // a long time is only a complaint about waiting where the sentence is about waiting
      // ("after four months I got a job" is not)
      const sentence = clauses[clauseOf[u.start] ?? -1]?.sentence;
      if (
        v < 0 &&
        !cueHits.some((h) => areaOf(h) === cfg.area && clauses[clauseOf[h.start] ?? -1]?.sentence === sentence)
      ) {
        continue;
      }
      const j = newJudgement(from, u.end, v, 'duration', up.ref, { fixedArea: cfg.area });
      j.steps.push(`${round(minutes)} minutes${within ? ' (within)' : ''}`);
    }
  }
  function dedupe(ev: Evidence[]): Evidence[] {
    const seen = new Set<string>();
    const out: Evidence[] = [];
    for (const e of ev.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule))) {
      const k = `${e.start}:${e.end}:${e.rule}`;
      if (!seen.has(k)) {
        seen.add(k);
        out.push(e);
      }
    }
    return out;
  }
  function buildTrace(): Trace {
    const roles: string[][] = tokens.map(() => []);
    const mark = (hs: Hit[], f: (p: Payload) => string) => {
      for (const h of hs) for (let k = h.start; k < h.end; k++) roles[k]?.push(f(h.payload));
    };
    matches.forEach((m, k) => {
      if (m?.compound) roles[k]?.push(`compound ${m.compound.modifier}+${m.compound.head}`);
      else if (m && m.via.size > 0) {
        const kinds = new Set(m.via.values());
        if (!kinds.has('exact')) roles[k]?.push(`matched by ${[...kinds].join('/')}`);
      }
    });
    mark(idioms, (p) => `idiom ${p.kind === 'idiom' ? p.valence : ''} (${refText(p.ref)})`);
    mark(cueHits, (p) => `area-cue ${p.kind === 'area' ? p.area : ''} (${refText(p.ref)})`);
    mark(lexical, (p) =>
      p.kind === 'polarity'
        ? `polarity ${p.valence > 0 ? '+' : ''}${p.valence}${p.area ? ` [${p.area}]` : ''} (${refText(p.ref)})`
        : p.kind === 'shifter'
          ? `${p.shifter} ${p.weight} (${refText(p.ref)})`
          : `${p.kind === 'unit' ? p.unit : p.kind} (${refText(p.ref)})`,
    );
    mark(targets, (p) => `aspect-target ${p.kind === 'target' ? lex.groups[p.group]?.name : ''}`);
    mark(modifiers, (p) => `aspect-modifier ${p.kind === 'modifier' ? `${lex.groups[p.group]?.name} ${p.valence}` : ''}`);
    tokens.forEach((t, k) => {
      if (t.caps) roles[k]?.push('capitals');
    });
    const jt: JudgementTrace[] = judgements.map((j) => ({
      start: (tokens[j.start] as Token).start,
      end: (tokens[j.end - 1] as Token).end,
      text: text.slice((tokens[j.start] as Token).start, (tokens[j.end - 1] as Token).end),
      base: j.base,
      value: round(j.value),
      area: j.area,
      clause: j.clause,
      steps: j.steps,
    }));
    return {
      tokens: tokens.map((t, k) => ({ text: t.text, start: t.start, end: t.end, clause: clauseOf[k] ?? -1, roles: roles[k] ?? [] })),
      clauses: clauses.map((c) => ({
        index: c.index,
        text: text.slice((tokens[c.start] as Token).start, (tokens[c.end - 1] as Token).end),
        weight: c.weight,
        flags: [...c.flags],
      })),
      judgements: jt,
    };
  }
}
