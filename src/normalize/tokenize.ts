/**
 * Tokenizer with UTF-16 offsets into the original text, so every piece of evidence can point back
 * at the characters it came from. Pure: text in, tokens out.
 *
 * The grammar is one regular expression, TOKEN_PATTERN below. Running it over every comment cost a
 * quarter of the classifier's time, so `tokenize` scans the common characters (Latin letters,
 * digits, ASCII punctuation, spaces) by hand and hands any position it is not sure of to the same
 * expression, anchored there. The two agree token for token: test/tokenize.test.ts checks the
 * scanner against `tokenizeByPattern` on random and real text.
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
// named: a named group allocates an object per match).
const TOKEN_PATTERN = [
  String.raw`(\[[A-Z_]{2,}\])`,
  String.raw`((?<![\p{L}\p{N}])(?:[:;=8xX][\-'^o]?[)(\]\[dDpP/\\|*3]+|<3+|\^\^|\^_\^|:'\(|:-?\|)(?![\p{L}\p{N}]))`,
  String.raw`(\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}|\p{Emoji_Modifier})*)`,
  String.raw`([\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}]+|-[\p{L}\p{N}]+|\.[\p{L}\p{N}]{1,3}(?![\p{L}\p{N}]))*'?)`,
  // a rating ("10/10", "5/5") is one token, so a lexicon can list it
  String.raw`(\p{N}+\/(?:10|5)(?![\p{N}/])|\p{N}+(?:[.,:]\p{N}+)*)`,
  String.raw`(\n\s*|[.!?…]+|[;:–—]|\s-\s)`,
  String.raw`([^\s])`,
].join('|');
const TOKEN_RE = new RegExp(TOKEN_PATTERN, 'gu');
/** the same grammar anchored at one position, for the scanner's hand-over */
const TOKEN_AT = new RegExp(TOKEN_PATTERN, 'uy');

const REPEAT_RE = /(\p{L})\1{2,}/gu;

/** Lower case, curly apostrophe straightened, a letter repeated three or more times kept once. */
export function normalizeWord(word: string): string {
  let n = word.toLowerCase();
  if (n.includes('’')) n = n.replace(/’/g, "'");
  if (hasTriple(n)) n = n.replace(REPEAT_RE, '$1');
  return n;
}

function hasTriple(s: string): boolean {
  for (let i = 2; i < s.length; i++) if (s[i] === s[i - 1] && s[i] === s[i - 2]) return true;
  return false;
}

// ------------------------------------------------------------------ character classes

/** Character classes the scanner knows for UTF-16 code units below TABLE_SIZE (Latin-1 and Extended-A). */
const enum C {
  /** anything the scanner leaves to the expression */
  Unknown = 0,
  /** \p{L} or \p{M} */
  Letter = 1,
  /** \p{N} */
  Digit = 2,
  /** \s */
  Space = 3,
  /** any other character */
  Other = 4,
}
const TABLE_SIZE = 0x180;
// built from the same Unicode properties the expression uses, so the two cannot disagree
const CLASS = new Uint8Array(TABLE_SIZE);
for (let c = 0; c < TABLE_SIZE; c++) {
  const ch = String.fromCharCode(c);
  CLASS[c] = /\p{Extended_Pictographic}/u.test(ch) // © and ® are emoji
    ? C.Unknown
    : /[\p{L}\p{M}]/u.test(ch)
      ? C.Letter
      : /\p{N}/u.test(ch)
        ? C.Digit
        : /\s/u.test(ch)
          ? C.Space
          : C.Other;
}

// ------------------------------------------------------------------ character reads

/**
 * The UTF-16 code units of the comment being tokenized, copied once per comment. Comments arrive
 * in several string representations (flat, sliced, concatenated; one or two bytes per character),
 * and a `charCodeAt` or `length` read on a value seen in that many shapes is megamorphic: a slow
 * generic lookup, paid three or four times per character by the scanner. Node copies the code
 * units here natively instead, and the scanner reads the copy: a fifth fewer instructions per
 * comment. Not re-entrant (nor is anything that calls it).
 */
