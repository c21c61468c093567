/**
 * Tokenizer with UTF-16 offsets into the original text, so every piece of evidence can point back
 * at the characters it came from. Pure: text in, tokens out.
 */

export type TokenKind = 'word' | 'number' | 'emoji' | 'emoticon' | 'placeholder' | 'punct' | 'break';

export interface Token {
  /** the token as written */
  readonly text: string;
  /** lower-cased, apostrophes unified, letters repeated three or more times collapsed */
  readonly norm: string;
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
  /** written in capitals (two or more letters, all upper case) */
  readonly caps: boolean;
}

// Order matters: placeholders and emoticons before words and punctuation. Capture groups, in
// order: 1 placeholder, 2 emoticon, 3 emoji, 4 word, 5 number, 6 break, 7 punct (numbered, not
// named: a named group allocates an object per match on the hot path).
const TOKEN_RE = new RegExp(
  [
    String.raw`(\[[A-Z_]{2,}\])`,
    String.raw`((?<![\p{L}\p{N}])(?:[:;=8xX][\-'^o]?[)(\]\[dDpP/\\|*3]+|<3+|\^\^|\^_\^|:'\(|:-?\|)(?![\p{L}\p{N}]))`,
    String.raw`(\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}|\p{Emoji_Modifier})*)`,
    String.raw`([\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}]+|-[\p{L}\p{N}]+|\.[\p{L}\p{N}]{1,3}(?![\p{L}\p{N}]))*'?)`,
    // a rating ("10/10", "5/5") is one token, so a lexicon can list it
    String.raw`(\p{N}+\/(?:10|5)(?![\p{N}/])|\p{N}+(?:[.,:]\p{N}+)*)`,
    String.raw`(\n\s*|[.!?…]+|[;:–—]|\s-\s)`,
    String.raw`([^\s])`,
  ].join('|'),
  'gu',
);

const REPEAT_RE = /(\p{L})\1{2,}/gu;
const NORM_CACHE = new Map<string, string>();

/** Lower case, curly apostrophe straightened, a letter repeated three or more times kept once. */
export function normalizeWord(word: string): string {
  let n = NORM_CACHE.get(word);
  if (n !== undefined) return n;
  n = word.toLowerCase();
  if (n.includes('’')) n = n.replace(/’/g, "'");
  if (hasTriple(n)) n = n.replace(REPEAT_RE, '$1');
  if (NORM_CACHE.size > 20_000) NORM_CACHE.clear();
  NORM_CACHE.set(word, n);
  return n;
}

function hasTriple(s: string): boolean {
  for (let i = 2; i < s.length; i++) if (s[i] === s[i - 1] && s[i] === s[i - 2]) return true;
  return false;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    const start = m.index;
    const raw = m[0];
    const kind: TokenKind =
      m[4] !== undefined
        ? 'word'
        : m[6] !== undefined
          ? 'break'
          : m[7] !== undefined
            ? 'punct'
            : m[5] !== undefined
              ? 'number'
              : m[3] !== undefined
                ? 'emoji'
                : m[2] !== undefined
                  ? 'emoticon'
                  : 'placeholder';
    if (kind === 'break' && raw.trim() === '-') {
      // " - " used as a dash between clauses; keep the offsets of the dash only
      const off = raw.indexOf('-');
      tokens.push({ text: '-', norm: '-', kind, start: start + off, end: start + off + 1, caps: false });
      continue;
    }
    if (kind === 'word' && raw.length > 1 && raw.endsWith("'") && !/n'$/i.test(raw)) {
      // trailing quote mark, not part of the word
      const w = raw.slice(0, -1);
      tokens.push(makeWord(w, start));
      continue;
    }
    if (kind === 'word') {
      tokens.push(makeWord(raw, start));
      continue;
    }
    const norm = kind === 'break' ? raw.trim() || '\n' : raw.toLowerCase();
    tokens.push({ text: raw, norm, kind, start, end: start + raw.length, caps: false });
  }
  return tokens;
}

function makeWord(w: string, start: number): Token {
  // capitals: only words that start with one need the full check
  const first = w[0] as string;
  const caps = w.length >= 2 && first !== first.toLowerCase() && w === w.toUpperCase() && w !== w.toLowerCase();
  return { text: w, norm: normalizeWord(w), kind: 'word', start, end: start + w.length, caps };
}
