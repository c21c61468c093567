import { createClassifier } from '../../classify/createClassifier.js';
import { loadPipeline } from '../../pipeline/loadPipeline.js';
import { redact } from '../../redact/redact.js';
import { UserError } from '../UserError.js';
import { langArg, parse } from '../args.js';
import type { Io } from '../io.js';

export const EXPLAIN_USAGE = 'pulse explain [--lang auto|sv|da|nb|en] [--json] [--pipeline FILE] TEXT';

/** Shows, token by token, how one comment is classified: matches, clauses, rules, areas. */
export async function explainCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    'explain',
    args,
    { lang: { type: 'string' }, json: { type: 'boolean' }, pipeline: { type: 'string' }, 'keep-raw': { type: 'boolean' } },
    true,
  );
  if (positionals.length === 0) throw new UserError('pulse explain: give the comment text, e.g. pulse explain "Lång väntetid"', 2);
  const lang = langArg('explain', values.lang);
  const raw = positionals.join(' ');
  const text = values['keep-raw'] ? raw : redact(raw).text;
  const classifier = createClassifier(loadPipeline(values.pipeline));
  const res = classifier.classify(text, lang, { trace: true });
  if (values.json) {
    io.out(`${JSON.stringify(res)}\n`);
    return 0;
  }
  const t = res.trace;
  const out: string[] = [];
  out.push(`text:      ${text}`);
  out.push(`language:  ${res.lang} (${res.langSource})   lexicon ${classifier.version}`);
  out.push('', 'tokens');
  for (const tok of t?.tokens ?? []) {
    out.push(`  ${String(tok.start).padStart(4)}-${String(tok.end).padEnd(4)} c${tok.clause}  ${tok.text.padEnd(18)} ${tok.roles.join('; ')}`);
  }
  out.push('', 'clauses');
  for (const c of t?.clauses ?? []) {
    out.push(`  c${c.index}  weight ${c.weight}${c.flags.length ? `  [${c.flags.join(', ')}]` : ''}  "${c.text}"`);
  }
  out.push('', 'judgements');
  if ((t?.judgements.length ?? 0) === 0) out.push('  (none)');
  for (const j of t?.judgements ?? []) {
    out.push(`  "${j.text}" c${j.clause}: ${j.base} -> ${j.value}  area ${j.area ?? '-'}`);
    for (const s of j.steps) out.push(`      ${s}`);
  }
  out.push('', 'result');
  out.push(`  sentiment ${res.sentiment.label} (${res.sentiment.score})`);
  if (res.areas.length === 0) out.push('  no area');
  for (const a of res.areas) {
    out.push(`  ${a.area.padEnd(9)} ${a.polarity}  ${a.score}`);
    for (const e of a.evidence) out.push(`      ${e.rule.padEnd(18)} "${e.text}" [${e.start},${e.end})${e.entry ? `  ${e.entry}` : ''}`);
  }
  io.out(`${out.join('\n')}\n`);
  return 0;
}
