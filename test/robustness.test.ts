import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCsv } from '../fixtures/generator/index.js';
import { main } from '../src/cli/main.js';
import { openDatabase } from '../src/store/openDatabase.js';
import { TEST_PIPELINE, captureIo } from './helpers.js';

const ROOT = resolve(import.meta.dirname, '..');

async function counts(db: string) {
  const d = await openDatabase(db, { mustExist: true });
  try {
    const q = async (sql: string) => Number((await d.connection.runAndReadAll(sql)).getRowObjects()[0]?.n);
    return {
      batches: await q('SELECT count(*) AS n FROM batches'),
      comments: await q('SELECT count(*) AS n FROM comments'),
      loaded: await q('SELECT coalesce(sum(rows_loaded), 0) AS n FROM batches'),
      mentionsOrphans: await q('SELECT count(*) AS n FROM mentions WHERE comment_id NOT IN (SELECT comment_id FROM comments)'),
    };
  } finally {
    d.close();
  }
}

describe('a run killed mid-load, and a second process', () => {
  it('leaves the batch fully in or fully out, and locks out a second writer with a clear error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pulse-kill-'));
    const csv = join(dir, 'big.csv');
    const db = join(dir, 'pulse.duckdb');
    await writeCsv({ rows: 30000, seed: 'kill' }, createWriteStream(csv));
    // a first, small batch that must survive whatever happens to the second
    const small = join(dir, 'small.csv');
    await writeCsv({ rows: 200, seed: 'small' }, createWriteStream(small));
    expect(await main(['run', '--input', small, '--db', db, '--pipeline', TEST_PIPELINE], captureIo(dir))).toBe(0);

    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/pulse.ts', 'run', '--input', csv, '--db', db, '--pipeline', TEST_PIPELINE], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const exited = new Promise<void>((r) => child.on('exit', () => r()));
    // wait until it has started loading
    for (let i = 0; i < 200 && !stderr.includes('compiled'); i++) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 400));
    // a second process (here: this one) cannot open the database while the load runs
    await expect(openDatabase(db)).rejects.toThrow('the database is in use by another process');
    child.kill('SIGKILL');
    await exited;

    const after = await counts(db);
    expect([1, 2]).toContain(after.batches);
    expect(after.comments).toBe(after.loaded);
    expect(after.mentionsOrphans).toBe(0);

    // the next run loads the file completely (or finds it complete) and accounts for every row
    const io = captureIo(dir);
    expect(await main(['run', '--input', csv, '--db', db, '--pipeline', TEST_PIPELINE], io)).toBe(0);
    expect(io.stderr()).toMatch(/30,000 rows read = 30,000 loaded \+ 0 rejected/);
    const done = await counts(db);
    expect(done).toEqual({ batches: 2, comments: 30200, loaded: 30200, mentionsOrphans: 0 });
  }, 120_000);
});
