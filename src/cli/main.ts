import { LexiconError } from '../lexicon/tsv.js';
import { CLASSIFY_USAGE, classifyCommand } from './commands/classify.js';
import { demoCommand } from './commands/demo.js';
import { EVALUATE_USAGE, evaluateCommand } from './commands/evaluate.js';
import { EXPLAIN_USAGE, explainCommand } from './commands/explain.js';
import { REPORT_USAGE, reportCommand } from './commands/report.js';
import { COMPARE_USAGE, compareCommand } from './commands/compare.js';
import { EXPORT_USAGE, exportCommand } from './commands/exportData.js';
import { REDACT_USAGE, redactCommand } from './commands/redactDb.js';
import { RESCORE_USAGE, rescoreCommand } from './commands/rescore.js';
import { RUN_USAGE, runCommand } from './commands/run.js';
import { processIo, type Io } from './io.js';
import { UserError } from './UserError.js';

const COMMANDS: Record<string, { run: (args: string[], io: Io) => Promise<number>; usage: string; about: string }> = {
  classify: { run: classifyCommand, usage: CLASSIFY_USAGE, about: 'classify a comment CSV to JSONL' },
  run: { run: runCommand, usage: RUN_USAGE, about: 'load comment CSVs into a DuckDB database' },
  report: { run: reportCommand, usage: REPORT_USAGE, about: 'write the yearly report' },
  evaluate: { run: evaluateCommand, usage: EVALUATE_USAGE, about: 'score the classifier on a gold CSV' },
  explain: { run: explainCommand, usage: EXPLAIN_USAGE, about: 'show how one comment is classified' },
  rescore: { run: rescoreCommand, usage: RESCORE_USAGE, about: 're-classify stored comments with the current lexicons' },
  compare: { run: compareCommand, usage: COMPARE_USAGE, about: 'shares and changes by segment and period' },
  redact: { run: redactCommand, usage: REDACT_USAGE, about: 'redact an existing database retroactively' },
  export: { run: exportCommand, usage: EXPORT_USAGE, about: 'write comments and mentions as Parquet or CSV' },
  demo: { run: demoCommand, usage: 'pulse demo [--db FILE] [--output FILE]', about: 'the npm start job on the bundled demo data' },
};

export function usage(): string {
  const lines = ['usage: pulse <command> [options]', ''];
  for (const [name, c] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(9)} ${c.about}`, `            ${c.usage}`);
  lines.push('', 'Exit status: 0 success, 1 failure, 2 bad usage, 3 done but rows were rejected.');
  return `${lines.join('\n')}\n`;
}

/** Runs one command line; only this function's caller exits the process. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.out : io.err)(usage());
    return name ? 0 : 2;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    io.err(`pulse: unknown command "${name}"\n${usage()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`usage: ${cmd.usage}\n`);
    return 0;
  }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    if (e instanceof UserError) {
      io.err(`pulse ${name}: ${e.message.replace(/^pulse \w+: /, '')}\n`);
      return e.exitCode;
    }
    if (e instanceof LexiconError) {
      io.err(`pulse ${name}: ${e.message}\n`);
      return 1;
    }
    const err = e as Error;
    io.err(`pulse ${name}: internal error: ${err.message}\n${process.env.PULSE_DEBUG ? `${err.stack}\n` : ''}`);
    return 1;
  }
}

