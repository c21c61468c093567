import { createHash } from 'node:crypto';
import { fold, hasDiacritics } from '../normalize/fold.js';
import { normalizeWord } from '../normalize/tokenize.js';
import { ownCopy, stemmerFor, type Lang, type Stemmer } from '../normalize/stem.js';
import type { LexiconSource, ShifterKind, UnitRow } from './schema.js';

/** Where an entry came from, for evidence and `explain`. */
export interface EntryRef {
  readonly file: string;
  readonly line: number;
  readonly term: string;
  /** `file:line term`, built once: evidence names its entry this way */
  readonly label: string;
  /** the term without `=` markers, as text would spell it */
  readonly plain: string;
}

export type Payload =
  | { readonly kind: 'area'; readonly area: string; readonly ref: EntryRef }
  | { readonly kind: 'polarity'; readonly valence: number; readonly area: string; readonly ref: EntryRef }
  | {
      readonly kind: 'shifter';
      readonly shifter: Exclude<ShifterKind, 'negator-ahead'>;
      readonly weight: number;
      readonly ref: EntryRef;
      /** a negator that reaches only the words after it (determiners, prepositions) */
      readonly aheadOnly?: boolean;
    }
  | { readonly kind: 'idiom'; readonly valence: number; readonly area: string; readonly ref: EntryRef }
  | { readonly kind: 'unit'; readonly unit: UnitRow['kind']; readonly value: number; readonly ref: EntryRef }
  | { readonly kind: 'target'; readonly group: number; readonly ref: EntryRef }
  | { readonly kind: 'modifier'; readonly group: number; readonly valence: number; readonly ref: EntryRef };

export type Layer = 'idiom' | 'area' | 'lexical' | 'target' | 'modifier';
export const LAYER_BITS: Readonly<Record<Layer, number>> = { idiom: 1, area: 2, lexical: 4, target: 8, modifier: 16 };
export const LAYERS: readonly Layer[] = ['idiom', 'area', 'lexical', 'target', 'modifier'];

/** Where a word enters one layer's trie: the nodes after its first word, and what ends there. */
export interface LayerStart {
  /** the payloads of the one-word entries it matches (empty when it only starts phrases) */
  readonly payloads: readonly Payload[];
  /** the children longer phrases continue from (empty when it starts none) */
  readonly deep: readonly TrieNode[];
}

export interface TrieNode {
  readonly next: Map<number, TrieNode>;
  payloads: Payload[];
  /**
   * One bit per child word id modulo 32, so 0 when no longer entry goes on from here: a walk skips
   * the map lookup when the next word's bit is not set (most next words continue no phrase)
   */
  mask: number;
}

/** How a token matched a lexicon word. */
export type MatchVia = 'exact' | 'stem' | 'fold' | 'prefix' | 'compound';

export interface TokenMatch {
  /** word ids the token matches directly */
  readonly ids: readonly number[];
  readonly via: ReadonlyMap<number, MatchVia>;
  /** bit per layer (LAYER_BITS): set when one of `ids` starts an entry of that layer */
  readonly starts: number;
  /** per layer (in LAYERS order), the entries this word starts: computed once per word form */
  readonly layers: readonly (LayerStart | undefined)[];
  /** set when the token matched only as a compound: the modifier before the head */
  readonly compound: { readonly modifier: string; readonly head: string; readonly prefixWeight: number } | undefined;
  /** an intensifier or dampener and nothing else ("really", "verkligen", "simpelthen"): a fixed
   * phrase may have it inside ("inga riktiga problem" reads as "inga problem") */
  readonly filler: boolean;
}

export interface AspectGroup {
  readonly name: string;
  readonly area: string | undefined;
  /** areas whose cue in the judgement's clause takes the judgement from `area` */
  readonly yieldTo: readonly string[];
  readonly file: string;
}

