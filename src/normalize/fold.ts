/**
 * Diacritic folding for text typed without the Scandinavian letters: "vantetid" for "väntetid",
 * "fornoyd" for "fornøyd", "daarlig" for "dårlig". Both the lexicon and the text are folded the
 * same way, so only the folded forms need to agree.
 */
const LETTERS: Record<string, string> = {
  å: 'a', ä: 'a', æ: 'a', à: 'a', á: 'a', â: 'a',
  ö: 'o', ø: 'o', ó: 'o', ò: 'o', ô: 'o',
  é: 'e', è: 'e', ê: 'e', ë: 'e',
  ü: 'u', ú: 'u', í: 'i', ï: 'i',
};

const NON_ASCII = /[^\x00-\x7f]/;

export function hasDiacritics(word: string): boolean {
  return NON_ASCII.test(word);
}

export function fold(word: string): string {
  let out = '';
  for (const ch of word) out += LETTERS[ch] ?? ch;
  // ASCII transcriptions: aa for å, ae for æ/ä, oe for ø/ö
  return out.replace(/aa/g, 'a').replace(/ae/g, 'a').replace(/oe/g, 'o');
}
