import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isFodselsnummer, isPersonnummer, redact } from '../src/redact/redact.js';
import { originalOffset } from '../src/redact/originalOffset.js';

describe('redaction', () => {
  it('removes checked identity numbers and keeps ordinary numbers', () => {
    expect(isPersonnummer('811218', '9876')).toBe(true);
    expect(isPersonnummer('811218', '9875')).toBe(false);
    expect(redact('Mitt personnummer är 19811218-9876.').text).toBe('Mitt personnummer är [PERSONNUMMER].');
    expect(redact('Ärende 811218-9875 och 12345, kostade 1500 kr 2024-03-15').text).toBe(
      'Ärende 811218-9875 och 12345, kostade 1500 kr 2024-03-15',
    );
    expect(isFodselsnummer('01010112345')).toBe(false);
    expect(redact('cpr 010190-1234').text).toBe('cpr [CPR]');
  });

  it('removes e-mail addresses, phone numbers, addresses and introduced names', () => {
    expect(redact('Jag heter Anna Berg, ring 070-123 45 67 eller anna.berg@example.se').text).toBe(
      'Jag heter [NAME], ring [PHONE] eller [EMAIL]',
    );
    expect(redact('Handläggaren Anna var trevlig').text).toBe('Handläggaren [NAME] var trevlig');
    expect(redact('My name is John Smith, I live at 12 High Street.').text).toBe('My name is [NAME], I live at [ADDRESS].');
    expect(redact('Bor på Storgatan 12 i Lund').text).toBe('Bor på [ADDRESS] i Lund');
  });

  it('maps offsets in redacted text back to the original', () => {
    const original = 'Jag heter Anna Berg. Lång kö.';
    const r = redact(original);
    const i = r.text.indexOf('Lång');
    expect(original.slice(originalOffset(r.findings, i), originalOffset(r.findings, i + 4, true))).toBe('Lång');
  });

  it('is idempotent and never throws (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), (s) => {
        const once = redact(s).text;
        expect(redact(once).text).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});

describe('redaction on the labelled set (fixtures/pii/labelled.csv)', () => {
  it('finds at least 95% of the identifiers and names, with at least 95% precision', async () => {
    const { readFileSync } = await import('node:fs');
    const Papa = (await import('papaparse')).default;
    const rows = Papa.parse<{ text: string; expected: string }>(readFileSync('fixtures/pii/labelled.csv', 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.length).toBe(160);
    let gold = 0;
    let found = 0;
    let right = 0;
    for (const r of rows) {
      const expected = r.expected.match(/\[(?:PERSONNUMMER|CPR|FODSELSNUMMER|EMAIL|PHONE|ADDRESS|NAME)\]/g) ?? [];
      const got = redact(r.text).text.match(/\[(?:PERSONNUMMER|CPR|FODSELSNUMMER|EMAIL|PHONE|ADDRESS|NAME)\]/g) ?? [];
      gold += expected.length;
      found += got.length;
      // a placeholder counts as found only in a row redacted exactly as labelled
      if (redact(r.text).text === r.expected) right += expected.length;
    }
    expect(right / gold).toBeGreaterThanOrEqual(0.95);
    expect(right / found).toBeGreaterThanOrEqual(0.95);
  });
});