let CODES = new Uint16Array(1024);
/** the same memory as bytes: Node copies a string's code units into it natively (little-endian) */
let BYTES = Buffer.from(CODES.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
let LEN = 0;
function load(text: string): void {
  const n = text.length;
  if (n > CODES.length) {
    CODES = new Uint16Array(Math.max(n, 2 * CODES.length));
    BYTES = Buffer.from(CODES.buffer);
  }
  if (LITTLE_ENDIAN) BYTES.write(text, 0, 'utf16le');
  else for (let k = 0; k < n; k++) CODES[k] = text.charCodeAt(k);
  LEN = n;
}

/**
 * The code unit at i, or -1 past the end. Reading past the end returns undefined, which V8 treats
 * as a failed assumption: the optimised tokenizer is thrown away (a deopt, "out of bounds") and
 * every later comment runs slower. Each read that may fall past the end goes through here.
 */
const codeAt = (i: number): number => (i < LEN ? (CODES[i] as number) : -1);
/** the code unit at i, which the caller knows is inside the text */
const unitAt = (i: number): number => CODES[i] as number;

const classAt = (i: number): C => {
  if (i >= LEN) return C.Other; // the end of the text: no letter, digit or space follows
  const c = unitAt(i);
  return c < TABLE_SIZE ? (CLASS[c] as C) : C.Unknown;
};
/** letters without combining marks: what [\p{L}] and [\p{L}\p{N}] accept in the table's range */
const isPlainLetter = (i: number): boolean => {
  const c = unitAt(i);
  return c < TABLE_SIZE && CLASS[c] === C.Letter;
};

const SPACE_RE = /\s/u;
const isSpace = (i: number): boolean => {
  if (i >= LEN) return false;
  const c = unitAt(i);
  return c < TABLE_SIZE ? CLASS[c] === C.Space : SPACE_RE.test(String.fromCharCode(c));
};

/** characters that may begin a placeholder, an emoticon or a colon/semicolon break: the expression decides */
const HAND_OVER = new Set([0x5b /* [ */, 0x3a /* : */, 0x3b /* ; */, 0x3d /* = */, 0x3c /* < */, 0x5e /* ^ */]);

// ------------------------------------------------------------------ tokenize

export function tokenize(text: string): Token[] {
  load(text);
  const tokens: Token[] = [];
  const n = LEN;
  let i = 0;
  while (i < n) {
    const code = unitAt(i);
    const cls = code < TABLE_SIZE ? (CLASS[code] as C) : C.Unknown;
    if (cls === C.Space) {
      if (code === 0x0a) {
        // "\n\s*": a line break and the blank space after it
        let j = i + 1;
        while (j < n && isSpace(j)) j++;
        const raw = text.slice(i, j);
        tokens.push({ text: raw, norm: raw.trim() || '\n', kind: 'break', start: i, end: j, caps: false });
        i = j;
      } else if (codeAt(i + 1) === 0x2d && isSpace(i + 2)) {
        // " - " used as a dash between clauses; keep the offsets of the dash only
        tokens.push({ text: '-', norm: '-', kind: 'break', start: i + 1, end: i + 2, caps: false });
        i += 3;
      } else {
        i++;
      }
      continue;
    }
    let end = -1;
    let kind: TokenKind = 'punct';
    if (cls === C.Letter) {
      // x and X may open an emoticon ("xD") when no letter or digit comes before
      const emoticonStart = (code === 0x78 || code === 0x58) && !followsLetterOrDigit(i);
      if (!emoticonStart) {
        end = scanWord(i);
        kind = 'word';
      }
    } else if (cls === C.Digit) {
      // 8 may open an emoticon ("8)") when no letter or digit comes before
      if (code !== 0x38 || followsLetterOrDigit(i)) {
        end = scanNumber(text, i);
        kind = 'number';
      }
    } else if (cls === C.Other && !HAND_OVER.has(code)) {
      if (code === 0x2e || code === 0x21 || code === 0x3f) {
        // "[.!?…]+"
        let j = i + 1;
        for (; j < n; j++) {
          const c = unitAt(j);
          if (c === 0x2e || c === 0x21 || c === 0x3f) continue;
          if (c === 0x2026) j = -1; // an ellipsis character inside the run: the expression decides
          break;
        }
        end = j;
        kind = 'break';
      } else {
        end = i + 1;
      }
    }
    if (end < 0) {
      // not sure: the expression, anchored here, decides (emoji, emoticons, other scripts...)
      TOKEN_AT.lastIndex = i;
      const m = TOKEN_AT.exec(text);
      if (m === null) {
        // only a space outside the table gets here ("\u2028", "\u3000"): no token starts in it
        i++;
        continue;
      }
      const token = fromMatch(m, i);
      if (token) tokens.push(token);
      i = i + m[0].length;
      continue;
    }
    if (kind === 'word') pushWord(tokens, text, i, end);
    else pushToken(tokens, text.slice(i, end), kind, i);
    i = end;
  }
  return tokens;
}

/** The same tokens by the expression alone: the specification the scanner is tested against. */
export function tokenizeByPattern(text: string): Token[] {
  load(text);
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    const token = fromMatch(m, m.index);
    if (token) tokens.push(token);
  }
  return tokens;
}

function fromMatch(m: RegExpExecArray, start: number): Token | undefined {
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
    const off = raw.indexOf('-');
    return { text: '-', norm: '-', kind, start: start + off, end: start + off + 1, caps: false };
  }
  const out: Token[] = [];
  if (kind === 'word') pushWord(out, m.input, start, start + raw.length);
  else pushToken(out, raw, kind, start);
  return out[0];
}

function pushToken(tokens: Token[], raw: string, kind: Exclude<TokenKind, 'word'>, start: number): void {
  const norm = kind === 'break' ? raw.trim() || '\n' : raw.toLowerCase();
  tokens.push({ text: raw, norm, kind, start, end: start + raw.length, caps: false });
}

