import type { LexiconSource, Located } from './schema.js';
import { LexiconError } from './tsv.js';

export interface CheckOptions {
  /** the area ids the pipeline declares */
  readonly areas: readonly string[];
}

/**
 * Cross-file checks of one language's lexicon. Returns the list of problems (empty when sound);
 * `assertLexicon` throws them all at once, each naming file, line and entry.
 */
export function checkLexicon(src: LexiconSource, opts: CheckOptions): string[] {
  const problems: string[] = [];
  const known = new Set(opts.areas);
  const at = (l: Located<unknown>) => `${l.file}:${l.line}`;

  const dupes = <T>(rows: Located<T>[], key: (r: T) => string, what: string) => {
    const seen = new Map<string, Located<T>>();
    for (const l of rows) {
      const k = key(l.row);
      const first = seen.get(k);
      if (first) problems.push(`${at(l)}: ${what} "${k}" is listed twice (first at line ${first.line})`);
      else seen.set(k, l);
    }
  };
  dupes(src.areas, (r) => r.term, 'area cue');
  dupes(src.polarity, (r) => r.term, 'polarity term');
  dupes(src.shifters, (r) => r.term, 'shifter');
  dupes(src.idioms, (r) => r.phrase, 'idiom');
  // a word may mark a duration from before and from after ("efter tre dagar", "dagen efter")
  dupes(src.units, (r) => (r.kind === 'turnaround' || r.kind === 'later' ? `${r.term} (${r.kind})` : r.term), 'unit');
  dupes(src.functionWords, (r) => r.word, 'function word');
  dupes(src.emoji, (r) => r.symbol, 'emoji');
  dupes(src.aspects, (r) => r.name, 'aspect group');

  // a term may live in one of areas / polarity / shifters only
  const owner = new Map<string, string>();
  const claim = (term: string, where: string) => {
    const prev = owner.get(term);
    if (prev && !prev.startsWith(where.split(':')[0] ?? '')) {
      problems.push(`${where}: "${term}" is also listed at ${prev}; a term belongs to one file`);
    } else if (!prev) owner.set(term, where);
  };
  for (const l of src.areas) claim(l.row.term, at(l));
  for (const l of src.polarity) claim(l.row.term, at(l));
  for (const l of src.shifters) claim(l.row.term, at(l));

  // prefix patterns ("otrevlig*") need a prefix long enough not to swallow unrelated words
  const prefixCheck = (term: string, l: Located<unknown>) => {
    for (const w of term.split(' ')) {
      if (w.endsWith('*') && w.replace(/^=/, '').length - 1 < 4) {
        problems.push(`${at(l)}: "${term}": a prefix pattern needs at least 4 letters before the *`);
      }
    }
  };
  for (const l of src.areas) prefixCheck(l.row.term, l);
  for (const l of src.polarity) prefixCheck(l.row.term, l);
  for (const l of src.shifters) prefixCheck(l.row.term, l);
  for (const l of src.idioms) prefixCheck(l.row.phrase, l);

  for (const l of src.areas) {
    if (!known.has(l.row.area)) problems.push(`${at(l)}: area "${l.row.area}" is not one of ${[...known].join(', ')}`);
  }
  for (const l of [...src.polarity, ...src.idioms]) {
    const a = l.row.area;
    if (a && !known.has(a)) problems.push(`${at(l)}: area "${a}" is not one of ${[...known].join(', ')}`);
  }
  for (const g of src.aspects) {
    const area = (g.row as { area?: string }).area;
    if (area && !known.has(area)) problems.push(`${at(g)}: group "${g.row.name}" area "${area}" is unknown`);
    for (const y of (g.row as { yieldTo?: string[] }).yieldTo ?? []) {
      if (!known.has(y)) problems.push(`${at(g)}: group "${g.row.name}" yieldTo area "${y}" is unknown`);
    }
  }
  return problems;
}

export function assertLexicon(src: LexiconSource, opts: CheckOptions): void {
  const problems = checkLexicon(src, opts);
  if (problems.length > 0) {
    const shown = problems.slice(0, 25);
    const more = problems.length > shown.length ? `\n… and ${problems.length - shown.length} more` : '';
    throw new LexiconError(`lexicon "${src.lang}" has ${problems.length} problem(s):\n${shown.join('\n')}${more}`);
  }
}
