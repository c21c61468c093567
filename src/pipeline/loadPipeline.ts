import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../cli/UserError.js';
import { pipelineSchema, type Pipeline } from './pipelineSchema.js';

export interface LoadedPipeline extends Pipeline {
  /** absolute path of the pipeline file */
  readonly path: string;
  /** absolute path of its lexicon folder */
  readonly lexiconDir: string;
  readonly areaIds: readonly string[];
  readonly weakAreas: readonly string[];
  /** areas never given a neutral mention from a cue alone */
  readonly judgedOnlyAreas: readonly string[];
  readonly fallbackArea: string | undefined;
}

/** The pipeline used when `--pipeline` is not given. */
export const DEFAULT_PIPELINE = resolve(dirname(fileURLToPath(import.meta.url)), '../../pipelines/medborgarpulsen.json');

export function parsePipeline(text: string, path: string): LoadedPipeline {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UserError(`${path}: not valid JSON (${(e as Error).message})`);
  }
  const parsed = pipelineSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError(`${path}: at "${issue?.path.join('.')}": ${issue?.message}`);
  }
  const p = parsed.data;
  const ids = p.areas.map((a) => a.id);
  for (const key of ['area', 'selfService'] as const) {
    const area = p.durations?.[key];
    if (area !== undefined && !ids.includes(area)) {
      throw new UserError(`${path}: at "durations.${key}": "${area}" is not one of the areas (${ids.join(', ')})`);
    }
  }
  return {
    ...p,
    path,
    lexiconDir: resolve(dirname(path), p.lexicons),
    areaIds: p.areas.map((a) => a.id),
    weakAreas: p.areas.filter((a) => a.weakCues).map((a) => a.id),
    judgedOnlyAreas: p.areas.filter((a) => a.judgedOnly).map((a) => a.id),
    fallbackArea: p.areas.find((a) => a.fallback)?.id,
  };
}

export function loadPipeline(path: string = DEFAULT_PIPELINE): LoadedPipeline {
  const abs = resolve(path);
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch {
    throw new UserError(`${path}: cannot read the pipeline file`);
  }
  return parsePipeline(text, abs);
}
