import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { realClassifier } from './helpers.js';

describe('language identification (the project lexicons)', () => {
  it('tells the four languages apart, Danish from Norwegian included', () => {
    const c = realClassifier();
    expect(c.detect('Personalen var jättetrevlig men kön var lång')).toBe('sv');
    expect(c.detect('Medarbejderen var meget sød og hjælpsom, men jeg ventede en time i telefonkøen')).toBe('da');
    expect(c.detect('Saksbehandleren var hyggelig, men ventetiden var altfor lang')).toBe('nb');
    expect(c.detect('The staff were lovely but the queue was far too long')).toBe('en');
  });

  it('breaks a tie between English and loanwords in a Scandinavian lexicon towards English', () => {
    // "good" and "service" are listed in the Swedish and Norwegian lexicons too
    expect(realClassifier().detect('Good service')).toBe('en');
    // Nordic letters outweigh it
    expect(realClassifier().detect('Good service, tack så mycket för hjälpen')).toBe('sv');
  });

  it('lets a given language win over detection', () => {
    const c = realClassifier();
    expect(c.classify('Good service', 'sv')).toMatchObject({ lang: 'sv', langSource: 'given' });
    expect(c.classify('Good service', 'auto')).toMatchObject({ lang: 'en', langSource: 'detected' });
  });

  it('is right for at least 95% of the gold comments', () => {
    const dir = join(import.meta.dirname, '..', 'fixtures', 'gold');
    let n = 0;
    let right = 0;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.csv'))) {
      const rows = Papa.parse<{ lang: string; text: string }>(readFileSync(join(dir, f), 'utf8'), { header: true, skipEmptyLines: true }).data;
      for (const r of rows) {
        n++;
        if (realClassifier().detect(r.text) === r.lang) right++;
      }
    }
    expect(n).toBeGreaterThan(2500);
    expect(right / n).toBeGreaterThanOrEqual(0.95);
  });
});