/** The word text[a, b) of the comment loaded for reading. */
function pushWord(tokens: Token[], text: string, a: number, b: number): void {
  // a trailing quote mark is not part of the word (but "rock'n'" keeps its n')
  if (b - a > 1 && unitAt(b - 1) === 0x27 && (unitAt(b - 2) | 0x20) !== 0x6e) b--;
  const w = text.slice(a, b);
  if (isPlainLower(a, b)) {
    tokens.push({ text: w, norm: w, kind: 'word', start: a, end: b, caps: false });
    return;
  }
  // capitals: only words that start with an upper-case letter need the full check
  const c0 = unitAt(a);
  const upperFirst = c0 < 0x80 ? c0 >= 0x41 && c0 <= 0x5a : (w[0] as string) !== (w[0] as string).toLowerCase();
  const caps = upperFirst && b - a >= 2 && w === w.toUpperCase() && w !== w.toLowerCase();
  tokens.push({ text: w, norm: normalizeWord(w), kind: 'word', start: a, end: b, caps });
}

/** whether the character before i is a letter or digit (the emoticon's look-behind fails) */
function followsLetterOrDigit(i: number): boolean {
  if (i === 0) return false;
  const c = classAt(i - 1);
  return c === C.Letter || c === C.Digit;
}

/**
 * The end of the word starting at i, or -1 when a character the table does not know is involved:
 * [\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}]+|-[\p{L}\p{N}]+|\.[\p{L}\p{N}]{1,3}(?![\p{L}\p{N}]))*'?
 */
function scanWord(i: number): number {
  const n = LEN;
  let j = i + 1;
  for (; j < n; j++) {
    const c = classAt(j);
    if (c === C.Unknown) return -1;
    if (c !== C.Letter && c !== C.Digit) break;
  }
  for (;;) {
    if (j >= n) return j;
    const c = unitAt(j);
    if (c === 0x27 || c === 0x2019) {
      // ['’][\p{L}]+
      let k = j + 1;
      while (k < n && isPlainLetter(k)) k++;
      if (k < n && classAt(k) === C.Unknown) return -1;
      if (k > j + 1) {
        j = k;
        continue;
      }
    } else if (c === 0x2d) {
      // -[\p{L}\p{N}]+
      let k = j + 1;
      for (; k < n; k++) {
        const ck = classAt(k);
        if (ck === C.Unknown) return -1;
        if (!(ck === C.Digit || isPlainLetter(k))) break;
      }
      if (k > j + 1) {
        j = k;
        continue;
      }
    } else if (c === 0x2e) {
      // \.[\p{L}\p{N}]{1,3}(?![\p{L}\p{N}]): a run of one to three letters or digits
      let k = j + 1;
      for (; k < n && k <= j + 4; k++) {
        const ck = classAt(k);
        if (ck === C.Unknown) return -1;
        if (!(ck === C.Digit || isPlainLetter(k))) break;
      }
      if (k > j + 1 && k <= j + 4) {
        j = k;
        continue;
      }
    } else if (c >= TABLE_SIZE) {
      return -1;
    }
    break;
  }
  // '? : a trailing apostrophe
  return codeAt(j) === 0x27 ? j + 1 : j;
}

/** \p{N}+\/(?:10|5)(?![\p{N}/]) | \p{N}+(?:[.,:]\p{N}+)* ; -1 when the table does not know a character */
function scanNumber(text: string, i: number): number {
  const n = LEN;
  let j = i + 1;
  for (; j < n; j++) {
    const c = classAt(j);
    if (c === C.Unknown) return -1;
    if (c !== C.Digit) break;
  }
  if (codeAt(j) === 0x2f) {
    for (const rating of ['10', '5']) {
      if (text.startsWith(rating, j + 1)) {
        const after = j + 1 + rating.length;
        const ca = classAt(after);
        if (ca === C.Unknown) return -1;
        if (ca !== C.Digit && codeAt(after) !== 0x2f) return after;
      }
    }
  }
  for (;;) {
    const c = codeAt(j);
    if (!(c === 0x2e || c === 0x2c || c === 0x3a)) return j;
    let k = j + 1;
    for (; k < n; k++) {
      const ck = classAt(k);
      if (ck === C.Unknown) return -1;
      if (ck !== C.Digit) break;
    }
    if (k === j + 1) return j;
    j = k;
  }
}

/**
 * Whether normalizeWord(text.slice(a, b)) is that slice itself, by one pass over the characters:
 * no capital (ASCII or Latin-1), nothing beyond Latin-1, no character three times in a row. Most
 * words are: they skip the lower-casing and its new string.
 */
function isPlainLower(a: number, b: number): boolean {
  let prev = -1;
  let run = 0;
  for (let i = a; i < b; i++) {
    const c = unitAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde) || c >= 0x100) return false;
    run = c === prev ? run + 1 : 1;
    if (run === 3) return false;
    prev = c;
  }
  return true;
}
