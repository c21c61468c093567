import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../src/ingest/readCsv.js';
import { readComments, type RowResult } from '../src/ingest/readComments.js';

const dir = mkdtempSync(join(tmpdir(), 'pulse-ingest-'));
function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}
async function collect(path: string, required: ('id' | 'text' | 'year' | 'municipality')[] = ['id', 'text'], encoding?: string) {
  const s = await readComments(path, { required, encoding });
  const out: RowResult[] = [];
  for await (const r of s.rows) out.push(r);
  return { encoding: s.encoding, rows: out };
}
const texts = (rows: RowResult[]) => rows.map((r) => ('ok' in r ? r.ok.text : `REJECT ${r.reject.line}: ${r.reject.reason}`));

describe('reading comment CSVs', () => {
  it('reads UTF-8 with BOM, CRLF, quoted newlines and quotes, with the right line numbers', async () => {
    const p = file('a.csv', '\uFEFFID , Text\r\n1,"Lång kö, ""verkligen""\r\nalltså"\r\n\r\n2,Bra\r\n');
    const { encoding, rows } = await collect(p);
    expect(encoding).toBe('utf8');
    expect(rows.map((r) => ('ok' in r ? [r.ok.line, r.ok.id, r.ok.text] : r))).toEqual([
      [2, '1', 'Lång kö, "verkligen"\r\nalltså'],
      [5, '2', 'Bra'],
    ]);
  });

  it('detects semicolons and tabs', async () => {
    expect(detectDelimiter('id;text;year\n')).toBe(';');
    expect(detectDelimiter('id\ttext\n')).toBe('\t');
    expect(detectDelimiter('"a;b",c\n')).toBe(',');
    expect(texts((await collect(file('b.csv', 'id;text\n1;väntetid, lång\n'))).rows)).toEqual(['väntetid, lång']);
  });

  it("reads Excel's UTF-16 LE with BOM and Windows-1252", async () => {
    const u16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id\ttext\r\n1\tbemötande\r\n', 'utf16le')]);
    const a = await collect(file('c.csv', u16));
    expect(a.encoding).toBe('utf16le');
    expect(texts(a.rows)).toEqual(['bemötande']);
    const cp = Buffer.from([...Buffer.from('id,text\n1,v'), 0xe4, ...Buffer.from('ntetid\n')]);
    const b = await collect(file('d.csv', cp));
    expect(b.encoding).toBe('windows1252');
    expect(texts(b.rows)).toEqual(['väntetid']);
    const named = await collect(file('e.csv', cp), ['id', 'text'], 'iso-8859-1');
    expect(texts(named.rows)).toEqual(['väntetid']);
  });

  it('rejects ragged rows, empty texts, bad years and duplicate ids with line and reason', async () => {
    const p = file('f.csv', 'id,text,year,municipality\n1,ok,2024,Lund\n2,too,many,2024,Lund\n3,,2024,Lund\n4,x,24,Lund\n1,again,2024,Lund\n5,y,2023,\n');
    const { rows } = await collect(p, ['id', 'text', 'year', 'municipality']);
    expect(texts(rows)).toEqual([
      'ok',
      'REJECT 3: expected 4 columns as in the header, found 5',
      'REJECT 4: column "text" (2): the text is empty',
      'REJECT 5: column "year" (3): the year must be four digits, e.g. 2024',
      'REJECT 6: duplicate id "1" (first on line 2)',
      'REJECT 7: column "municipality" (4): the municipality is empty',
    ]);
  });

  it('names a missing column and the headers found', async () => {
    const p = file('g.csv', 'ID,Comment\n1,x\n');
    await expect(collect(p)).rejects.toThrow(`${p}:1: missing required column "text"; the header has "ID", "Comment"`);
  });

  it('keeps extra columns', async () => {
    const { rows } = await collect(file('h.csv', 'id,text,Unit\n1,x,jobcenter\n'));
    expect(rows[0] && 'ok' in rows[0] ? rows[0].ok.extra : undefined).toEqual({ unit: 'jobcenter' });
  });
});

describe('CSV reader on arbitrary content (property)', () => {
  it('loses no row and changes no text, whatever the cells contain', async () => {
    const fc = (await import('fast-check')).default;
    const Papa = (await import('papaparse')).default;
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((t) => t.trim() !== '' && !t.startsWith('\uFEFF')), { minLength: 1, maxLength: 12 }),
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n'),
        async (textsIn, delimiter, newline) => {
          const rows = textsIn.map((t, i) => [String(i + 1), t]);
          const csv = Papa.unparse({ fields: ['id', 'text'], data: rows }, { delimiter, newline, quotes: true });
          const p = file(`prop-${n++}.csv`, csv + newline);
          const { rows: out } = await collect(p);
          expect(out.length).toBe(rows.length);
          expect(texts(out)).toEqual(textsIn);
        },
      ),
      { numRuns: 60 },
    );
  });
});
