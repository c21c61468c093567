import { createRequire } from 'node:module';
import { stemDanish } from './danishStemmer.js';

/** A stemmer maps a lower-case word to its stem. */
export type Stemmer = (word: string) => string;

export type Lang = 'sv' | 'da' | 'nb' | 'en';

// natural's top-level entry point loads dotenv, which prints to stdout; load the stemmers directly.
const require = createRequire(import.meta.url);
interface NaturalStemmer {
  stem(word: string): string;
}
const sv = require('natural/lib/natural/stemmers/porter_stemmer_sv') as NaturalStemmer;
const no = require('natural/lib/natural/stemmers/porter_stemmer_no') as NaturalStemmer;
const en = require('natural/lib/natural/stemmers/porter_stemmer') as NaturalStemmer;

const BASE: Record<Lang, Stemmer> = {
  sv: (w) => sv.stem(w),
  nb: (w) => no.stem(w),
  da: stemDanish,
  en: (w) => en.stem(w),
};

/** A memoising stemmer for one language: stemming is the hot path of lexicon matching. */
export function stemmerFor(lang: Lang): Stemmer {
  const base = BASE[lang];
  const cache = new Map<string, string>();
  return (word: string) => {
    let s = cache.get(word);
    if (s === undefined) {
      s = word.length <= 2 ? word : base(word);
      if (cache.size > 20_000) cache.clear();
      cache.set(word, s);
    }
    return s;
  };
}
