/**
 * Picks the text encoding of a CSV export from its first bytes: a byte-order mark decides
 * (UTF-8, UTF-16 LE/BE, as Excel's "Unicode text" writes); otherwise valid UTF-8 is UTF-8 and
 * anything else is taken as Windows-1252 (a superset of ISO-8859-1 for text).
 */
export type Encoding = 'utf8' | 'utf16le' | 'utf16be' | 'windows1252';

export const ENCODING_NAMES: Record<string, Encoding> = {
  'utf8': 'utf8',
  'utf-8': 'utf8',
  'utf16le': 'utf16le',
  'utf-16le': 'utf16le',
  'utf-16': 'utf16le',
  'utf16be': 'utf16be',
  'utf-16be': 'utf16be',
  'windows-1252': 'windows1252',
  'windows1252': 'windows1252',
  'cp1252': 'windows1252',
  'latin1': 'windows1252',
  'iso-8859-1': 'windows1252',
  'iso88591': 'windows1252',
};

export function detectEncoding(head: Uint8Array): Encoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf16be';
  // UTF-16 without BOM: every other byte zero in ASCII text
  if (head.length >= 4 && head[1] === 0 && head[3] === 0 && head[0] !== 0) return 'utf16le';
  // a multi-byte sequence may be cut at the end of the sample: drop up to 3 trailing bytes
  let end = head.length;
  for (let k = 0; k < 3 && end > 0; k++) {
    const b = head[end - 1] as number;
    if (b < 0x80) break;
    end--;
    if (b >= 0xc0) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return 'utf8';
  } catch {
    return 'windows1252';
  }
}