export interface CompiledLexicon {
  readonly lang: Lang;
  /** content hash of every file that went in */
  readonly version: string;
  readonly tries: Readonly<Record<Layer, TrieNode>>;
  readonly groups: readonly AspectGroup[];
  readonly emoji: ReadonlyMap<string, { valence: number; ref: EntryRef }>;
  /** symbols that mark their sentence as ironic, by emojiKey */
  readonly irony: ReadonlyMap<string, EntryRef>;
  readonly functionWords: ReadonlySet<string>;
  /** every full form the lexicon lists, for language identification */
  readonly forms: ReadonlySet<string>;
  readonly stem: Stemmer;
  match(norm: string): TokenMatch;
  /** negators are also aspect modifiers ("inget svar"): their groups, by word id */
  readonly negatorModifiers: ReadonlyMap<number, { group: number; valence: number; ref: EntryRef }[]>;
}

type Mode = 'normal' | 'exact' | 'prefix';

function parseWord(raw: string): { form: string; mode: Mode } {
  if (raw.startsWith('=')) return { form: normalizeWord(raw.slice(1)), mode: 'exact' };
  if (raw.endsWith('*') && raw.length > 1) return { form: normalizeWord(raw.slice(0, -1)), mode: 'prefix' };
  return { form: normalizeWord(raw), mode: 'normal' };
}

/** Splits a term into words the way the tokenizer would ("e-tjänst" stays one word). */
export function termWords(term: string): string[] {
  return term.split(' ').filter((w) => w.length > 0);
}

/** Stems shorter than this match too much ("one" and "on" share the stem "on"); exact forms only. */
const MIN_STEM = 3;
const EMPTY_IDS: readonly number[] = [];
/**
 * The part of a compound before its head keeps at least this many letters. Three let prefixes and
 * short words through as false modifiers ("mis+lykket" reaching "lykke", "mål+løst" reaching
 * "løste"); four cost nothing measurable on the gold sets and gained on the public data.
 */
const MIN_MODIFIER = 4;
const COMPARATIVE_SUFFIXES: Record<Lang, readonly string[]> = {
  sv: ['aste', 'are', 'ast'],
  da: ['este', 'ere', 'est'],
  nb: ['este', 'ere', 'est'],
  en: [],
};
const SHORT_SUFFIXES = ['en', 'et', 'er', 'ar', 'na', 'n', 'a', 't'];
const HEAD_SUFFIXES = ['erna', 'arna', 'orna', 'ene', 'ane', 'en', 'et', 'er', 'ar', 'or', 'na', 'n', 't', 'a', 'e'];

/**
 * Compiles a validated lexicon source into lookup structures: a vocabulary of word patterns
 * reachable by exact form, stem, folded form and prefix, and one phrase trie per layer. Built once
 * per run; matching a token afterwards is a handful of Map lookups (memoised per word form).
 */
