/**
 * Paired speed comparison of two engines on the same lexicons, in one process: passes of this
 * checkout's classifier and another checkout's alternate, so a shared machine's drift hits both
 * alike. The ratio of the medians is the figure to quote; the absolute rates are as noisy as the
 * machine.
 *
 *   git worktree add /tmp/before <commit>
 *   npm run bench:paired -- --against /tmp/before [--passes 10] [--comments 10000]
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateComments } from '../fixtures/generator/index.js';
import { createClassifier, type Classifier } from '../src/classify/createClassifier.js';
import { loadPipeline, type LoadedPipeline } from '../src/pipeline/loadPipeline.js';

const { values } = parseArgs({
  options: { against: { type: 'string' }, passes: { type: 'string', default: '10' }, comments: { type: 'string', default: '10000' } },
});
if (!values.against) {
  process.stderr.write('usage: npm run bench:paired -- --against DIR [--passes N] [--comments N]\n');
  process.exit(2);
}
const other = resolve(values.against);
const load = (rel: string) => import(pathToFileURL(resolve(other, rel)).href);
const theirs = (await load('src/classify/createClassifier.ts')) as { createClassifier: (p: LoadedPipeline) => Classifier };
const theirPipeline = (await load('src/pipeline/loadPipeline.ts')) as { loadPipeline: (path?: string) => LoadedPipeline };

// both engines read this checkout's pipeline and lexicons
const pipelinePath = resolve(import.meta.dirname, '..', 'pipelines', 'medborgarpulsen.json');
const a = theirs.createClassifier(theirPipeline.loadPipeline(pipelinePath));
const b = createClassifier(loadPipeline(pipelinePath));
const N = Number(values.comments);
const comments = [...generateComments({ rows: N, seed: 'bench' })];
let sink = 0;
const pass = (c: Classifier) => {
  const t = performance.now();
  for (const x of comments) sink += c.classify(x.text, x.lang).areas.length;
  return performance.now() - t;
};
for (let k = 0; k < 3; k++) {
  pass(a);
  pass(b);
}
const ra: number[] = [];
const rb: number[] = [];
for (let k = 0; k < Number(values.passes); k++) {
  ra.push(pass(a));
  rb.push(pass(b));
}
const median = (r: number[]) => [...r].sort((x, y) => x - y)[Math.floor(r.length / 2)] as number;
const rate = (ms: number) => Math.round((N / ms) * 1000).toLocaleString('en');
process.stdout.write(
  `${other}: median ${rate(median(ra))} comments/s\nthis checkout: median ${rate(median(rb))} comments/s\nratio (this / other): ${(median(ra) / median(rb)).toFixed(3)}\n`,
);
if (sink === -1) process.stdout.write('\n');
