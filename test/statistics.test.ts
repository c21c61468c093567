import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/store/openDatabase.js';

let db: Database;
beforeAll(async () => {
  db = await openDatabase(':memory:');
});
afterAll(() => db.close());

async function one(sql: string): Promise<Record<string, unknown>> {
  const rows = (await db.connection.runAndReadAll(sql)).getRowObjects();
  return rows[0] as Record<string, unknown>;
}
const r4 = (x: unknown) => Math.round(Number(x) * 10000) / 10000;

describe('Wilson score interval (Newcombe 1998a, Table I, method 3)', () => {
  // published: 81/263 -> 0.2553-0.3662; 15/148 -> 0.0624-0.1605; 0/20 -> 0-0.1611; 1/29 -> 0.0061-0.1718
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i/%i', async (k, n, lo, hi) => {
    const r = await one(`SELECT pulse_wilson_low(${k}, ${n}) AS lo, pulse_wilson_high(${k}, ${n}) AS hi`);
    expect(r4(r.lo)).toBe(lo);
    expect(r4(r.hi)).toBe(hi);
  });
  it('is undefined for n = 0 and reaches 1 for k = n', async () => {
    const r = await one('SELECT pulse_wilson_low(0, 0) AS lo, pulse_wilson_high(20, 20) AS hi');
    expect(r.lo).toBeNull();
    expect(r4(r.hi)).toBe(1);
  });
});

describe("Newcombe's hybrid score interval for a difference (Newcombe 1998b, Table II, method 10)", () => {
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [0, 10, 0, 10, -0.2775, 0.2775],
    [10, 10, 0, 20, 0.6791, 1],
    [10, 10, 0, 10, 0.6075, 1],
  ])('%i/%i − %i/%i', async (k1, n1, k2, n2, lo, hi) => {
    const r = await one(
      `SELECT pulse_newcombe_low(${k1}, ${n1}, ${k2}, ${n2}) AS lo, pulse_newcombe_high(${k1}, ${n1}, ${k2}, ${n2}) AS hi`,
    );
    expect(r4(r.lo)).toBe(lo);
    expect(r4(r.hi)).toBe(hi);
  });
});

describe('two-proportion test', () => {
  it('matches the pooled z-test', async () => {
    // 56/70 vs 48/80: pooled p = 104/150, se = 0.07547, z = 2.650, two-sided p = 0.00805
    const r = await one('SELECT pulse_two_prop_p(56, 70, 48, 80) AS p');
    expect(Number(r.p)).toBeCloseTo(0.00805, 4);
  });
  it('is 1 when both shares are 0 or both 1, and undefined for n = 0', async () => {
    const r = await one('SELECT pulse_two_prop_p(0, 10, 0, 20) AS a, pulse_two_prop_p(5, 5, 9, 9) AS b, pulse_two_prop_p(1, 0, 1, 2) AS c');
    expect(Number(r.a)).toBe(1);
    expect(Number(r.b)).toBe(1);
    expect(r.c).toBeNull();
  });
});
