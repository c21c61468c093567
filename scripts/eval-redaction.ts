/**
 * Recall and precision of the redactor on the labelled set fixtures/pii/labelled.csv (written for
 * this project, independently of the redactor's code): per placeholder type, a finding counts when
 * it has the gold type and overlaps the gold span; "exact" also needs the same span.
 *
 *   npm run eval:redaction [-- --errors]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { z } from 'zod';
import { findPii, redact, type PiiType } from '../src/redact/redact.js';

const { values } = parseArgs({ options: { file: { type: 'string', default: 'fixtures/pii/labelled.csv' }, errors: { type: 'boolean' } } });
const rowSchema = z.object({ id: z.string(), lang: z.string(), text: z.string(), expected: z.string() });
const rows = Papa.parse<Record<string, string>>(readFileSync(values.file as string, 'utf8'), { header: true, skipEmptyLines: true }).data.map((r, i) => {
  const p = rowSchema.safeParse(r);
  if (!p.success) throw new Error(`${values.file}:${i + 2}: ${p.error.issues[0]?.message}`);
  return p.data;
});

/** The gold spans: where the expected text puts placeholders, located in the original text. */
export function goldSpans(text: string, expected: string): { type: PiiType; start: number; end: number }[] {
  const parts = expected.split(/\[(PERSONNUMMER|CPR|FODSELSNUMMER|EMAIL|PHONE|ADDRESS|NAME)\]/);
  const spans: { type: PiiType; start: number; end: number }[] = [];
  let at = 0;
  for (let i = 0; i < parts.length; i += 2) {
    const lit = parts[i] as string;
    if (i > 0) {
      const type = parts[i - 1] as PiiType;
      // the placeholder covers text up to where the next literal starts
      const next = lit === '' && i + 1 >= parts.length ? text.length : text.indexOf(lit, at + 1);
      spans.push({ type, start: at, end: lit === '' && i + 1 >= parts.length ? text.length : next });
      at = next;
    }
    if (text.slice(at, at + lit.length) !== lit) throw new Error(`expected text does not align: ${expected}`);
    at += lit.length;
  }
  return spans;
}

const types = ['PERSONNUMMER', 'CPR', 'FODSELSNUMMER', 'EMAIL', 'PHONE', 'ADDRESS', 'NAME'] as const;
const stat = Object.fromEntries(types.map((t) => [t, { gold: 0, pred: 0, tp: 0, exact: 0 }]));
let rowsRight = 0;
for (const r of rows) {
  const gold = goldSpans(r.text, r.expected);
  const pred = findPii(r.text);
  for (const g of gold) (stat[g.type] as { gold: number }).gold++;
  for (const p of pred) {
    const s = stat[p.type] as { pred: number; tp: number; exact: number };
    s.pred++;
    const hit = gold.find((g) => g.type === p.type && g.start < p.end && p.start < g.end);
    if (hit) {
      s.tp++;
      if (hit.start === p.start && hit.end === p.end) s.exact++;
    }
  }
  const ok = redact(r.text).text === r.expected;
  if (ok) rowsRight++;
  else if (values.errors) process.stderr.write(`${r.id}\n  expected ${r.expected}\n  got      ${redact(r.text).text}\n`);
}
const out = ['| type | gold | found | recall | precision | exact spans |', '|---|--:|--:|--:|--:|--:|'];
let G = 0, P = 0, T = 0;
for (const t of types) {
  const s = stat[t] as { gold: number; pred: number; tp: number; exact: number };
  G += s.gold; P += s.pred; T += s.tp;
  out.push(`| ${t} | ${s.gold} | ${s.pred} | ${s.gold ? (s.tp / s.gold).toFixed(3) : '–'} | ${s.pred ? (s.tp / s.pred).toFixed(3) : '–'} | ${s.exact} |`);
}
out.push(`| all | ${G} | ${P} | ${(T / G).toFixed(3)} | ${(T / P).toFixed(3)} | |`);
out.push('', `rows redacted exactly as labelled: ${rowsRight} of ${rows.length}`);
process.stdout.write(`${out.join('\n')}\n`);
