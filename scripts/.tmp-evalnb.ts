import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { loadLexicons } from '/work/main/src/lexicon/loadLexicons.ts';
import { classifyText } from '/work/main/src/classify/classify.ts';
import { parseLabels } from '/work/main/src/evaluate/parseLabels.ts';
import { scoreGold } from '/work/main/src/evaluate/scoreGold.ts';
const AREAS = ['digital','wait','staff','services','overall'];
const lex = loadLexicons('/work/main/lexicons', ['nb'] as any, AREAS).byLang.get('nb' as any)!;
const file = process.argv[2];
const rows = Papa.parse(readFileSync(file,'utf8'), { header: true, skipEmptyLines: true }).data as any[];
const items:any[] = []; let wrong=0;
for (const r of rows) {
  const out:any = classifyText(r.text, lex, { areas: AREAS });
  const pred = new Map<string,any>();
  for (const a of out.areas ?? []) pred.set(a.area, a.polarity);
  const gold = parseLabels(r.labels, AREAS);
  items.push({ id: r.id, lang: 'nb', gold, predicted: pred });
  const g=[...gold].map(([a,p])=>a+':'+p).sort().join(';'), p=[...pred].map(([a,p])=>a+':'+p).sort().join(';');
  if (g!==p && process.argv[3]) { wrong++; console.log(`${r.text}\n   gold=${g}\n   pred=${p}`); }
}
const s:any = scoreGold(items, AREAS);
console.log(JSON.stringify(s, null, 0).slice(0, 1500));
