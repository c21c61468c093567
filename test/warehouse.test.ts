import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../src/aggregate/benjaminiHochberg.js';
import { main } from '../src/cli/main.js';
import { parsePeerGroups } from '../src/store/loadPeerGroups.js';
import { openDatabase } from '../src/store/openDatabase.js';
import { FIXTURES, TEST_PIPELINE, captureIo } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'pulse-wh-'));
const db = join(dir, 'w.duckdb');
const r4 = (x: unknown) => (x === null ? null : Math.round(Number(x) * 10000) / 10000);

async function query(sql: string) {
  const d = await openDatabase(db, { mustExist: true });
  try {
    return (await d.connection.runAndReadAll(sql)).getRowObjects();
  } finally {
    d.close();
  }
}

beforeAll(async () => {
  const input = join(FIXTURES, 'csv', 'small.csv');
  const code = await main(
    ['run', '--input', input, '--db', db, '--pipeline', TEST_PIPELINE, '--peer-groups', join(FIXTURES, 'csv', 'peers.csv')],
    captureIo(dir),
  );
  expect(code).toBe(3);
});

describe('Benjamini-Hochberg', () => {
  it('adjusts step-up and keeps nulls out of the count', () => {
    // m = 4: 0.01*4/1 = 0.04, 0.02*4/2 = 0.04, 0.03*4/3 = 0.04, 0.5*4/4 = 0.5
    expect(benjaminiHochberg([0.03, null, 0.5, 0.01, 0.02])).toEqual([0.04, null, 0.5, 0.04, 0.04]);
    expect(benjaminiHochberg([0.9, 0.8])).toEqual([0.9, 0.9]);
    expect(benjaminiHochberg([])).toEqual([]);
  });
});

describe('benchmarks and decomposition', () => {
  it('compares a municipality with the rest (not a total that includes it) and its peer group', async () => {
    const rows = await query(
      `SELECT municipality, area, n, share_pos, rest_n, rest_share_pos, pp_vs_rest, peer_group, peer_n, pp_vs_peers
       FROM area_benchmarks WHERE year = 2023 AND area = 'wait' ORDER BY municipality`,
    );
    // 2023 wait: Lund 1 of 3 positive, Umeå 1 of 1
    expect(rows.map((r) => ({ ...r, share_pos: r4(r.share_pos), rest_share_pos: r4(r.rest_share_pos), pp_vs_rest: r4(r.pp_vs_rest), pp_vs_peers: r4(r.pp_vs_peers) }))).toEqual([
      { municipality: 'Lund', area: 'wait', n: 3n, share_pos: 0.3333, rest_n: 1n, rest_share_pos: 1, pp_vs_rest: -66.6667, peer_group: 'university town', peer_n: 1n, pp_vs_peers: -66.6667 },
      { municipality: 'Umeå', area: 'wait', n: 1n, share_pos: 1, rest_n: 3n, rest_share_pos: 0.3333, pp_vs_rest: 66.6667, peer_group: 'university town', peer_n: 3n, pp_vs_peers: 66.6667 },
    ]);
  });

  it('splits the change in positive mentions into volume and share effects that add up', async () => {
    const rows = await query(
      `SELECT n_pos_change, volume_effect, share_effect FROM area_changes WHERE municipality IS NULL AND area = 'wait' AND year = 2024`,
    );
    // 2023: 2 of 4 positive; 2024: 2 of 3 → change 0 = (3 − 4)·0.5 + 3·(2/3 − 1/2)
    expect(rows.map((r) => [Number(r.n_pos_change), r4(r.volume_effect), r4(r.share_effect)])).toEqual([[0, -0.5, 0.5]]);
  });

  it('rejects a peer-group file with a missing column or a duplicate', () => {
    expect(() => parsePeerGroups('kommun,group\nLund,a\n', 'p.csv')).toThrow('p.csv:1: missing required column "municipality"; the header has "kommun", "group"');
    expect(() => parsePeerGroups('municipality,peer_group\nLund,a\nLund,b\n', 'p.csv')).toThrow('p.csv:3: municipality "Lund" is listed twice (first on line 2)');
  });
});

