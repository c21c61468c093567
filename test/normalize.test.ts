import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stemDanish, stemNorwegian, stemSwedish } from '../src/normalize/scandinavianStemmers.js';
import { fold } from '../src/normalize/fold.js';
import { tokenize } from '../src/normalize/tokenize.js';

describe('tokenize', () => {
  it('keeps words, emoji, emoticons, placeholders and breaks with exact offsets', () => {
    const text = 'Lång kö :( men TREVLIG!!! 👍🏽 [NAME] e-tjänsten';
    const toks = tokenize(text).map((t) => [t.kind, t.text, t.start, t.end, t.caps]);
    expect(toks).toEqual([
      ['word', 'Lång', 0, 4, false],
      ['word', 'kö', 5, 7, false],
      ['emoticon', ':(', 8, 10, false],
      ['word', 'men', 11, 14, false],
      ['word', 'TREVLIG', 15, 22, true],
      ['break', '!!!', 22, 25, false],
      ['emoji', '👍🏽', 26, 30, false],
      ['placeholder', '[NAME]', 31, 37, false],
      ['word', 'e-tjänsten', 38, 48, false],
    ]);
  });

  it('reads a rating out of 5 or 10 as one number, and other slashes apart', () => {
    expect(tokenize('10/10 och 4/5, men 3/4 timme').map((t) => [t.kind, t.text])).toEqual([
      ['number', '10/10'],
      ['word', 'och'],
      ['number', '4/5'],
      ['punct', ','],
      ['word', 'men'],
      ['number', '3'],
      ['punct', '/'],
      ['number', '4'],
      ['word', 'timme'],
    ]);
  });

  it('normalises case, curly apostrophes and stretched letters', () => {
    expect(tokenize('Braaaa can’t').map((t) => t.norm)).toEqual(['bra', "can't"]);
  });

  it('covers the text: every token is the substring at its offsets (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (s) => {
        for (const t of tokenize(s)) {
          if (t.kind === 'break') continue;
          expect(s.slice(t.start, t.end)).toBe(t.text);
        }
      }),
    );
  });
});

describe('fold', () => {
  it('folds Nordic letters and their ASCII transcriptions alike', () => {
    expect(fold('väntetid')).toBe('vantetid');
    expect(fold('fornøyd')).toBe('fornoyd');
    expect(fold('dårlig')).toBe(fold('daarlig'));
    expect(fold('bemötande')).toBe(fold('bemoetande'));
  });
});

describe('Scandinavian Snowball stemmers', () => {
  it('give inflected forms one stem', () => {
    expect(stemDanish('venlig')).toBe(stemDanish('venlige'));
    expect(stemDanish('ventetid')).toBe(stemDanish('ventetiden'));
    expect(stemDanish('medarbejder')).toBe(stemDanish('medarbejderne'));
    expect(stemSwedish('trevlig')).toBe(stemSwedish('trevliga'));
    expect(stemSwedish('handläggningstiden')).toBe('handläggningstid');
    expect(stemNorwegian('saksbehandlingstiden')).toBe('saksbehandlingstid');
    expect(stemNorwegian('imponerte')).toBe(stemNorwegian('imponert'));
  });
  it('follow the published steps', () => {
    expect(stemDanish('sagsbehandlingstiden')).toBe('sagsbehandlingstid'); // step 1 -en
    expect(stemDanish('løst')).toBe('løst'); // shorter than R1
    expect(stemDanish('kaffe')).toBe('kaf'); // -e, then undoubling ff
    expect(stemDanish('vigtigst')).toBe('vigtig'); // -igst loses -st
    expect(stemSwedish('jaktkarlarne')).toBe('jaktkarl');
    expect(stemSwedish('klokaste')).toBe('klok');
    expect(stemNorwegian('havnedistriktene')).toBe('havnedistrikt');
  });
  it('strip derivational endings only when asked (step 3)', () => {
    // "mod" (against) must not meet "modig" (brave), nor Swedish "vän" (friend) "vänlig"
    expect(stemDanish('modig')).toBe('modig');
    expect(stemDanish('modig', { derivational: true })).toBe('mod');
    expect(stemDanish('hurtigt', { derivational: true })).toBe('hurt'); // gt -> g, then -ig
    expect(stemSwedish('vänlig')).toBe('vänlig');
    expect(stemSwedish('vänlig', { derivational: true })).toBe('vän');
    expect(stemSwedish('meningslöst', { derivational: true })).toBe('meningslös');
    // "-löst" is the neuter of "-lös" (inflection), so it goes without the derivational step too
    expect(stemSwedish('hopplöst')).toBe(stemSwedish('hopplös'));
    expect(stemNorwegian('koselig')).toBe('koselig');
    expect(stemNorwegian('koselig', { derivational: true })).toBe('kos');
  });
});
