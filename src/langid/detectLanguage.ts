import type { CompiledLexicon } from '../lexicon/compile.js';
import type { Lang } from '../normalize/stem.js';
import { tokenize, type Token } from '../normalize/tokenize.js';

/**
 * Language identification for sv, da, nb and en from what the lexicons know: function words
 * (weighted by how many of the languages share them), every listed word form, and the letters
 * only some of the languages use (ä/ö Swedish; æ/ø Danish and Norwegian). Pure and deterministic;
 * ties go to the earlier language of the pipeline.
 */
export interface LanguageGuess {
  readonly lang: Lang;
  readonly scores: Readonly<Record<string, number>>;
}

/** Per word form, which languages list it: built once per lexicon set. */
export interface LanguageIndex {
  readonly langs: readonly Lang[];
  /** word → [function-word weight per language, form weight per language] */
  readonly words: ReadonlyMap<string, Float64Array>;
}

/** per English-listed word in a text without Nordic letters: small, it only breaks ties */
const ENGLISH_TIE_BREAK = 0.05;

/** which of the letters only some languages write count for each */
const LETTERS: Record<Lang, 'sv' | 'da-nb' | 'none'> = { sv: 'sv', da: 'da-nb', nb: 'da-nb', en: 'none' };

export function buildLanguageIndex(lexicons: ReadonlyMap<Lang, CompiledLexicon>): LanguageIndex {
  const langs = [...lexicons.keys()];
  const L = langs.length;
  const words = new Map<string, Float64Array>();
  const get = (w: string) => {
    let v = words.get(w);
    if (!v) {
      v = new Float64Array(2 * L);
      words.set(w, v);
    }
    return v;
  };
  langs.forEach((l, i) => {
    const lex = lexicons.get(l) as CompiledLexicon;
    for (const w of lex.functionWords) get(w)[i] = 1;
    for (const w of lex.forms) get(w)[L + i] = 1;
  });
  // a word shared by k languages counts 1/k for each (function words twice as much)
  for (const v of words.values()) {
    let fw = 0;
    let fo = 0;
    for (let i = 0; i < L; i++) {
      fw += v[i] as number;
      fo += v[L + i] as number;
    }
    for (let i = 0; i < L; i++) {
      if (fw > 0) v[i] = ((v[i] as number) * 2) / fw;
      if (fo > 0) v[L + i] = (v[L + i] as number) / fo;
    }
  }
  return { langs, words };
}

export function detectLanguage(text: string, index: LanguageIndex, tokens: readonly Token[] = tokenize(text)): LanguageGuess {
  const { langs, words } = index;
  const L = langs.length;
  const score = new Array<number>(L).fill(0); // a typed array costs more to allocate than it saves here
  const en = langs.indexOf('en');
  let english = 0; // words English lists, for the tie-break below
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    const v = words.get(t.norm);
    if (!v) continue;
    for (let i = 0; i < L; i++) score[i] = (score[i] as number) + (v[i] as number) + (v[L + i] as number);
    if (en >= 0 && (v[L + en] as number) > 0) english++;
  }
  // letters only Swedish (ä, ö) or only Danish and Norwegian (æ, ø) write, either case, and å
  let swedish = 0;
  let danoNorwegian = 0;
  let nordic = false;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 0xc4) continue;
    if (c === 0xe4 || c === 0xc4 || c === 0xf6 || c === 0xd6) swedish++;
    else if (c === 0xe6 || c === 0xc6 || c === 0xf8 || c === 0xd8) danoNorwegian++;
    else if (c !== 0xe5 && c !== 0xc5) continue;
    nordic = true;
  }
  langs.forEach((l, i) => {
    const letters = LETTERS[l] === 'sv' ? swedish : LETTERS[l] === 'da-nb' ? danoNorwegian : 0;
    if (letters > 0) score[i] = (score[i] as number) + 1.5 * Math.min(3, letters);
    if (l === 'en' && nordic) score[i] = (score[i] as number) - 3;
    // "Good service", "Fast, friendly, sorted.": the Scandinavian lexicons list English loanwords
    // too, so a text of English words without Nordic letters would tie; English wins the tie
    if (l === 'en' && !nordic) score[i] = (score[i] as number) + ENGLISH_TIE_BREAK * english;
  });
  let best = 0;
  for (let i = 1; i < L; i++) if ((score[i] as number) > (score[best] as number)) best = i;
  const scores: Record<string, number> = {};
  langs.forEach((l, i) => {
    scores[l] = Math.round((score[i] as number) * 1000) / 1000;
  });
  return { lang: langs[best] as Lang, scores };
}