describe('compare, rescore, export', () => {
  it('splits shares and changes by a column and a date', async () => {
    const io = captureIo(dir);
    expect(await main(['compare', '--db', db, '--by', 'channel', '--area', 'wait', '--format', 'json'], io)).toBe(0);
    const rows = JSON.parse(io.stdout()) as { segment: string; period: string; n: number; n_pos: number; prev_period: string | null }[];
    expect(rows.map((r) => `${r.segment}:${r.period}:${r.n_pos}/${r.n}:${r.prev_period}`)).toEqual([
      'phone:2023:1/3:null',
      'phone:2024:2/3:2023',
      'web:2023:1/1:null',
    ]);
  });

  it('re-classifies stored comments in one transaction and keeps the counts', async () => {
    const before = await query('SELECT count(*) AS n FROM mentions');
    const io = captureIo(dir);
    expect(await main(['rescore', '--db', db, '--pipeline', TEST_PIPELINE, '--all'], io)).toBe(0);
    expect(io.stderr()).toMatch(/^rescore: 12 comments re-classified with lexicon [0-9a-f]{12}/);
    expect(await query('SELECT count(*) AS n FROM mentions')).toEqual(before);
  });

  it('exports Parquet partitioned by year, readable by DuckDB', async () => {
    const out = join(dir, 'parquet');
    expect(await main(['export', '--db', db, '--output', out], captureIo(dir))).toBe(0);
    const d = await openDatabase(':memory:');
    try {
      const rows = (
        await d.connection.runAndReadAll(
          `SELECT year, count(*) AS n FROM read_parquet($p, hive_partitioning = true) GROUP BY year ORDER BY year`,
          { p: `${out}/comments/*/*.parquet` },
        )
      ).getRowObjects();
      expect(rows).toEqual([
        { year: 2023n, n: 6n },
        { year: 2024n, n: 6n },
      ]);
    } finally {
      d.close();
    }
    const again = captureIo(dir);
    expect(await main(['export', '--db', db, '--output', out], again)).toBe(1);
    expect(again.stderr()).toBe(`pulse export: ${out}: the output folder is not empty\n`);
  });

  it('neutralises spreadsheet formulas in CSV exports', async () => {
    const f = join(dir, 'formula.csv');
    writeFileSync(f, 'id,municipality,year,text\n1,Lund,2024,"=HYPERLINK(""http://x"")"\n2,Lund,2024,+46 bra\n');
    const db2 = join(dir, 'f.duckdb');
    expect(await main(['run', '--input', f, '--db', db2, '--pipeline', TEST_PIPELINE], captureIo(dir))).toBe(0);
    const out = join(dir, 'csv');
    expect(await main(['export', '--db', db2, '--format', 'csv', '--output', out], captureIo(dir))).toBe(0);
    const text = readFileSync(join(out, 'comments.csv'), 'utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(text).toContain(`'+46 bra`);
  });
});

describe('retroactive redaction and safe reports', () => {
  it('redacts a database loaded with --keep-raw, re-classifying what changed', async () => {
    const f = join(dir, 'raw.csv');
    writeFileSync(f, 'id,municipality,year,text,contact\n1,Lund,2024,"Lång kö, ring 070-123 45 67",anna@example.se\n2,Lund,2024,<script>alert(1)</script> bra,\n');
    const db3 = join(dir, 'raw.duckdb');
    expect(await main(['run', '--input', f, '--db', db3, '--pipeline', TEST_PIPELINE, '--keep-raw'], captureIo(dir))).toBe(0);
    const io = captureIo(dir);
    expect(await main(['redact', '--db', db3, '--pipeline', TEST_PIPELINE], io)).toBe(0);
    expect(io.stderr()).toBe('redact: 1 identifiers redacted in 1 comments (re-classified), 0 rejected rows redacted\n');
    const d = await openDatabase(db3, { mustExist: true });
    try {
      const rows = (await d.connection.runAndReadAll('SELECT source_id, text, extra, redactions FROM comments ORDER BY source_id')).getRowObjects();
      expect(rows).toEqual([
        { source_id: '1', text: 'Lång kö, ring [PHONE]', extra: '{"contact":"[EMAIL]"}', redactions: 1 },
        { source_id: '2', text: '<script>alert(1)</script> bra', extra: '{"contact":""}', redactions: 0 },
      ]);
      const ev = (await d.connection.runAndReadAll("SELECT evidence FROM mentions WHERE area = 'wait'")).getRowObjects();
      expect(JSON.parse(String(ev[0]?.evidence))).toEqual([
        { text: 'Lång', start: 0, end: 4, rule: 'aspect:duration', entry: 'lexicons/sv/aspects.json:1 lång' },
        { text: 'kö', start: 5, end: 7, rule: 'area-cue', entry: 'lexicons/sv/areas.tsv:6 kö' },
        { text: 'kö', start: 5, end: 7, rule: 'aspect-target:duration', entry: 'lexicons/sv/aspects.json:1 kö' },
      ]);
    } finally {
      d.close();
    }
    // the report shows comment text escaped, never as markup
    const out = join(dir, 'r.html');
    expect(await main(['report', '--db', db3, '--year', '2024', '--output', out, '--pipeline', TEST_PIPELINE], captureIo(dir))).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; bra');
  });
});

describe('repeated ids within a batch', () => {
  it('keeps the first row and rejects the later ones, with their lines', async () => {
    const f = join(dir, 'dupes.csv');
    writeFileSync(f, 'id,municipality,year,text\n7,Lund,2024,Lång kö\n8,Lund,2024,Bra\n7,Lund,2024,Kort kö\n7,Lund,2024,Igen\n');
    const db4 = join(dir, 'dupes.duckdb');
    const io = captureIo(dir);
    expect(await main(['run', '--input', f, '--db', db4, '--pipeline', TEST_PIPELINE], io)).toBe(3);
    expect(io.stderr()).toContain('4 rows read = 2 loaded + 2 rejected');
    const d = await openDatabase(db4, { mustExist: true });
    try {
      const q = async (sql: string) => (await d.connection.runAndReadAll(sql)).getRowObjects();
      expect(await q('SELECT line, reason, raw FROM rejects ORDER BY line')).toEqual([
        { line: 4n, reason: 'duplicate id "7" (first on line 2)', raw: 'id=7 text=Kort kö' },
        { line: 5n, reason: 'duplicate id "7" (first on line 2)', raw: 'id=7 text=Igen' },
      ]);
      expect(await q('SELECT source_id, text FROM comments ORDER BY line')).toEqual([
        { source_id: '7', text: 'Lång kö' },
        { source_id: '8', text: 'Bra' },
      ]);
      expect(await q('SELECT rows_read, rows_loaded, rows_rejected FROM batches')).toEqual([{ rows_read: 4n, rows_loaded: 2n, rows_rejected: 2n }]);
      expect(await q('SELECT count(*) AS n FROM mentions WHERE comment_id NOT IN (SELECT comment_id FROM comments)')).toEqual([{ n: 0n }]);
    } finally {
      d.close();
    }
  });
});

describe('Benjamini-Hochberg in the area_changes view', () => {
  it('equals the reference implementation over all unsuppressed cells of a year', async () => {
    const db5 = join(dir, 'bh.duckdb');
    const input = join(FIXTURES, 'csv', 'small.csv');
    expect(await main(['run', '--input', input, '--db', db5, '--pipeline', TEST_PIPELINE, '--min-base', '1'], captureIo(dir))).toBe(3);
    const d = await openDatabase(db5, { mustExist: true });
    try {
      const rows = (
        await d.connection.runAndReadAll(
          `SELECT municipality, area, p_value, p_adjusted FROM area_changes
           WHERE year = 2024 AND NOT suppressed ORDER BY municipality NULLS FIRST, area`,
        )
      ).getRowObjects();
      const ps = rows.map((r) => (r.p_value === null ? null : Number(r.p_value)));
      expect(ps.filter((p) => p !== null).length).toBeGreaterThanOrEqual(4);
      const reference = benjaminiHochberg(ps);
      rows.forEach((r, i) => {
        if (reference[i] === null) expect(r.p_adjusted).toBeNull();
        else expect(Number(r.p_adjusted)).toBeCloseTo(reference[i] as number, 12);
      });
    } finally {
      d.close();
    }
    // a municipality's report sets it against the rest: Lund 2024 wait 2 of 2, Umeå 0 of 1
    const out = join(dir, 'lund.json');
    expect(await main(['report', '--db', db5, '--year', '2024', '--municipality', 'Lund', '--output', out, '--pipeline', TEST_PIPELINE], captureIo(dir))).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { benchmarks: { area: string; pp_vs_rest: number; peer_group: string | null }[] };
    expect(report.benchmarks.find((b) => b.area === 'wait')).toMatchObject({ area: 'wait', pp_vs_rest: 100, peer_group: null });
  });
});
