import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  areaRowSchema,
  aspectsSchema,
  emojiRowSchema,
  ironyRowSchema,
  functionWordRowSchema,
  idiomRowSchema,
  polarityRowSchema,
  shifterRowSchema,
  unitRowSchema,
  type LexiconSource,
} from './schema.js';
import { LexiconError, parseTsv } from './tsv.js';

/** The files of one language folder, with their columns. */
export const LEXICON_FILES = {
  areas: ['areas.tsv', ['area', 'term', 'note']],
  polarity: ['polarity.tsv', ['term', 'valence', 'area', 'note']],
  shifters: ['shifters.tsv', ['term', 'kind', 'weight', 'note']],
  idioms: ['idioms.tsv', ['phrase', 'valence', 'area', 'note']],
  units: ['units.tsv', ['term', 'kind', 'value', 'note']],
  functionWords: ['function-words.tsv', ['word', 'note']],
} as const;

function readOptional(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** Reads and validates the lexicon files of one language (plus the shared `common/` files). */
export function readLexiconSource(root: string, lang: string): LexiconSource {
  const dir = join(root, lang);
  if (!existsSync(dir)) throw new LexiconError(`${dir}: no lexicon folder for language "${lang}"`);
  const rel = (f: string) => `lexicons/${lang}/${f}`;
  const tsv = <K extends keyof typeof LEXICON_FILES>(key: K, schema: Parameters<typeof parseTsv>[3]) => {
    const [file, cols] = LEXICON_FILES[key];
    const text = readOptional(join(dir, file));
    if (text === undefined) throw new LexiconError(`${rel(file)}: missing lexicon file`);
    return parseTsv(text, rel(file), cols, schema);
  };
  const emojiText = readOptional(join(root, 'common', 'emoji.tsv'));
  const ironyText = readOptional(join(root, 'common', 'irony.tsv'));
  const aspectsPath = join(dir, 'aspects.json');
  const aspectsText = readOptional(aspectsPath);
  let aspects: LexiconSource['aspects'] = [];
  if (aspectsText !== undefined) {
    let json: unknown;
    try {
      json = JSON.parse(aspectsText);
    } catch (e) {
      throw new LexiconError(`${rel('aspects.json')}: not valid JSON (${(e as Error).message})`);
    }
    const parsed = aspectsSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new LexiconError(`${rel('aspects.json')}: at ${issue?.path.join('.')}: ${issue?.message}`);
    }
    aspects = parsed.data.groups.map((g, i) => ({ row: g, file: rel('aspects.json'), line: i + 1 }));
  }
  return {
    lang,
    areas: tsv('areas', areaRowSchema) as LexiconSource['areas'],
    polarity: tsv('polarity', polarityRowSchema) as LexiconSource['polarity'],
    shifters: tsv('shifters', shifterRowSchema) as LexiconSource['shifters'],
    idioms: tsv('idioms', idiomRowSchema) as LexiconSource['idioms'],
    units: tsv('units', unitRowSchema) as LexiconSource['units'],
    functionWords: tsv('functionWords', functionWordRowSchema) as LexiconSource['functionWords'],
    emoji:
      emojiText === undefined
        ? []
        : (parseTsv(emojiText, 'lexicons/common/emoji.tsv', ['symbol', 'valence', 'note'], emojiRowSchema) as LexiconSource['emoji']),
    irony:
      ironyText === undefined
        ? []
        : (parseTsv(ironyText, 'lexicons/common/irony.tsv', ['symbol', 'note'], ironyRowSchema) as LexiconSource['irony']),
    aspects,
  };
}
