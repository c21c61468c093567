import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { createClassifier } from '../src/classify/createClassifier.js';
import { loadPipeline } from '../src/pipeline/loadPipeline.js';
const c = createClassifier(loadPipeline());
let ok = 0, n = 0;
const conf = new Map<string, number>();
for (const l of ['sv', 'da', 'nb', 'en']) for (const part of ['dev', 'test']) {
  const rows = Papa.parse<Record<string, string>>(readFileSync(`fixtures/gold/${l}-${part}.csv`, 'utf8'), { header: true, skipEmptyLines: true }).data;
  for (const r of rows) { const d = c.detect(r.text!); n++; if (d === r.lang) ok++; else { conf.set(`${r.lang}->${d}`, (conf.get(`${r.lang}->${d}`) ?? 0) + 1); if (process.argv[2]) console.log(r.lang, d, r.text); } }
}
console.log(ok, n, (ok / n).toFixed(3), [...conf]);
