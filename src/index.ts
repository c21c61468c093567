/**
 * The civic-pulse library API (an explicit barrel: everything a script may rely on).
 *
 *   import { loadPipeline, createClassifier } from 'civic-pulse';
 *   const classifier = createClassifier(loadPipeline());
 *   classifier.classify('Lång väntetid men trevlig personal', 'sv');
 */
export { createClassifier, type Classifier, type CommentClassification } from './classify/createClassifier.js';
export { classifyText, RULES, type ClassifyOptions, type ClassifyOutput } from './classify/classify.js';
export type { AreaResult, Classification, Evidence, Polarity, Trace } from './classify/types.js';
export { loadPipeline, parsePipeline, DEFAULT_PIPELINE, type LoadedPipeline } from './pipeline/loadPipeline.js';
export { pipelineSchema, type Pipeline } from './pipeline/pipelineSchema.js';
export { loadLexicons, type LexiconSet } from './lexicon/loadLexicons.js';
export { detectLanguage } from './langid/detectLanguage.js';
export { redact, findPii, type Finding, type PiiType } from './redact/redact.js';
export { readComments, type RowResult, type Reject } from './ingest/readComments.js';
export { openDatabase, type Database } from './store/openDatabase.js';
export { loadBatch, type BatchSummary } from './store/loadBatch.js';
export { scoreGold, type GoldItem, type GoldScore } from './evaluate/scoreGold.js';
export { benjaminiHochberg } from './aggregate/benjaminiHochberg.js';
export { main } from './cli/main.js';
