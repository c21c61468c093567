import { describe, expect, it } from 'vitest';
import { auditLexicon } from '../src/evaluate/auditLexicon.js';
import { testClassifier } from './helpers.js';

describe('lexicon audit', () => {
  const texts = [
    { text: 'Bra service', lang: 'sv', label: 'pos' as const },
    { text: 'Bra att fråga först', lang: 'sv', label: 'neu' as const },
    { text: 'Inte bra, ingen ringde', lang: 'sv', label: 'neg' as const },
    { text: 'Dålig väntan, ingen ringde', lang: 'sv', label: 'neg' as const },
  ];

  it('counts each entry once per text by label, disagreements first', () => {
    const audit = auditLexicon(testClassifier(), texts, { minCount: 1 });
    expect(audit.entries[0]).toEqual({
      entry: 'lexicons/sv/polarity.tsv:2 bra',
      sign: 1,
      pos: 1,
      neu: 1,
      neg: 1,
      n: 3,
      agree: 1 / 3,
    });
    expect(audit.entries.find((e) => e.entry.endsWith(' dålig'))).toMatchObject({ sign: -1, n: 1, neg: 1, agree: 1 });
  });

  it('lists words no layer reaches, leaving out function words and those under the minimum', () => {
    const audit = auditLexicon(testClassifier(), texts, { minCount: 2, functionWords: new Set(['ingen']) });
    expect(audit.unmatched).toEqual([{ word: 'ringde', pos: 0, neu: 0, neg: 2, n: 2 }]);
  });
});
