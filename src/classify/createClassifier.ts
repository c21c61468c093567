import { buildLanguageIndex, detectLanguage } from '../langid/detectLanguage.js';
import { loadLexicons, type LexiconSet } from '../lexicon/loadLexicons.js';
import type { Lang } from '../normalize/stem.js';
import { tokenize } from '../normalize/tokenize.js';
import type { LoadedPipeline } from '../pipeline/loadPipeline.js';
import { classifyText, type ClassifyOutput } from './classify.js';

export interface CommentClassification extends ClassifyOutput {
  readonly lang: Lang;
  /** how the language was chosen: given by the input, or detected */
  readonly langSource: 'given' | 'detected';
}

export interface Classifier {
  /** the lexicon version (content hash) every result was produced with */
  readonly version: string;
  readonly lexicons: LexiconSet;
  readonly languages: readonly Lang[];
  /** `lang` undefined, empty or 'auto' means detect */
  classify(text: string, lang?: string, opts?: { trace?: boolean }): CommentClassification;
  detect(text: string): Lang;
}

/** Compiles the pipeline's lexicons once; every comment then runs through the same compiled set. */
export function createClassifier(pipeline: LoadedPipeline): Classifier {
  const lexicons = loadLexicons(pipeline.lexiconDir, pipeline.languages, pipeline.areaIds);
  const areas = pipeline.areaIds;
  const index = buildLanguageIndex(lexicons.byLang);
  const detect = (text: string) => detectLanguage(text, index).lang;
  // the options are the same for every comment: built once, with and without a trace
  const options = { areas, weakAreas: pipeline.weakAreas, judgedOnlyAreas: pipeline.judgedOnlyAreas, fallbackArea: pipeline.fallbackArea, durations: pipeline.durations, trace: false };
  const traced = { ...options, trace: true };
  return {
    version: lexicons.version,
    lexicons,
    languages: pipeline.languages,
    detect,
    classify(text, lang, opts) {
      const given = lang && lang !== 'auto' && lexicons.byLang.has(lang as Lang) ? (lang as Lang) : undefined;
      const tokens = tokenize(text); // once, for detection and classification
      const chosen = given ?? detectLanguage(text, index, tokens).lang;
      const lex = lexicons.byLang.get(chosen);
      if (!lex) throw new Error(`no lexicon for language ${chosen}`);
      const out = classifyText(text, lex, opts?.trace ? traced : options, tokens);
      // built field by field (a spread copies through a slower path), in the order output shows
      const r: CommentClassification = { lang: chosen, langSource: given ? 'given' : 'detected', sentiment: out.sentiment, areas: out.areas };
      return out.trace ? { ...r, trace: out.trace } : r;
    },
  };
}
