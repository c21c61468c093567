/**
 * Redaction of personal data in free text, before anything is stored, printed or reported.
 * Identity numbers are checked (Luhn for Swedish personnummer, both mod-11 digits for Norwegian
 * fødselsnummer, a valid date for Danish CPR), so ordinary numbers survive. Each finding is
 * replaced by a typed placeholder that the tokenizer reads as one neutral token.
 */

export type PiiType = 'PERSONNUMMER' | 'CPR' | 'FODSELSNUMMER' | 'EMAIL' | 'PHONE' | 'ADDRESS' | 'NAME';

export interface Finding {
  readonly type: PiiType;
  readonly start: number;
  readonly end: number;
}

export interface Redaction {
  readonly text: string;
  readonly findings: Finding[];
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

// 6 or 8 date digits, optional separator, 4 digits (Swedish) / 4 digits (Danish) / 5 digits (Norwegian)
const SE_PNR = /(?<![\d-])(?:19|20)?(\d{6})[-+ ]?(\d{4})(?![\d-])/g;
const DK_CPR = /(?<![\d-])(\d{6})-?(\d{4})(?![\d-])/g;
const NO_FNR = /(?<![\d-])(\d{6}) ?(\d{5})(?![\d-])/g;

// +46 70-123 45 67, 070-123 45 67, 08-123 456 78, 12 34 56 78, +47 412 34 567, 07700 900123
const PHONE = /(?<![\p{L}\p{N}+])(?:\+\d{2,3}[\s-]?(?:\(0\)[\s-]?)?|00\d{2}[\s-]?)?\d{2,5}(?:[\s-]?\d{2,4}){1,4}(?![\p{N}])/gu;

const STREET_NORDIC =
  /\b[\p{Lu}][\p{L}]+(?:gatan|gata|vägen|väg|gränd|torget|stigen|backen|allén|gade|vej|vejen|stræde|plads|alle|allé|veien|vei|gate|gaten|plass|plassen|svingen)\s\d{1,4}(?:[A-Za-z]\b| [A-Z]\b)?/gu;
const STREET_WORD =
  /\b(?:[\p{Lu}][\p{L}.]*[ ]){1,3}(?:gate|gata|gatan|vei|veien|vej|vejen|allé|alle|plass|plads|torg|torv|Boulevard|boulevard|väg|vägen)\s\d{1,4}(?:[A-Za-z]\b| [A-Z]\b)?/gu;
const STREET_EN =
  /\b\d{1,4}[A-Za-z]?\s(?:[\p{Lu}][\p{L}']+\s){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Close|Way|Crescent|Place|Court|Ct|Gardens|Terrace|Grove|Park|Square|Hill)\b/gu;

// A name: capitalised words, with particles (van, de, af, von, Ní, O'), joined by single spaces
const NAME_WORD = "[\\p{Lu}][\\p{Ll}'’]+(?:-[\\p{Lu}]?[\\p{Ll}'’]+)*";
const PARTICLE = "(?:van|von|de|der|den|af|av|la|le|di|du|Ní|Nic|Mac|Mc|O['’])";
const NAME = `(${NAME_WORD}(?:[ ](?:${PARTICLE}[ ]?){0,2}${NAME_WORD}){0,3})`;
const LOWER_NAME = "([\\p{Ll}]+(?:[ ][\\p{Ll}]+){0,2})";
// "jag heter Anna Berg", "my name is John Smith": the text introduces the name
const INTRO =
  "(?:jag heter|mitt namn är|jeg hedder|jeg heter|mitt navn er|mit navn er|my name is|i am called|i'm called|this is|det här är|dette er)";
// sign-offs: the name follows, often on the next line
const SIGNOFF =
  "(?:med vänlig hälsning|med vänliga hälsningar|vänliga hälsningar|hälsningar|hälsning|mvh|med venlig hilsen|venlig hilsen|venlige hilsner|vennlig hilsen|med vennlig hilsen|hilsen|kind regards|best regards|best wishes|many thanks|yours sincerely|yours faithfully|regards|thanks|cheers)";
// people named by a role or relation: "handläggaren Anna", "my daughter Mary", "tack till Lisa"
const ROLE =
  "(?:handläggaren|handläggare|handledaren|assistenten|sköterskan|läraren|rektorn|chefen|kollegan|sagsbehandleren|sagsbehandler|rådgiveren|medarbejderen|saksbehandleren|saksbehandler|veilederen|veileder|lederen|caseworker|case worker|advisor|adviser|officer|manager|receptionist|nurse|teacher|colleague|damen|mannen|killen|tjejen|pigen|fyren|gutten|jenta|lady|gentleman|guy|woman|min son|min dotter|min man|min fru|min mamma|min pappa|min mor|min far|min søn|min datter|min mand|min kone|min sønn|min mann|vores datter|vores søn|vår datter|vår sønn|vår son|vår dotter|my son|my daughter|my husband|my wife|my mother|my father|my mum|my dad|sønnen min|datteren min|sonen min|dottern min|mannen min|kona mi|tack till|tak til|takk til|thank you to|thanks to|spoke to|talked to|pratade med|talade med|snakket med|talte med)";
/** "(?:jag heter|…)" → each alternative also with a capital first letter; the rest stays case-sensitive. */
function capitalised(alternatives: string): string {
  return alternatives.replace(/(\(\?:|\|)(\p{Ll})/gu, (_m, sep: string, ch: string) => `${sep}[${ch}${ch.toUpperCase()}]`);
}
const NAME_INTRO = new RegExp(`\\b${capitalised(INTRO)}[,:]?[ ]+${NAME}`, 'gu');
const NAME_INTRO_LOWER = new RegExp(`\\b${capitalised(INTRO)}[ ]+${LOWER_NAME}`, 'gu');
const NAME_SIGNOFF = new RegExp(`\\b${capitalised(SIGNOFF)}[,!.]?[ \\t]*\\r?\\n?[ \\t]*${NAME}`, 'gu');
const NAME_ROLE = new RegExp(`\\b${capitalised(ROLE)}[,]?[ ]+${NAME}`, 'gu');
// "Per Nyström, 070-…": a full name right before a phone number or e-mail address
const NAME_BEFORE_CONTACT = /([\p{Lu}][\p{Ll}'’-]+ [\p{Lu}][\p{Ll}'’-]+),?[ ]*$/u;
/** Words after a "name" that show it is an organisation or place ("Uppsala kommun"). */
const ORGANISATION_AFTER = /^[ ](?:kommun|kommune|kommunen|council|county|city|region|regionen|län|amt|fylke|fylkeskommune|municipality)\b/iu;

/** A "name" containing one of these is an organisation or place ("Udbetaling Danmark"). */
const ORGANISATION_WORDS = new Set(['Danmark', 'Sverige', 'Norge', 'Ireland', 'England', 'Scotland', 'Wales', 'NAV', 'Försäkringskassan', 'Skatteverket', 'Kommun', 'Kommune', 'Council', 'Region']);
const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'af', 'av', 'la', 'le', 'di', 'du', 'Ní', 'Nic', 'Mac', 'Mc']);
/** Words that end a lower-case name: what follows a name in a sentence. */
const LOWER_STOP = new Set([
  'och', 'och', 'jag', 'som', 'från', 'i', 'på', 'med', 'har', 'är', 'var', 'bor', 'og', 'jeg', 'fra', 'på', 'med', 'har', 'er', 'bor',
  'and', 'i', 'from', 'in', 'at', 'with', 'have', 'am', 'live', 'was', 'the', 'inte', 'ikke', 'not', 'så', 'so', 'also', 'också', 'også',
]);
/** Words that follow a role word capitalised at a sentence start but are no names. */
const NOT_NAMES = new Set([
  'Jag', 'Vi', 'Hon', 'Han', 'Det', 'Och', 'Men', 'Som', 'Var', 'Är', 'Jeg', 'Hun', 'Den', 'Og', 'Er', 'Var', 'Ikke',
  'I', 'She', 'He', 'It', 'And', 'But', 'The', 'Was', 'Is', 'On', 'At', 'In', 'From', 'Who', 'That', 'Very', 'So',
  'Tack', 'Takk', 'Tak', 'Thanks', 'Hej', 'Hei', 'Hi', 'Mvh', 'Kommun', 'Kommune', 'Council',

]);

function luhnOk(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function validDate(dd: number, mm: number): boolean {
  return mm >= 1 && mm <= 12 && dd >= 1 && dd <= (DAYS_IN_MONTH[mm - 1] ?? 0);
}

/** Swedish personnummer (YYMMDD-NNNN, Luhn) or samordningsnummer (day + 60). */
export function isPersonnummer(date6: string, last4: string): boolean {
  const mm = Number(date6.slice(2, 4));
  let dd = Number(date6.slice(4, 6));
  if (dd > 60) dd -= 60;
  return validDate(dd, mm) && luhnOk(date6 + last4);
}

/** Danish CPR (DDMMYY-NNNN): a valid date; the mod-11 check was dropped in 2007. */
export function isCpr(date6: string): boolean {
  return validDate(Number(date6.slice(0, 2)), Number(date6.slice(2, 4)));
}

/** Norwegian fødselsnummer or D-nummer (day + 40) with both mod-11 check digits. */
export function isFodselsnummer(d: string): boolean {
  if (!/^\d{11}$/.test(d)) return false;
  let dd = Number(d.slice(0, 2));
  if (dd > 40) dd -= 40;
  const mm = Number(d.slice(2, 4));
  if (!validDate(dd, mm > 40 ? mm - 40 : mm)) return false;
  const n = [...d].map(Number);
  const w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
  const w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const k = (w: number[], len: number) => {
    const s = w.reduce((acc, wi, i) => acc + wi * (n[i] as number), 0);
    const r = 11 - (s % 11);
    return r === 11 ? 0 : r;
  };
  const k1 = k(w1, 9);
  const k2 = k(w2, 10);
  return k1 !== 10 && k2 !== 10 && k1 === n[9] && k2 === n[10];
}

/** Finds personal data in a text. Overlapping findings keep the earliest, longest one. */
export function findPii(text: string): Finding[] {
  const found: Finding[] = [];
  const push = (type: PiiType, start: number, end: number) => found.push({ type, start, end });
  // cheap gates first: most comments have no digits, no @ and no capitalised word mid-sentence
  const digits = DIGIT.test(text);
  const names = MID_CAPITAL.test(text) || NAME_KEYWORD.test(text);
  if (!digits && !names && !text.includes('@')) return found;
  if (text.includes('@')) for (const m of text.matchAll(EMAIL)) push('EMAIL', m.index, m.index + m[0].length);
  if (digits) findNumbers(text, push);
  if (names) findNames(text, found, push);
  return resolveOverlaps(found);
}

const DIGIT = /\d/;
/** a capital after a lower-case word, a comma or a line break: where names stand */
const MID_CAPITAL = /[\p{Ll},:]\s+\p{Lu}|\n\s*\p{Lu}/u;
const NAME_KEYWORD = /heter|hedder|navn|namn|name|called/i;

function findNumbers(text: string, push: (type: PiiType, start: number, end: number) => void): void {
  for (const m of text.matchAll(SE_PNR)) {
    if (isPersonnummer(m[1] as string, m[2] as string)) push('PERSONNUMMER', m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(NO_FNR)) {
    if (isFodselsnummer(`${m[1]}${m[2]}`)) push('FODSELSNUMMER', m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(DK_CPR)) {
    // a bare 10-digit number is only a CPR number when written with the dash
    if (isCpr(m[1] as string) && m[0].includes('-')) push('CPR', m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(PHONE)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length < 8 || digits.length > 13) continue;
    if (/^\d{4}-\d{2}-\d{2}$/.test(m[0].trim())) continue; // an ISO date
    if (!/^[+0(]/.test(m[0]) && !/^\d{2}[\s]\d{2}[\s]\d{2}[\s]\d{2}$|^\d{3}\s\d{2}\s\d{3}$|^\d{8}$/.test(m[0].trim())) continue;
    push('PHONE', m.index, m.index + m[0].trimEnd().length);
  }
  for (const re of [STREET_NORDIC, STREET_WORD, STREET_EN]) {
    for (const m of text.matchAll(re)) push('ADDRESS', m.index, m.index + m[0].length);
  }
}

function findNames(text: string, found: Finding[], push: (type: PiiType, start: number, end: number) => void): void {
  for (const re of [NAME_INTRO, NAME_SIGNOFF, NAME_ROLE]) {
    for (const m of text.matchAll(re)) {
      const name = m[1] as string;
      if (name.split(' ').some((w) => ORGANISATION_WORDS.has(w))) continue;
      const kept: string[] = [];
      for (const w of name.split(' ')) {
        if (NOT_NAMES.has(w)) break;
        if (!/^\p{Lu}/u.test(w) && !PARTICLES.has(w)) break;
        kept.push(w);
      }
      while (kept.length > 0 && PARTICLES.has(kept[kept.length - 1] as string)) kept.pop();
      if (kept.length === 0) continue;
      const start = m.index + m[0].lastIndexOf(name);
      const end = start + kept.join(' ').length;
      if (ORGANISATION_AFTER.test(text.slice(end, end + 20))) continue;
      push('NAME', start, end);
    }
  }
  for (const f of [...found]) {
    if (f.type !== 'PHONE' && f.type !== 'EMAIL') continue;
    const m = NAME_BEFORE_CONTACT.exec(text.slice(Math.max(0, f.start - 60), f.start));
    if (m && !NOT_NAMES.has((m[1] as string).split(' ')[0] as string)) {
      const start = f.start - (text.slice(Math.max(0, f.start - 60), f.start).length - m.index);
      push('NAME', start, start + (m[1] as string).length);
    }
  }
  // lower-case names after an explicit introduction ("my name is tom walsh and …")
  for (const m of text.matchAll(NAME_INTRO_LOWER)) {
    const words: string[] = [];
    for (const w of (m[1] as string).split(' ')) {
      if (LOWER_STOP.has(w)) break;
      words.push(w);
    }
    if (words.length === 0) continue;
    const start = m.index + m[0].lastIndexOf(m[1] as string);
    push('NAME', start, start + words.join(' ').length);
  }
}

function resolveOverlaps(found: Finding[]): Finding[] {
  // checked identity numbers and e-mail win over phone and address patterns, and those over names
  const priority: Record<PiiType, number> = { PERSONNUMMER: 0, CPR: 0, FODSELSNUMMER: 0, EMAIL: 1, ADDRESS: 2, PHONE: 3, NAME: 4 };
  found.sort((a, b) => priority[a.type] - priority[b.type] || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const out: Finding[] = [];
  for (const f of found) {
    if (!out.some((o) => o.start < f.end && f.start < o.end)) out.push(f);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Replaces every finding by its placeholder (`[EMAIL]`, `[NAME]` …). Idempotent. */
export function redact(text: string): Redaction {
  const findings = findPii(text);
  if (findings.length === 0) return { text, findings };
  let out = '';
  let at = 0;
  for (const f of findings) {
    out += text.slice(at, f.start) + `[${f.type}]`;
    at = f.end;
  }
  out += text.slice(at);
  return { text: out, findings };
}