export function compileLexicon(src: LexiconSource, fileTexts: readonly string[]): CompiledLexicon {
  const lang = src.lang as Lang;
  const stem = stemmerFor(lang);
  // A derived word may reach the entry of its base ("obehaglig" -> "obehag", "gledelig" ->
  // "glede"), never the other way: "mod" (against) must not reach "modig" (brave).
  const derivStem = stemmerFor(lang, { derivational: true });
  const folding = lang !== 'en';
  // English writes compounds apart; a head match inside an English word misfires (b-ook, pl-ace)
  const compounding = lang !== 'en';

  const vocab = new Map<string, number>();
  const exact = new Map<string, number[]>();
  const byStem = new Map<string, number[]>();
  /** entries that are not themselves derived, by stem: reachable from derived tokens */
  const byBaseStem = new Map<string, number[]>();
  const byFold = new Map<string, number[]>();
  const byFoldStem = new Map<string, number[]>();
  const prefixes: { form: string; folded: string; id: number }[] = [];
  /** word ids that may stand as the head of a compound */
  const headable = new Set<number>();
  const areaIds = new Set<number>();
  const exactOnly = new Set<number>();
  const idLength = new Map<number, number>();

  const add = (m: Map<string, number[]>, k: string, id: number) => {
    const list = m.get(k);
    if (!list) m.set(k, [id]);
    else if (!list.includes(id)) list.push(id);
  };

  const wordId = (raw: string): number => {
    const { form, mode } = parseWord(raw);
    const key = `${mode}:${form}`;
    let id = vocab.get(key);
    if (id !== undefined) return id;
    id = vocab.size;
    vocab.set(key, id);
    idLength.set(id, form.length);
    if (mode === 'exact') exactOnly.add(id);
    if (mode === 'prefix') {
      prefixes.push({ form, folded: folding ? fold(form) : form, id });
      add(exact, form, id);
    } else {
      add(exact, form, id);
      if (mode === 'normal') {
        const s = stem(form);
        if (s.length >= MIN_STEM) add(byStem, s, id);
        if (s.length >= MIN_STEM && derivStem(form) === s) add(byBaseStem, s, id);
        if (folding) {
          add(byFold, fold(form), id);
          if (s.length >= MIN_STEM) add(byFoldStem, fold(s), id);
        }
      }
    }
    return id;
  };

  const newNode = (): TrieNode => ({ next: new Map(), payloads: [], mask: 0 });
  const tries: Record<Layer, TrieNode> = {
    idiom: newNode(),
    area: newNode(),
    lexical: newNode(),
    target: newNode(),
    modifier: newNode(),
  };
  const insert = (layer: Layer, term: string, payload: Payload) => {
    const words = termWords(term);
    let node = tries[layer];
    for (const w of words) {
      const id = wordId(w);
      let child = node.next.get(id);
      if (!child) {
        child = newNode();
        node.next.set(id, child);
        node.mask |= 1 << (id & 31);
      }
      node = child;
    }
    node.payloads.push(uniform(payload));
    if (words.length === 1) {
      const id = wordId(words[0] as string);
      // numbers, units and shifters are never compound heads ("tyranni" is no "ni")
      if (payload.kind === 'area' || payload.kind === 'polarity' || payload.kind === 'target' || payload.kind === 'modifier') {
        if (!exactOnly.has(id)) headable.add(id);
      }
      if (payload.kind === 'area') areaIds.add(id);
    }
  };

  const ref = (file: string, line: number, term: string): EntryRef => ({
    file,
    line,
    term,
    label: `${file}:${line} ${term}`,
    plain: term.replace(/(^|\s)=/g, '$1'),
  });
  for (const { row, file, line } of src.idioms) {
    insert('idiom', row.phrase, { kind: 'idiom', valence: row.valence, area: row.area, ref: ref(file, line, row.phrase) });
  }
  for (const { row, file, line } of src.areas) {
    insert('area', row.term, { kind: 'area', area: row.area, ref: ref(file, line, row.term) });
  }
  for (const { row, file, line } of src.polarity) {
    insert('lexical', row.term, {
      kind: 'polarity',
      valence: row.valence,
      area: row.area,
      ref: ref(file, line, row.term),
    });
  }
  const prefixWeights = new Map<string, number>();
  for (const { row, file, line } of src.shifters) {
    if (row.kind === 'prefix') {
      const prefix = normalizeWord(row.term.replace(/-$/, ''));
      prefixWeights.set(prefix, row.weight);
      // written apart ("kjempe fornøyd"), a prefix intensifies the next word
      insert('lexical', `=${prefix}`, { kind: 'shifter', shifter: 'intensifier', weight: row.weight, ref: ref(file, line, row.term) });
      continue;
    }
    if (row.kind === 'negator-ahead') {
      insert('lexical', row.term, { kind: 'shifter', shifter: 'negator', aheadOnly: true, weight: row.weight, ref: ref(file, line, row.term) });
      continue;
    }
    insert('lexical', row.term, { kind: 'shifter', shifter: row.kind, weight: row.weight, ref: ref(file, line, row.term) });
  }
  for (const { row, file, line } of src.units) {
    insert('lexical', row.term, { kind: 'unit', unit: row.kind, value: row.value, ref: ref(file, line, row.term) });
  }
  const groups: AspectGroup[] = [];
  src.aspects.forEach(({ row, file, line }, g) => {
    groups.push({ name: row.name, area: row.area, yieldTo: row.yieldTo ?? [], file });
    for (const t of row.targets) insert('target', t, { kind: 'target', group: g, ref: ref(file, line, t) });
    for (const [m, v] of Object.entries(row.modifiers)) {
      insert('modifier', m, { kind: 'modifier', group: g, valence: v, ref: ref(file, line, m) });
    }
  });

  // negators that are also aspect modifiers
  const negatorModifiers = new Map<number, { group: number; valence: number; ref: EntryRef }[]>();
  for (const { row } of src.shifters) {
    if ((row.kind !== 'negator' && row.kind !== 'negator-ahead') || row.term.includes(' ')) continue;
    const node = tries.modifier.next.get(wordId(row.term));
    if (!node) continue;
    for (const p of node.payloads) {
      if (p.kind === 'modifier') {
        const list = negatorModifiers.get(wordId(row.term)) ?? [];
        list.push({ group: p.group, valence: p.valence, ref: p.ref });
        negatorModifiers.set(wordId(row.term), list);
      }
    }
  }

  const irony = new Map<string, EntryRef>();
  for (const { row, file, line } of src.irony) irony.set(emojiKey(row.symbol), ref(file, line, row.symbol));
  const emoji = new Map<string, { valence: number; ref: EntryRef }>();
  for (const { row, file, line } of src.emoji) {
    emoji.set(emojiKey(row.symbol), { valence: row.valence, ref: ref(file, line, row.symbol) });
  }

  const forms = new Set<string>();
  for (const key of vocab.keys()) forms.add(key.slice(key.indexOf(':') + 1));
  const functionWords = new Set(src.functionWords.map((l) => normalizeWord(l.row.word)));
  for (const w of functionWords) forms.add(w);

  // direct lookup of one word form, in the order of FORMAT.md: exact, stem, then (only when
  // those find nothing, and only for words typed without diacritics) the folded forms
  const direct = (w: string, out: Map<number, MatchVia>, allowFold = true) => {
    for (const id of exact.get(w) ?? []) out.set(id, 'exact');
    const s = stem(w);
    for (const id of byStem.get(s) ?? []) if (!out.has(id)) out.set(id, 'stem');
    if (out.size === 0) {
      const base = derivStem(w);
      if (base !== s) for (const id of byBaseStem.get(base) ?? []) out.set(id, 'stem');
    }
    if (prefixes.length > 0) {
      for (const p of prefixes) if (w.startsWith(p.form) && !out.has(p.id)) out.set(p.id, 'prefix');
    }
    if (out.size > 0 || !folding || !allowFold || hasDiacritics(w)) return;
    const f = fold(w);
    for (const id of byFold.get(f) ?? []) if (!out.has(id)) out.set(id, 'fold');
    const fs = fold(s);
    if (fs.length >= 5) for (const id of byFoldStem.get(fs) ?? []) if (!out.has(id)) out.set(id, 'fold');
    for (const p of prefixes) if (f.startsWith(p.folded) && !out.has(p.id)) out.set(p.id, 'prefix');
  };

  // short inflected forms the stemmers leave whole ("kön", "køen", "køa" for "kö"/"kø")
  const inflected = (w: string, out: Map<number, MatchVia>) => {
    if (!compounding || w.length > 6) return;
    for (const suf of SHORT_SUFFIXES) {
      if (w.length - suf.length >= 2 && w.endsWith(suf)) {
        for (const id of exact.get(w.slice(0, -suf.length)) ?? []) if (!out.has(id) && !exactOnly.has(id)) out.set(id, 'stem');
        if (out.size > 0) return;
      }
    }
  };

  // comparatives and superlatives the stemmers leave on ("deiligere", "sterkeste", "snabbare")
  const comparative = (w: string, out: Map<number, MatchVia>) => {
    if (w.length < 7) return;
    for (const suf of COMPARATIVE_SUFFIXES[lang]) {
      if (!w.endsWith(suf)) continue;
      const base = w.slice(0, -suf.length);
      for (const id of exact.get(base) ?? []) if (!exactOnly.has(id)) out.set(id, 'stem');
      for (const id of byStem.get(stem(base)) ?? []) if (!out.has(id)) out.set(id, 'stem');
      if (out.size > 0) return;
    }
  };

  const cache = new Map<string, TokenMatch>();
  const match = (word: string): TokenMatch => {
    const hit = cache.get(word);
    if (hit) return hit;
    // what is cached must not keep the comment (and the CSV chunk) the word was cut from alive
    const norm = ownCopy(word);
    const via = new Map<number, MatchVia>();
    direct(norm, via);
    if (via.size === 0) inflected(norm, via);
    if (via.size === 0) comparative(norm, via);
    // English contractions: "weren't", "didn't" carry the negator "n't" when the lexicon lists it
    if (lang === 'en' && norm.endsWith("n't") && norm.length > 3) direct("n't", via);
    // an ending after an apostrophe: English "app's", "council's"; Scandinavian "app'en", "sms'en",
    // "chatbot'en" (a definite or genitive ending written apart): read the word without it
    // (also when the form itself is listed, say inside a phrase: "the council's fault" must not
    // stop "council's" reading as "council")
    const apostrophe = norm.indexOf("'");
    if (apostrophe > 0 && !norm.endsWith("n't")) {
      if (lang === 'en') {
        if (norm.endsWith("'s")) direct(norm.slice(0, -2), via);
      } else {
        const listed = via.size;
        direct(norm.replace("'", ''), via);
        if (via.size === listed) direct(norm.slice(0, apostrophe), via);
      }
    }
    let found: Omit<TokenMatch, 'starts' | 'layers' | 'filler'>;
    if (via.size > 0) {
      found = { ids: [...via.keys()], via, compound: undefined };
    } else {
      found = compound(norm) ?? { ids: EMPTY_IDS, via, compound: undefined };
    }
    if (found.ids.length === 0) {
      // a word no entry knows (most distinct forms in real text: typos, names, rare words) shares
      // one empty reading, so the capped cache stays small
      return remember(norm, UNKNOWN_WORD);
    }
    let starts = 0;
    const layers = LAYERS.map((layer): LayerStart | undefined => {
      const children: TrieNode[] = [];
      for (const id of found.ids) {
        const child = tries[layer].next.get(id);
        if (child) children.push(child);
      }
      if (children.length === 0) return undefined;
      starts |= LAYER_BITS[layer];
      // equally long matches through different word patterns all count (last word id first, the
      // order the phrase walk has always produced)
      let payloads: readonly Payload[] = NO_PAYLOADS;
      for (let k = children.length - 1; k >= 0; k--) {
        const c = children[k] as TrieNode;
        if (c.payloads.length > 0) payloads = payloads.length > 0 ? [...payloads, ...c.payloads] : c.payloads;
      }
      const deep = children.some((c) => c.mask !== 0) ? children.filter((c) => c.mask !== 0) : NO_NODES;
      // reduced here, once per word form, for a one-word match (longer ones are reduced as matched)
      return { payloads: payloads.length > 1 ? onePerKind(payloads, norm) : payloads, deep };
    });
    const own = layers[LAYERS.indexOf('lexical')]?.payloads ?? NO_PAYLOADS;
    const filler =
      own.length > 0 &&
      (layers[LAYERS.indexOf('area')]?.payloads.length ?? 0) === 0 &&
      own.every((p) => p.kind === 'shifter' && (p.shifter === 'intensifier' || p.shifter === 'dampener'));
    // one object shape for every word (a spread would give two): the hot loops stay monomorphic
    return remember(norm, { ids: found.ids, via: found.via, starts, layers, compound: found.compound, filler });
  };
  const remember = (norm: string, m: TokenMatch): TokenMatch => {
    if (cache.size > 20_000) cache.clear(); // bounded: memory must not grow with the input
    cache.set(norm, m);
    return m;
  };

  // longest listed head wins; the modifier must keep at least MIN_MODIFIER letters
  const compound = (w: string): Omit<TokenMatch, 'starts' | 'layers' | 'filler'> | undefined => {
    if (!compounding || w.length < 5 || !/^[\p{L}-]+$/u.test(w)) return undefined;
    // a word written with diacritics is not read through folded heads ("underskö-terskorna")
    const fold = !hasDiacritics(w);
    for (let i = MIN_MODIFIER; i <= w.length - 2; i++) {
      const head = w.slice(i);
      const via = new Map<number, MatchVia>();
      if (head.length >= 4) direct(head, via, fold);
      else for (const id of exact.get(head) ?? []) via.set(id, 'exact');
      if (via.size === 0) {
        for (const suf of HEAD_SUFFIXES) {
          if (head.length - suf.length >= 2 && head.endsWith(suf)) {
            for (const id of exact.get(head.slice(0, -suf.length)) ?? []) via.set(id, 'exact');
            if (via.size > 0) break;
          }
        }
      }
      for (const id of [...via.keys()]) {
        const len = idLength.get(id) ?? 0;
        // heads are content words; two-letter heads only as area cues ("telefon+kö")
        if (!headable.has(id) || len < 2 || (len === 2 && !areaIds.has(id))) via.delete(id);
      }
      if (via.size === 0) continue;
      for (const id of via.keys()) via.set(id, 'compound');
      let modifier = w.slice(0, i).replace(/-$/, '');
      let prefixWeight = prefixWeights.get(modifier) ?? 0;
      if (!prefixWeight && /[se]$/.test(modifier)) {
        modifier = modifier.slice(0, -1);
        prefixWeight = prefixWeights.get(modifier) ?? 0;
      }
      return { ids: [...via.keys()], via, compound: { modifier: w.slice(0, i), head, prefixWeight: prefixWeight || 1 } };
    }
    return undefined;
  };

  return {
    lang,
    version: lexiconVersion(fileTexts),
    tries,
    groups,
    emoji,
    irony,
    functionWords,
    forms,
    stem,
    match,
    negatorModifiers,
  };
}

