/**
 * The Snowball stemmer for Danish (snowballstem.org/algorithms/danish/stemmer.html),
 * written from the published algorithm; natural has no Danish stemmer.
 */
const VOWELS = 'aeiouyæåø';
const S_ENDING = 'abcdfghjklmnoprtvyzå';

const STEP1 = [
  'erendes', 'erende', 'hedens', 'ethed', 'erede', 'heden', 'heder', 'endes', 'ernes', 'erens',
  'erets', 'ered', 'ende', 'erne', 'eres', 'eren', 'erer', 'heds', 'enes', 'hedens', 'ens', 'ers',
  'ets', 'eret', 'hed', 'ene', 'ere', 'ens', 'erer', 'en', 'er', 'es', 'et', 'e',
].sort((a, b) => b.length - a.length);
const STEP2 = ['gd', 'dt', 'gt', 'kt'];
const STEP3 = ['elig', 'løst', 'lig', 'els', 'ig'];

function isVowel(c: string | undefined): boolean {
  return c !== undefined && VOWELS.includes(c);
}

function r1Start(word: string): number {
  let i = 0;
  while (i < word.length && !isVowel(word[i])) i++;
  while (i < word.length && isVowel(word[i])) i++;
  const r1 = i + 1;
  return Math.max(3, Math.min(r1, word.length));
}

function step2(word: string, r1: number): string {
  for (const s of STEP2) {
    if (word.endsWith(s) && word.length - s.length >= r1) return word.slice(0, -1);
  }
  return word;
}

export function stemDanish(input: string): string {
  let word = input.toLowerCase();
  if (word.length < 3) return word;
  const r1 = r1Start(word);
  // step 1
  let done = false;
  for (const s of STEP1) {
    if (word.endsWith(s) && word.length - s.length >= r1) {
      word = word.slice(0, -s.length);
      done = true;
      break;
    }
  }
  if (!done && word.endsWith('s') && word.length - 1 >= r1) {
    const before = word[word.length - 2];
    if (before !== undefined && S_ENDING.includes(before)) word = word.slice(0, -1);
  }
  // step 2
  word = step2(word, r1);
  // step 3
  if (word.endsWith('igst')) word = word.slice(0, -2);
  for (const s of STEP3) {
    if (word.endsWith(s) && word.length - s.length >= r1) {
      if (s === 'løst') word = word.slice(0, -1);
      else {
        word = word.slice(0, -s.length);
        word = step2(word, r1);
      }
      break;
    }
  }
  // step 4: undouble a final double consonant in R1
  const last = word[word.length - 1];
  if (
    word.length >= 2 &&
    word.length - 1 >= r1 &&
    last !== undefined &&
    !isVowel(last) &&
    last === word[word.length - 2]
  ) {
    word = word.slice(0, -1);
  }
  return word;
}
