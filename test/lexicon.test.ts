import { describe, expect, it } from 'vitest';
import { checkLexicon } from '../src/lexicon/check.js';
import { readLexiconSource } from '../src/lexicon/load.js';
import { areaRowSchema, polarityRowSchema, unitRowSchema } from '../src/lexicon/schema.js';
import { loadLexicons } from '../src/lexicon/loadLexicons.js';
import { LexiconError, parseTsv } from '../src/lexicon/tsv.js';
import { loadPipeline } from '../src/pipeline/loadPipeline.js';
import { FIXTURES, testClassifier } from './helpers.js';

const AREAS = ['digital', 'wait', 'staff', 'services', 'overall'];

describe('parseTsv', () => {
  it('reads rows with their line numbers, skipping comments and blank lines', () => {
    const text = '# cues\narea\tterm\tnote\n\nwait\tkö\t\n# more\nstaff\tpersonal\tthe staff\n';
    const rows = parseTsv(text, 'x/areas.tsv', ['area', 'term', 'note'], areaRowSchema);
    expect(rows).toEqual([
      { row: { area: 'wait', term: 'kö', note: '' }, file: 'x/areas.tsv', line: 4 },
      { row: { area: 'staff', term: 'personal', note: 'the staff' }, file: 'x/areas.tsv', line: 6 },
    ]);
  });

  it('names file, line and column of a bad value', () => {
    const text = 'term\tvalence\tarea\tnote\nbra\t2\t\t\ndålig\t0\t\t\n';
    expect(() => parseTsv(text, 'sv/polarity.tsv', ['term', 'valence', 'area', 'note'], polarityRowSchema)).toThrow(
      'sv/polarity.tsv:3:2: column "valence" not 0 (neutral words do not belong in polarity.tsv) (found "0")',
    );
  });

  it('numbers weekdays 1 to 7 and months 1 to 12', () => {
    const cols = ['term', 'kind', 'value', 'note'];
    expect(parseTsv('term\tkind\tvalue\tnote\n=friday\tweekday\t5\t\n', 'en/units.tsv', cols, unitRowSchema)).toHaveLength(1);
    expect(() => parseTsv('term\tkind\tvalue\tnote\n=friday\tweekday\t8\t\n', 'en/units.tsv', cols, unitRowSchema)).toThrow(
      /^en\/units\.tsv:2:3: column "value" a weekday is numbered 1 \(Monday\) to 7, a month 1 \(January\) to 12/,
    );
  });

  it('rejects a wrong header and upper-case terms', () => {
    expect(() => parseTsv('term\tvalence\n', 'p.tsv', ['term', 'valence', 'area', 'note'], polarityRowSchema)).toThrow(
      'p.tsv:1: expected the header "term<TAB>valence<TAB>area<TAB>note", found "term<TAB>valence"',
    );
    expect(() =>
      parseTsv('term\tvalence\tarea\tnote\nBra\t2\t\t\n', 'p.tsv', ['term', 'valence', 'area', 'note'], polarityRowSchema),
    ).toThrow(LexiconError);
  });
});

describe('checkLexicon', () => {
  const src = readLexiconSource(`${FIXTURES}/lexicons`, 'sv');
  it('accepts the test lexicon', () => {
    expect(checkLexicon(src, { areas: AREAS })).toEqual([]);
  });
  it('names duplicates, a term in two files, unknown areas and short prefixes', () => {
    const first = src.areas[0]!;
    const bad = {
      ...src,
      areas: [...src.areas, { ...first, line: 99 }, { row: { area: 'parking', term: 'p-plats', note: '' }, file: 'a.tsv', line: 7 }],
      polarity: [...src.polarity, { row: { term: 'kö', valence: -1, area: '', note: '' }, file: 'p.tsv', line: 3 }, { row: { term: 'a*', valence: 2, area: '', note: '' }, file: 'p.tsv', line: 4 }],
    };
    expect(checkLexicon(bad, { areas: AREAS })).toEqual([
      `${first.file}:99: area cue "app" is listed twice (first at line ${first.line})`,
      'p.tsv:3: "kö" is also listed at lexicons/sv/areas.tsv:6; a term belongs to one file',
      'p.tsv:4: "a*": a prefix pattern needs at least 4 letters before the *',
      'a.tsv:7: area "parking" is not one of digital, wait, staff, services, overall',
    ]);
  });
  it('lets a word mark durations from before and after, but not twice from the same side', () => {
    const unit = (kind: 'turnaround' | 'later', line: number) => ({ row: { term: 'därefter', kind, value: 1, note: '' }, file: 'u.tsv', line });
    expect(checkLexicon({ ...src, units: [...src.units, unit('turnaround', 20), unit('later', 21)] }, { areas: AREAS })).toEqual([]);
    expect(checkLexicon({ ...src, units: [...src.units, unit('later', 20), unit('later', 21)] }, { areas: AREAS })).toEqual([
      'u.tsv:21: unit "därefter (later)" is listed twice (first at line 20)',
    ]);
  });
});

describe('compiled matching', () => {
  const lex = testClassifier().lexicons.byLang.get('sv')!;
  const via = (w: string) => [...lex.match(w).via.values()];
  it('matches exact forms, stems, folded spellings and compound heads', () => {
    expect(via('väntetid')).toContain('exact');
    expect(via('väntetiden')).toContain('stem');
    expect(via('vantetiden')).toContain('fold');
    expect(lex.match('telefonkön').compound).toEqual({ modifier: 'telefon', head: 'kön', prefixWeight: 1 });
    expect(lex.match('jättetrevlig').compound).toEqual({ modifier: 'jätte', head: 'trevlig', prefixWeight: 1.5 });
    expect(lex.match('xyz').ids.length).toBe(0);
  });
  it('has a content-hash version', () => {
    expect(testClassifier().version).toMatch(/^[0-9a-f]{12}$/);
  });
});

describe("the project's own lexicons", () => {
  it('load, pass every cross-file check and compile, in all four languages', () => {
    const pipeline = loadPipeline();
    const set = loadLexicons(pipeline.lexiconDir, ['sv', 'da', 'nb', 'en'], pipeline.areaIds);
    expect([...set.byLang.keys()]).toEqual(['sv', 'da', 'nb', 'en']);
    expect(set.version).toMatch(/^[0-9a-f]{12}$/);
  });
});
