import { dirname, resolve } from 'node:path';
import { createClassifier } from '../../classify/createClassifier.js';
import { loadPipeline } from '../../pipeline/loadPipeline.js';
import { loadBatch, type BatchSummary } from '../../store/loadBatch.js';
import { inTransaction } from '../../store/inTransaction.js';
import { loadPeerGroups } from '../../store/loadPeerGroups.js';
import { openDatabase } from '../../store/openDatabase.js';
import { UserError } from '../UserError.js';
import { parse, required } from '../args.js';
import type { Io } from '../io.js';

export const RUN_USAGE =
  'pulse run --input FILE... --db FILE [--pipeline FILE] [--replace] [--keep-raw] [--encoding NAME] [--min-base N] [--peer-groups FILE]';

export interface RunOutcome {
  readonly batches: BatchSummary[];
  readonly lexiconVersion: string;
}

/**
 * Loads one or more comment CSVs into a DuckDB database, one batch (one transaction) each.
 * Prints per file: rows read = loaded + rejected. Exit 0, or 3 when rows were rejected.
 */
export async function runCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    'run',
    args,
    {
      input: { type: 'string', multiple: true },
      db: { type: 'string' },
      pipeline: { type: 'string' },
      replace: { type: 'boolean' },
      'keep-raw': { type: 'boolean' },
      encoding: { type: 'string' },
      'min-base': { type: 'string' },
      'peer-groups': { type: 'string' },
    },
    true,
  );
  const inputs = [...(values.input ?? []), ...positionals];
  if (inputs.length === 0) throw new UserError('pulse run: --input FILE is required', 2);
  const dbPath = required('run', 'db', values.db);
  const minBase = values['min-base'];
  if (minBase !== undefined && !/^\d+$/.test(minBase)) throw new UserError('pulse run: --min-base must be a whole number', 2);
  const outcome = await runBatches(inputs, dbPath, io, {
    pipeline: values.pipeline,
    replace: values.replace,
    keepRaw: values['keep-raw'],
    encoding: values.encoding,
    minimumBase: minBase === undefined ? undefined : Number(minBase),
    peerGroups: values['peer-groups'],
  });
  return outcome.batches.some((b) => b.rowsRejected > 0 && !b.skipped) ? 3 : 0;
}

export async function runBatches(
  inputs: readonly string[],
  dbPath: string,
  io: Io,
  opts: {
    pipeline?: string;
    replace?: boolean;
    keepRaw?: boolean;
    encoding?: string;
    minimumBase?: number;
    /** a peer-group CSV; overrides the pipeline's `peerGroups` */
    peerGroups?: string;
  },
): Promise<RunOutcome> {
  const pipeline = loadPipeline(opts.pipeline);
  const t0 = Date.now();
  const classifier = createClassifier(pipeline);
  io.err(`run: lexicons ${pipeline.languages.join(', ')} compiled in ${Date.now() - t0} ms (version ${classifier.version})\n`);
  const db = await openDatabase(dbPath, { minimumBase: opts.minimumBase ?? pipeline.minimumBase });
  const batches: BatchSummary[] = [];
  try {
    const peerFile = opts.peerGroups
      ? resolve(opts.peerGroups)
      : pipeline.peerGroups
        ? resolve(dirname(pipeline.path), pipeline.peerGroups)
        : undefined;
    if (peerFile) {
      const file = peerFile;
      const n = await inTransaction(db, () => loadPeerGroups(db, file));
      io.err(`run: ${n} municipalities in peer groups from ${file}\n`);
    }
    for (const file of inputs) {
      const t = Date.now();
      const progress = io.tty
        ? (n: number) => io.err(`\r  ${file}: ${n.toLocaleString('en')} rows…`)
        : undefined;
      const b = await loadBatch(db, file, pipeline, classifier, {
        replace: opts.replace,
        keepRaw: opts.keepRaw,
        encoding: opts.encoding,
        progress,
      });
      if (io.tty) io.err('\r');
      batches.push(b);
      const counts = `${b.rowsRead.toLocaleString('en')} rows read = ${b.rowsLoaded.toLocaleString('en')} loaded + ${b.rowsRejected.toLocaleString('en')} rejected`;
      if (b.skipped) io.err(`run: ${file}: already loaded as batch ${b.batchId} (same SHA-256), nothing changed; ${counts}; use --replace to load it again\n`);
      else
        io.err(
          `run: ${file}: batch ${b.batchId}${b.replaced ? ' (replaced)' : ''}, ${b.encoding}, ${counts} in ${Date.now() - t} ms${b.rowsRejected > 0 ? ' (see the rejects table)' : ''}\n`,
        );
    }
  } finally {
    db.close();
  }
  return { batches, lexiconVersion: classifier.version };
}
