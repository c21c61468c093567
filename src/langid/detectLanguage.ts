import type { CompiledLexicon } from '../lexicon/compile.js';
import type { Lang } from '../normalize/stem.js';
import { tokenize } from '../normalize/tokenize.js';

/**
 * Language identification for sv, da, nb and en from what the lexicons know: function words
 * (weighted by how many of the languages share them), every listed word form, and the letters
 * only some of the languages use (ä/ö Swedish; æ/ø Danish and Norwegian). Pure and deterministic;
 * ties go to the earlier language in `langs`.
 */
export interface LanguageGuess {
  readonly lang: Lang;
  readonly scores: Readonly<Record<string, number>>;
}

const LETTERS: Record<Lang, RegExp> = {
  sv: /[äö]/g,
  da: /[æø]/g,
  nb: /[æø]/g,
  en: /(?!)/g,
};

export function detectLanguage(text: string, lexicons: ReadonlyMap<Lang, CompiledLexicon>): LanguageGuess {
  const langs = [...lexicons.keys()];
  const scores: Record<string, number> = Object.fromEntries(langs.map((l) => [l, 0]));
  const words = tokenize(text)
    .filter((t) => t.kind === 'word')
    .map((t) => t.norm);
  for (const w of words) {
    const fw = langs.filter((l) => lexicons.get(l)?.functionWords.has(w));
    const fo = langs.filter((l) => lexicons.get(l)?.forms.has(w));
    for (const l of fw) scores[l] = (scores[l] ?? 0) + 2 / fw.length;
    for (const l of fo) scores[l] = (scores[l] ?? 0) + 1 / fo.length;
  }
  const lower = text.toLowerCase();
  for (const l of langs) {
    const m = lower.match(LETTERS[l]);
    if (m) scores[l] = (scores[l] ?? 0) + 1.5 * Math.min(3, m.length);
  }
  // Swedish has å too, English none of the Nordic letters
  if (/[åæøäö]/.test(lower) && 'en' in scores) scores.en = (scores.en ?? 0) - 3;
  let best = langs[0] as Lang;
  for (const l of langs) if ((scores[l] ?? 0) > (scores[best] ?? 0)) best = l;
  return { lang: best, scores };
}
