import { resolve } from 'node:path';
import { createClassifier, type Classifier } from '../src/classify/createClassifier.js';
import { loadPipeline } from '../src/pipeline/loadPipeline.js';
import type { Io } from '../src/cli/io.js';

export const FIXTURES = resolve(import.meta.dirname, 'fixtures');
export const TEST_PIPELINE = resolve(FIXTURES, 'pipeline.json');

let cached: Classifier | undefined;
/** The classifier over the small test lexicons in test/fixtures/lexicons. */
export function testClassifier(): Classifier {
  cached ??= createClassifier(loadPipeline(TEST_PIPELINE));
  return cached;
}

let real: Classifier | undefined;
/** The classifier over the project's own lexicons. */
export function realClassifier(): Classifier {
  real ??= createClassifier(loadPipeline());
  return real;
}

/** Area:polarity pairs of a classification, in output order. */
export function pairs(c: { areas: { area: string; polarity: string }[] }): string {
  return c.areas.map((a) => `${a.area}:${a.polarity}`).join(';');
}

/** An Io that captures stdout and stderr. */
export function captureIo(cwd = process.cwd()): Io & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (s) => {
      out += s;
    },
    err: (s) => {
      err += s;
    },
    tty: false,
    cwd,
    stdout: () => out,
    stderr: () => err,
  };
}
