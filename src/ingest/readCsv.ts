import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { UserError } from '../cli/UserError.js';
import { detectEncoding, ENCODING_NAMES, type Encoding } from './detectEncoding.js';

/** One physical record of the CSV, with the line it starts on (1-based, the header is line 1). */
export interface CsvRecord {
  readonly line: number;
  readonly cells: string[];
}

export interface CsvSource {
  readonly file: string;
  readonly encoding: Encoding;
  readonly delimiter: string;
  readonly header: string[];
  readonly records: AsyncIterable<CsvRecord>;
}

const ICONV_NAME: Record<Encoding, string> = {
  utf8: 'utf8',
  utf16le: 'utf16le',
  utf16be: 'utf16be',
  windows1252: 'win1252',
};

function sniff(file: string): Uint8Array {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw new UserError(`${file}: cannot open (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    const buf = Buffer.alloc(65536);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

function countNewlines(cells: readonly string[]): number {
  let n = 0;
  for (const c of cells) {
    for (let i = 0; i < c.length; i++) {
      const ch = c.charCodeAt(i);
      if (ch === 10) n++;
      else if (ch === 13 && c.charCodeAt(i + 1) !== 10) n++;
    }
  }
  return n;
}

/**
 * Streams a CSV file: detects (or takes) the encoding, strips a byte-order mark, lets papaparse
 * detect the delimiter (comma, semicolon, tab) and yields records with their starting line number.
 * Memory stays flat whatever the file size. Blank lines are skipped but counted.
 */
export async function readCsv(file: string, opts: { encoding?: string } = {}): Promise<CsvSource> {
  let encoding: Encoding | undefined;
  if (opts.encoding) {
    const e = ENCODING_NAMES[opts.encoding.toLowerCase()];
    if (!e) {
      throw new UserError(
        `--encoding ${opts.encoding}: unknown encoding; expected one of utf-8, utf-16le, utf-16be, windows-1252, iso-8859-1`,
        2,
      );
    }
    encoding = e;
  }
  const head = sniff(file);
  encoding ??= detectEncoding(head);
  const delimiter = detectDelimiter(iconv.decode(Buffer.from(head), ICONV_NAME[encoding]));
  const decoded = createReadStream(file).pipe(iconv.decodeStream(ICONV_NAME[encoding], { stripBOM: true }));
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { header: false, skipEmptyLines: false, delimiter });
  decoded.on('error', (e) => parser.destroy(e));
  decoded.pipe(parser);
  const it = (parser as AsyncIterable<string[]>)[Symbol.asyncIterator]();

  // header: the first non-blank record
  let line = 1;
  let header: string[] | undefined;
  while (!header) {
    const r = await it.next();
    if (r.done) throw new UserError(`${file}: empty file; expected a header row naming the columns`);
    const cells = r.value;
    const consumed = 1 + countNewlines(cells);
    if (!(cells.length === 1 && (cells[0] ?? '').trim() === '')) header = cells.map((h) => h.replace(/^\uFEFF/, ''));
    else line += consumed;
    if (header) line += consumed;
  }

  async function* records(): AsyncGenerator<CsvRecord> {
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      const cells = r.value;
      const start = line;
      line += 1 + countNewlines(cells);
      if (cells.length === 1 && (cells[0] ?? '').trim() === '') continue; // blank line
      yield { line: start, cells };
    }
  }
  return { file, encoding, delimiter, header, records: records() };
}

/** The delimiter of the header line: the most frequent of comma, semicolon and tab outside quotes. */
export function detectDelimiter(sample: string): string {
  const text = sample.replace(/^\uFEFF/, '').replace(/^\s*\n/, '');
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch] = (counts[ch] ?? 0) + 1;
  }
  let best = ',';
  for (const d of [';', '\t']) if ((counts[d] ?? 0) > (counts[best] ?? 0)) best = d;
  return best;
}
