import { generateComments } from '../fixtures/generator/index.js';
import { createClassifier } from '../src/classify/createClassifier.js';
import { loadPipeline } from '../src/pipeline/loadPipeline.js';
const c = createClassifier(loadPipeline(process.env.PULSE_PIPELINE));
const comments = [...generateComments({ rows: 20000, seed: 'bench' })];
for (const x of comments) c.classify(x.text, x.lang);
const t = performance.now();
for (let k = 0; k < 2; k++) for (const x of comments) c.classify(x.text, x.lang);
console.log(((40000 / (performance.now() - t)) * 1000).toFixed(0), '/s');
