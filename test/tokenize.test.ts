import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeWord, tokenize, tokenizeByPattern } from '../src/normalize/tokenize.js';

// The hand scanner must give exactly the tokens of the grammar's regular expression.

/** characters chosen to sit on every edge of the scanner: emoticon starts, ratings, apostrophes,
 * dotted abbreviations, letters inside and outside its table, emoji and their joiners, spaces */
const ALPHABET = [
  ...'abcdeoxXpPDzåäöæøéüßÅÄÖÆØ',
  ...'0123456789²½',
  ...`'’-.,:;=<^[]_()/\\|*!?…–—"#&@+%`,
  ' ', ' ', ' ', '\n', '\t', '\u00a0', '\u2028', '\u3000',
  'ł', 'Ł', 'ş', 'ŧ', 'ǆ', 'ё', 'ж', '\u0301', '٣',
  '©', '®', '😀', '👍', '🏽', '\u200d', '\ufe0f', '❤', '🙃',
  'AB', 'TEL', '10', '/10', '/5', ':)', ":'(", '<3', '^_^', ' - ', 'app', "n't", "'en", '.se',
];

const shape = (text: string) => tokenizeByPattern(text);

describe('tokenize (the hand scanner)', () => {
  it('gives the same tokens as the grammar on random text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(tokenize(text)).toEqual(shape(text));
      }),
      { numRuns: 4000 },
    );
  });

  it('gives the same tokens as the grammar on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const tokens = tokenize(text);
        expect(tokens).toEqual(shape(text));
        // every word is the text at its offsets (the scanner reads a copy of the code units)
        for (const t of tokens) if (t.kind === 'word') expect(t.text).toBe(text.slice(t.start, t.end));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the code units as written, surrogates included, in comments of any length', () => {
    expect(tokenize('a\ud800b caf\u00e9 😀 ok').map((t) => `${t.kind}:${t.text}`)).toEqual(['word:a', 'punct:\ud800', 'word:b', 'word:café', 'emoji:😀', 'word:ok']);
    // longer than the buffer it starts with, then short again: nothing of the long one is read
    const long = `${'lång '.repeat(400)}slut`;
    expect(tokenize(long).at(-1)?.text).toBe('slut');
    expect(tokenize('kort').map((t) => t.text)).toEqual(['kort']);
  });

  it('gives the same tokens as the grammar on every gold comment', () => {
    const dir = join(import.meta.dirname, '..', 'fixtures', 'gold');
    let checked = 0;
    for (const f of readdirSync(dir)) {
      for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
        expect(tokenize(line)).toEqual(shape(line));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(2000);
  });

  it('normalizes every word as normalizeWord does, and marks capitals', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ALPHABET, 'Ü', 'É', '×', 'AAA', 'aaa', 'bbb', 'µ'), { maxLength: 30 }), (parts) => {
        for (const t of tokenize(parts.join(''))) {
          if (t.kind !== 'word') continue;
          expect(t.norm).toBe(normalizeWord(t.text));
          const first = t.text[0] as string;
          const caps = t.text.length >= 2 && first !== first.toLowerCase() && t.text === t.text.toUpperCase() && t.text !== t.text.toLowerCase();
          expect(t.caps).toBe(caps);
        }
      }),
      { numRuns: 3000 },
    );
    expect(tokenize('Braaaa bra BRA').map((t) => [t.norm, t.caps])).toEqual([
      ['bra', false],
      ['bra', false],
      ['bra', true],
    ]);
  });

  it('hands positions it does not know to the grammar', () => {
    expect(tokenize('© xD 8) [NAME] ;-) ©2024 ŧest…!').map((t) => [t.kind, t.text])).toEqual([
      ['emoji', '©'],
      ['emoticon', 'xD'],
      ['emoticon', '8)'],
      ['placeholder', '[NAME]'],
      ['emoticon', ';-)'],
      ['emoji', '©'],
      ['number', '2024'],
      ['word', 'ŧest'],
      ['break', '…!'],
    ]);
  });
});
