import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { openDatabase, type Database } from '../src/store/openDatabase.js';
import { FIXTURES, TEST_PIPELINE, captureIo } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'pulse-e2e-'));
const dbPath = join(dir, 'pulse.duckdb');
const input = join(FIXTURES, 'csv', 'small.csv');

async function rows(db: Database, sql: string) {
  return (await db.connection.runAndReadAll(sql)).getRowObjects();
}
const r4 = (x: unknown) => (x === null ? null : Math.round(Number(x) * 10000) / 10000);

describe('pulse run → DuckDB → views → report (test lexicon)', () => {
  let firstRun: ReturnType<typeof captureIo>;
  let code: number;
  beforeAll(async () => {
    firstRun = captureIo(dir);
    code = await main(['run', '--input', input, '--db', dbPath, '--pipeline', TEST_PIPELINE], firstRun);
  });

  it('loads every row or rejects it, and says so on stderr only', () => {
    expect(code).toBe(3); // done, but a row was rejected
    expect(firstRun.stdout()).toBe('');
    expect(firstRun.stderr()).toContain('13 rows read = 12 loaded + 1 rejected');
  });

  describe('database contents', () => {
    let db: Database;
    beforeAll(async () => {
      db = await openDatabase(dbPath, { mustExist: true });
    });
    afterAll(() => db.close());

    it('records the batch with its counts and provenance', async () => {
      const [b] = await rows(db, 'SELECT batch_id, source, rows_read, rows_loaded, rows_rejected, pipeline, length(lexicon_version) AS lv FROM batches');
      expect(b).toEqual({ batch_id: 1, source: 'small.csv', rows_read: 13n, rows_loaded: 12n, rows_rejected: 1n, pipeline: 'test', lv: 12n });
      expect(await rows(db, 'SELECT batch_id, line, reason FROM rejects')).toEqual([
        { batch_id: 1, line: 14n, reason: 'column "text" (3): the text is empty' },
      ]);
    });

    it('stores redacted comments and their mentions', async () => {
      const c = await rows(db, "SELECT source_id, text, redactions FROM comments WHERE source_id = '12'");
      expect(c).toEqual([{ source_id: '12', text: 'Personalen var trevlig, ring mig på [PHONE]', redactions: 1 }]);
      const m = await rows(
        db,
        'SELECT c.source_id, m.area, m.polarity FROM mentions m JOIN comments c USING (comment_id) ORDER BY c.line, m.area',
      );
      expect(m.map((r) => `${r.source_id}:${r.area}:${r.polarity}`)).toEqual([
        '1:wait:neg', '2:wait:pos', '3:staff:pos', '4:staff:pos', '4:wait:neg', '5:wait:pos', '6:staff:neg',
        '7:wait:pos', '8:staff:pos', '8:wait:pos', '10:overall:pos', '11:wait:neg', '12:staff:pos',
      ]);
    });

    it('computes area_shares with Wilson intervals and suppression', async () => {
      const s = await rows(
        db,
        `SELECT area, year, n, n_pos, n_neu, n_neg, share_pos, share_pos_low, share_pos_high, suppressed, n_comments
         FROM area_shares WHERE municipality IS NULL ORDER BY year, area`,
      );
      expect(s.map((r) => ({ ...r, share_pos: r4(r.share_pos), share_pos_low: r4(r.share_pos_low), share_pos_high: r4(r.share_pos_high) }))).toEqual([
        { area: 'staff', year: 2023, n: 3n, n_pos: 2n, n_neu: 0n, n_neg: 1n, share_pos: 0.6667, share_pos_low: 0.2077, share_pos_high: 0.9385, suppressed: false, n_comments: 6n },
        { area: 'wait', year: 2023, n: 4n, n_pos: 2n, n_neu: 0n, n_neg: 2n, share_pos: 0.5, share_pos_low: 0.15, share_pos_high: 0.85, suppressed: false, n_comments: 6n },
        { area: 'overall', year: 2024, n: 1n, n_pos: 1n, n_neu: 0n, n_neg: 0n, share_pos: 1, share_pos_low: 0.2065, share_pos_high: 1, suppressed: true, n_comments: 6n },
        { area: 'staff', year: 2024, n: 2n, n_pos: 2n, n_neu: 0n, n_neg: 0n, share_pos: 1, share_pos_low: 0.3424, share_pos_high: 1, suppressed: true, n_comments: 6n },
        { area: 'wait', year: 2024, n: 3n, n_pos: 2n, n_neu: 0n, n_neg: 1n, share_pos: 0.6667, share_pos_low: 0.2077, share_pos_high: 0.9385, suppressed: false, n_comments: 6n },
      ]);
    });

    it('computes area_changes with Newcombe intervals, p-values and BH adjustment', async () => {
      const c = await rows(
        db,
        `SELECT area, year, prev_year, pp_change, pp_low, pp_high, p_value, p_adjusted, significant, suppressed
         FROM area_changes WHERE municipality IS NULL AND year = 2024 ORDER BY area`,
      );
      expect(c.map((r) => ({ ...r, pp_change: r4(r.pp_change), pp_low: r4(r.pp_low), pp_high: r4(r.pp_high), p_value: r4(r.p_value), p_adjusted: r4(r.p_adjusted) }))).toEqual([
        { area: 'overall', year: 2024, prev_year: null, pp_change: null, pp_low: null, pp_high: null, p_value: null, p_adjusted: null, significant: false, suppressed: true },
        { area: 'staff', year: 2024, prev_year: 2023, pp_change: 33.3333, pp_low: -37.8257, pp_high: 79.234, p_value: 0.3613, p_adjusted: null, significant: false, suppressed: true },
        { area: 'wait', year: 2024, prev_year: 2023, pp_change: 16.6667, pp_low: -41.0534, pp_high: 60.9804, p_value: 0.6592, p_adjusted: 0.6592, significant: false, suppressed: false },
      ]);
    });
  });

  it('does not double-count the same file', async () => {
    const io = captureIo(dir);
    expect(await main(['run', '--input', input, '--db', dbPath, '--pipeline', TEST_PIPELINE], io)).toBe(0);
    expect(io.stderr()).toContain('already loaded as batch 1');
    const db = await openDatabase(dbPath, { mustExist: true });
    try {
      expect(await rows(db, 'SELECT count(*) AS n FROM comments')).toEqual([{ n: 12n }]);
      expect(await rows(db, 'SELECT count(*) AS n FROM batches')).toEqual([{ n: 1n }]);
    } finally {
      db.close();
    }
  });

  it('writes the report as markdown and JSON', async () => {
    const io = captureIo(dir);
    expect(await main(['report', '--db', dbPath, '--year', '2024', '--format', 'md', '--output', '-', '--pipeline', TEST_PIPELINE], io)).toBe(0);
    expect(io.stdout()).toContain('| Wait | 3 | 67% | 21–94% | 0% | 33% | +16.7 pp | -41.1 to 61.0 | 0.659 |');
    expect(io.stdout()).toContain('| Staff | 2 | n < 3 |');
    const out = join(dir, 'r.json');
    expect(await main(['report', '--db', dbPath, '--year', '2024', '--municipality', 'Lund', '--output', out, '--pipeline', TEST_PIPELINE], captureIo(dir))).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8')) as { municipality: string; areas: { area: string; n: number }[] };
    expect(json.municipality).toBe('Lund');
    expect(json.areas.map((a) => [a.area, a.n])).toEqual([['digital', 0], ['wait', 2], ['staff', 1], ['services', 0], ['overall', 1]]);
  });

  it('classifies a CSV to clean JSONL in input order', async () => {
    const io = captureIo(dir);
    expect(await main(['classify', '--input', input, '--pipeline', TEST_PIPELINE], io)).toBe(3);
    const lines = io.stdout().trim().split('\n').map((l) => JSON.parse(l) as { id: string | null; areas?: unknown[] });
    expect(lines.map((l) => l.id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', null]);
    expect(lines[0]).toEqual({
      id: '1',
      lang: 'sv',
      sentiment: { label: 'neg', score: -0.707 },
      areas: [
        {
          area: 'wait',
          polarity: 'neg',
          score: -0.707,
          evidence: [
            { text: 'Lång', start: 0, end: 4, rule: 'aspect:duration', entry: 'lexicons/sv/aspects.json:1 lång' },
            { text: 'väntetid', start: 5, end: 13, rule: 'area-cue', entry: 'lexicons/sv/areas.tsv:5 väntetid' },
            { text: 'väntetid', start: 5, end: 13, rule: 'aspect-target:duration', entry: 'lexicons/sv/aspects.json:1 väntetid' },
          ],
        },
      ],
    });
  });

  it('fails with one clear line for bad usage and missing files', async () => {
    const io = captureIo(dir);
    expect(await main(['report', '--db', dbPath], io)).toBe(2);
    expect(io.stderr()).toBe('pulse report: --year is required\n');
    const io2 = captureIo(dir);
    expect(await main(['run', '--input', join(dir, 'nope.csv'), '--db', dbPath, '--pipeline', TEST_PIPELINE], io2)).toBe(1);
    expect(io2.stderr()).toContain(`pulse run: ${join(dir, 'nope.csv')}: cannot open (ENOENT)`);
  });
});
