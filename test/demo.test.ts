import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { FIXTURES, captureIo } from './helpers.js';

describe('pulse demo (what npm start runs), on a small input with the real lexicons', () => {
  it('prints the year table and the largest changes on stdout only, and writes the report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pulse-demo-'));
    const io = captureIo(dir);
    const db = join(dir, 'pulse.duckdb');
    const html = join(dir, 'report.html');
    const code = await main(['demo', '--input', join(FIXTURES, 'csv', 'small.csv'), '--db', db, '--output', html], io);
    expect(code).toBe(0);
    const out = io.stdout().split('\n');
    expect(out[0]).toBe(
      '% positive per area and year, all municipalities (change from the previous year; * significant after Benjamini-Hochberg, p_adj < 0.05)',
    );
    expect(out[1]).toMatch(/^area\s+2023\s+2024$/);
    expect(out.slice(3, 8).map((l) => l.split(/\s{2,}/)[0])).toEqual([
      'Digital services',
      'Waiting time',
      'Staff treatment',
      'Municipal services',
      'Overall experience',
    ]);
    expect(io.stdout()).toContain('Largest changes by municipality, 2023 to 2024');
    expect(io.stderr()).toContain('13 rows read = 12 loaded + 1 rejected');
    expect(existsSync(db)).toBe(true);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!doctype html>/);
  });
});
