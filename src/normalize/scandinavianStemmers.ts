/**
 * Snowball stemmers for Swedish, Norwegian (bokmål) and Danish, written from the published
 * algorithms (snowballstem.org/algorithms/{swedish,norwegian,danish}/stemmer.html).
 *
 * Each algorithm has an inflectional part (steps 1 and 2: plural, definite and genitive endings,
 * a final consonant pair) and a derivational step 3 that strips -lig, -ig, -els and the like.
 * Step 3 conflates different words: Danish "modig" (brave) with "mod" (against), "ledig" (free)
 * with "led" (joint), Swedish "vänlig" (friendly) with "vän" (friend), "tidig" with "tid".
 * Lexicon matching therefore uses the inflectional part only (`derivational: false`, the
 * default): a lexicon lists a derived word as its own entry, with its own polarity.
 */

interface SnowballSpec {
  vowels: string;
  /** Suffixes deleted in step 1 when they lie in R1 (longest first). */
  step1: string[];
  /** Replacements applied in step 1 instead of a deletion (suffix -> replacement). */
  step1Replace: Record<string, string>;
  /** Whether a final -s may be deleted after `before` (the letter in front of it). */
  sEnding(before: string, beforeThat: string | undefined): boolean;
  /** Consonant pairs whose last letter step 2 deletes. */
  step2: string[];
  /** Step 3 rules: suffix -> replacement (empty string deletes). */
  step3: Record<string, string>;
  /** Danish: after step 3 deletes, step 2 runs again, and step 4 undoubles a final consonant. */
  danish: boolean;
}

function byLength(list: string[]): string[] {
  return [...list].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}

const SWEDISH: SnowballSpec = {
  vowels: 'aeiouyäåö',
  step1: byLength([
    'a', 'arna', 'erna', 'heterna', 'orna', 'ad', 'e', 'ade', 'ande', 'arne', 'are', 'aste', 'en',
    'anden', 'aren', 'heten', 'ern', 'ar', 'er', 'heter', 'or', 'as', 'arnas', 'ernas', 'ornas',
    'es', 'ades', 'andes', 'ens', 'arens', 'hetens', 'erns', 'at', 'andet', 'het', 'ast',
  ]),
  step1Replace: {},
  sEnding: (c) => 'bcdfghjklmnoprtvy'.includes(c),
  step2: ['dd', 'gd', 'nn', 'dt', 'gt', 'kt', 'tt'],
  step3: { lig: '', ig: '', els: '', löst: 'lös', fullt: 'full' },
  danish: false,
};

const NORWEGIAN: SnowballSpec = {
  vowels: 'aeiouyæåø',
  step1: byLength([
    'a', 'e', 'ede', 'ande', 'ende', 'ane', 'ene', 'hetene', 'en', 'heten', 'ar', 'er', 'heter',
    'as', 'es', 'edes', 'endes', 'enes', 'hetenes', 'ens', 'hetens', 'ers', 'ets', 'et', 'het',
    'ast',
  ]),
  step1Replace: { erte: 'er', ert: 'er' },
  sEnding: (c, before) =>
    'bcdfghjlmnoprtvyz'.includes(c) || (c === 'k' && before !== undefined && !'aeiouyæåø'.includes(before)),
  step2: ['dt', 'vt'],
  step3: {
    leg: '', eleg: '', ig: '', eig: '', lig: '', elig: '', els: '', lov: '', elov: '', slov: '',
    hetslov: '',
  },
  danish: false,
};

const DANISH: SnowballSpec = {
  vowels: 'aeiouyæåø',
  step1: byLength([
    'hed', 'ethed', 'ered', 'e', 'erede', 'ende', 'erende', 'ene', 'erne', 'ere', 'en', 'heden',
    'eren', 'er', 'heder', 'erer', 'heds', 'es', 'endes', 'erendes', 'enes', 'ernes', 'eres',
    'ens', 'hedens', 'erens', 'ers', 'ets', 'erets', 'et', 'eret',
  ]),
  step1Replace: {},
  sEnding: (c) => 'abcdfghjklmnoprtvyzå'.includes(c),
  step2: ['gd', 'dt', 'gt', 'kt'],
  step3: { elig: '', lig: '', els: '', ig: '', løst: 'løs' },
  danish: true,
};

/** Start of R1: after the first non-vowel that follows a vowel, but at least at position 3. */
function r1Start(word: string, vowels: string): number {
  for (let i = 1; i < word.length; i++) {
    if (!vowels.includes(word[i]!) && vowels.includes(word[i - 1]!)) return Math.max(3, i + 1);
  }
  return word.length;
}

function longestSuffix(word: string, suffixes: Iterable<string>, r1: number): string | undefined {
  let best: string | undefined;
  for (const s of suffixes) {
    if (word.endsWith(s) && word.length - s.length >= r1 && (!best || s.length > best.length)) best = s;
  }
  return best;
}

function step2(word: string, spec: SnowballSpec, r1: number): string {
  for (const pair of spec.step2) {
    if (word.endsWith(pair) && word.length - 2 >= r1) return word.slice(0, -1);
  }
  return word;
}

function snowball(input: string, spec: SnowballSpec, derivational: boolean): string {
  let word = input.toLowerCase();
  const r1 = r1Start(word, spec.vowels);
  if (r1 >= word.length) return word;

  // Step 1: the longest ending in R1 among the deletions, the replacements and a final -s.
  const replaceKeys = Object.keys(spec.step1Replace);
  const suffix = longestSuffix(word, [...spec.step1, ...replaceKeys], r1);
  if (suffix !== undefined) {
    const replacement = spec.step1Replace[suffix] ?? '';
    word = word.slice(0, -suffix.length) + replacement;
  } else if (word.endsWith('s') && word.length - 1 >= r1 && word.length >= 2) {
    if (spec.sEnding(word[word.length - 2]!, word[word.length - 3])) word = word.slice(0, -1);
  }

  // Step 2: a final consonant pair loses its last letter.
  word = step2(word, spec, r1);

  // Danish superlative "-igst" keeps its "-ig" ("vigtigst" -> "vigtig"): inflection, not derivation.
  if (spec.danish && word.endsWith('igst')) word = word.slice(0, -2);

  // Step 3: "-löst" → "-lös", "-fullt" → "-full" are the neuter -t of an adjective (inflection);
  // the deletions ("-lig", "-ig", "-els") are derivation, only when asked for.
  {
    const s3 = longestSuffix(word, Object.keys(spec.step3), r1);
    if (s3 !== undefined && (derivational || spec.step3[s3] !== '')) {
      word = word.slice(0, -s3.length) + spec.step3[s3]!;
      if (spec.danish && spec.step3[s3] === '') word = step2(word, spec, r1);
    }
  }

  // Danish step 4: undouble a final double consonant in R1 ("hopp" -> "hop").
  if (spec.danish && word.length >= 2 && word.length - 1 >= r1) {
    const last = word[word.length - 1]!;
    if (!spec.vowels.includes(last) && last === word[word.length - 2]) word = word.slice(0, -1);
  }
  return word;
}

export interface StemOptions {
  /** Also run the derivational step 3 (default false: inflection only). */
  derivational?: boolean;
}

export function stemSwedish(word: string, options: StemOptions = {}): string {
  return snowball(word, SWEDISH, options.derivational ?? false);
}

export function stemNorwegian(word: string, options: StemOptions = {}): string {
  return snowball(word, NORWEGIAN, options.derivational ?? false);
}

export function stemDanish(word: string, options: StemOptions = {}): string {
  return snowball(word, DANISH, options.derivational ?? false);
}
