import { loadLexicons } from '../src/lexicon/loadLexicons.ts';
import { classifyText } from '../src/classify/classify.ts';
const AREAS = ['digital','wait','staff','services','overall'];
const lex = loadLexicons('/work/main/lexicons', ['nb'] as any, AREAS).byLang.get('nb' as any)!;
const out:any = classifyText(process.argv[2], lex, { areas: AREAS, trace: true });
console.log(JSON.stringify(out.areas.map((a:any)=>[a.area,a.polarity,a.evidence.map((e:any)=>e.entry||e.rule)])));
console.log(JSON.stringify(out.trace?.judgements?.map((j:any)=>[j.text,j.value,j.area,j.steps.join('|')])));
