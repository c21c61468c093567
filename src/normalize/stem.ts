import { createRequire } from 'node:module';
import { stemDanish, stemNorwegian, stemSwedish } from './scandinavianStemmers.js';

/** A stemmer maps a lower-case word to its stem. */
export type Stemmer = (word: string) => string;

export type Lang = 'sv' | 'da' | 'nb' | 'en';

// natural's top-level entry point loads dotenv, which prints to stdout; load the stemmers directly.
const require = createRequire(import.meta.url);
interface NaturalStemmer {
  stem(word: string): string;
}
const en = require('natural/lib/natural/stemmers/porter_stemmer') as NaturalStemmer;

/** Inflection only: plural, definite, genitive and verb endings (see scandinavianStemmers.ts). */
const INFLECTIONAL: Record<Lang, Stemmer> = {
  sv: (w) => stemSwedish(w),
  nb: (w) => stemNorwegian(w),
  da: (w) => stemDanish(w),
  en: (w) => en.stem(w),
};

/** The full Snowball algorithms, derivational endings (-lig, -ig, -els) included. */
const DERIVATIONAL: Record<Lang, Stemmer> = {
  sv: (w) => stemSwedish(w, { derivational: true }),
  nb: (w) => stemNorwegian(w, { derivational: true }),
  da: (w) => stemDanish(w, { derivational: true }),
  en: (w) => en.stem(w),
};

/**
 * A memoising stemmer for one language: stemming is the hot path of lexicon matching. The
 * default strips inflection only; `derivational` runs the full Snowball algorithm.
 */
export function stemmerFor(lang: Lang, options: { derivational?: boolean } = {}): Stemmer {
  const base = (options.derivational ? DERIVATIONAL : INFLECTIONAL)[lang];
  const cache = new Map<string, string>();
  return (word: string) => {
    let s = cache.get(word);
    if (s === undefined) {
      const own = ownCopy(word); // a cache key must not keep the text it was cut from alive
      s = own.length <= 2 ? own : base(own);
      if (cache.size > 20_000) cache.clear();
      cache.set(own, s);
    }
    return s;
  };
}

/**
 * A copy of a string that shares no memory with the text it was cut from. V8 keeps a long slice
 * ("sliced string") as a pointer into its parent, so a word cut from a comment that was cut from a
 * 64 KB chunk of a CSV file keeps the whole chunk alive for as long as a cache holds the word.
 */
export function ownCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