/** Emoji are looked up without skin tones and variation selectors. */
export function emojiKey(symbol: string): string {
  return symbol.replace(/[\uFE0F\u200D]|\p{Emoji_Modifier}/gu, '').toLowerCase();
}

/** The lexicon version: the first 12 hex digits of a SHA-256 over the files' contents. */
export function lexiconVersion(fileTexts: readonly string[]): string {
  const h = createHash('sha256');
  for (const t of fileTexts) {
    h.update(t);
    h.update('\0');
  }
  return h.digest('hex').slice(0, 12);
}

/**
 * Every payload with the same fields in the same order, whatever its kind: the classifier reads
 * payloads of all kinds in the same loops, and one object shape keeps those reads fast.
 */
function uniform(p: Payload): Payload {
  const any = p as Partial<Record<string, unknown>>;
  return {
    kind: p.kind,
    area: any.area,
    valence: any.valence,
    shifter: any.shifter,
    weight: any.weight,
    aheadOnly: any.aheadOnly,
    unit: any.unit,
    value: any.value,
    group: any.group,
    ref: p.ref,
  } as Payload;
}

const NO_PAYLOADS: readonly Payload[] = [];

/**
 * One match gives one judgement per layer: when a word or phrase reaches several entries of one
 * kind (its own form and same-stem relatives: "trevliga" → trevlig, trevligt, trevliga), the entry
 * written exactly as the text wins, else the shortest (the base form). Aspect entries stay one per
 * group. `text` is the match's normal form, words joined by spaces.
 */
