import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../normalize/stem.js';
import { assertLexicon } from './check.js';
import { compileLexicon, lexiconVersion, type CompiledLexicon } from './compile.js';
import { readLexiconSource } from './load.js';

export interface LexiconSet {
  readonly byLang: ReadonlyMap<Lang, CompiledLexicon>;
  /** one content hash over every language's files: stored with every result */
  readonly version: string;
}

/** Every file under `dir`, sorted, for hashing. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else if (/\.(tsv|json)$/.test(name)) out.push(p);
  }
  return out;
}

/**
 * Reads, checks and compiles the lexicons of the given languages. Done once per run; throws a
 * LexiconError naming file, line and entry when a file is malformed or files contradict each other.
 */
export function loadLexicons(root: string, langs: readonly Lang[], areas: readonly string[]): LexiconSet {
  const byLang = new Map<Lang, CompiledLexicon>();
  const common = (() => {
    try {
      return filesUnder(join(root, 'common')).map((f) => readFileSync(f, 'utf8'));
    } catch {
      return [];
    }
  })();
  const all: string[] = [...common];
  for (const lang of langs) {
    const src = readLexiconSource(root, lang);
    assertLexicon(src, { areas });
    const texts = [...filesUnder(join(root, lang)).map((f) => readFileSync(f, 'utf8')), ...common];
    byLang.set(lang, compileLexicon(src, texts));
    all.push(`[${lang}]`, ...texts);
  }
  all.push(`[areas] ${areas.join(',')}`);
  return { byLang, version: lexiconVersion(all) };
}