export function onePerKind(payloads: readonly Payload[], text: string): readonly Payload[] {
  // the common case: every payload of a different kind, nothing to choose
  let repeated = false;
  for (let a = 0; a < payloads.length && !repeated; a++) {
    for (let b = a + 1; b < payloads.length; b++) {
      if (sameKind(payloads[a] as Payload, payloads[b] as Payload)) {
        repeated = true;
        break;
      }
    }
  }
  if (!repeated) return payloads;
  const best = new Map<string, Payload>();
  for (const p of payloads) {
    const k = kindKey(p);
    const cur = best.get(k);
    if (!cur || entryRank(p, text) < entryRank(cur, text)) best.set(k, p);
  }
  return [...best.values()];
}

/** kindKey(a) === kindKey(b), without building the strings */
function sameKind(a: Payload, b: Payload): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'target' || a.kind === 'modifier') return a.group === (b as typeof a).group;
  if (a.kind === 'unit') return a.unit === (b as typeof a).unit;
  return true;
}

function kindKey(p: Payload): string {
  return p.kind === 'target' || p.kind === 'modifier' ? `${p.kind}:${p.group}` : p.kind === 'unit' ? `unit:${p.unit}` : p.kind;
}

/** The entry written exactly as the text ranks first, then shorter (base) forms. */
function entryRank(p: Payload, text: string): number {
  return p.ref.plain === text ? -1 : p.ref.plain.length;
}

const NO_NODES: readonly TrieNode[] = [];
/** the reading of a word no entry knows */
const UNKNOWN_WORD: TokenMatch = {
  ids: [],
  via: new Map(),
  starts: 0,
  layers: LAYERS.map(() => undefined),
  compound: undefined,
  filler: false,
};
const WALK_NODES: TrieNode[] = [];
const WALK_POS: number[] = [];
const WALK_GAP: number[] = [];

/** The payloads of the match `longestAt` last found; read them before the next call. */
export const lastMatch: { payloads: readonly Payload[] } = { payloads: NO_PAYLOADS };

/**
 * Longest match of a layer's trie starting at token `start`, over token matches `m` (one per
 * token, undefined for tokens that are not words). Returns the match's end (exclusive), its
 * payloads in `lastMatch`; or -1 when nothing matches. No object per call: this runs for every
 * word that starts an entry, in every layer.
 */
export function longestAt(
  entry: LayerStart,
  m: readonly (TokenMatch | undefined)[],
  start: number,
  limit: number,
  fillerGap = false,
): number {
  // most words start only one-word entries: no walk
  if (entry.deep.length === 0 || start + 1 >= limit) {
    if (entry.payloads.length === 0) return -1;
    lastMatch.payloads = entry.payloads;
    return start + 1;
  }
  let bestEnd = entry.payloads.length > 0 ? start + 1 : -1;
  let bestPayloads: readonly Payload[] = entry.payloads;
  // depth-first over the word patterns of each position, on a stack shared by all calls (the walk
  // is not re-entrant): no allocation per call on the hot path
  let sp = 0;
  for (const child of entry.deep) {
    WALK_NODES[sp] = child;
    WALK_POS[sp] = start + 1;
    WALK_GAP[sp] = 0;
    sp++;
  }
  while (sp > 0) {
    sp--;
    const node = WALK_NODES[sp] as TrieNode;
    const pos = WALK_POS[sp] as number;
    // 0: no word skipped; 1: a filler skipped earlier; 2: a filler skipped just now (a phrase
    // does not end on a skipped word)
    const gap = WALK_GAP[sp] as number;
    if (node.payloads.length > 0 && pos > start + 1 && gap !== 2) {
      // the longest match wins; equally long matches through different word patterns
      // ("lang" and "=lang" in two aspect groups) all count
      if (pos > bestEnd) {
        bestEnd = pos;
        bestPayloads = node.payloads;
      } else if (pos === bestEnd && bestPayloads !== node.payloads) {
        bestPayloads = [...bestPayloads, ...node.payloads];
      }
    }
    if (pos >= limit || node.mask === 0) continue;
    const tm = m[pos];
    if (!tm) continue;
    for (const id of tm.ids) {
      if ((node.mask & (1 << (id & 31))) === 0) continue;
      const child = node.next.get(id);
      if (child) {
        WALK_NODES[sp] = child;
        WALK_POS[sp] = pos + 1;
        WALK_GAP[sp] = gap === 0 ? 0 : 1;
        sp++;
      }
    }
    // one intensifier or dampener inside a fixed phrase: "inga riktiga problem", "can't really complain"
    if (fillerGap && gap === 0 && tm.filler && pos + 1 < limit) {
      WALK_NODES[sp] = node;
      WALK_POS[sp] = pos + 1;
      WALK_GAP[sp] = 2;
      sp++;
    }
  }
  if (bestEnd < 0) return -1;
  lastMatch.payloads = bestPayloads;
  return bestEnd;
}
