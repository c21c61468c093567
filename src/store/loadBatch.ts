import { appendMentions } from './appendMentions.js';
import { basename } from 'node:path';
import { dateValue, type DuckDBAppender } from '@duckdb/node-api';
import type { Classifier } from '../classify/createClassifier.js';
import { readComments } from '../ingest/readComments.js';
import type { LoadedPipeline } from '../pipeline/loadPipeline.js';
import { redact } from '../redact/redact.js';
import { TOOL_VERSION } from '../version.js';
import type { Database } from './openDatabase.js';
import { sha256File } from './sha256File.js';

export interface BatchSummary {
  readonly batchId: number;
  readonly source: string;
  readonly sha256: string;
  readonly encoding: string;
  readonly rowsRead: number;
  readonly rowsLoaded: number;
  readonly rowsRejected: number;
  /** the same file was loaded before and nothing changed */
  readonly skipped: boolean;
  readonly replaced: boolean;
}

export interface LoadOptions {
  readonly replace?: boolean;
  readonly keepRaw?: boolean;
  readonly encoding?: string;
  readonly now?: Date;
  /** called every few thousand rows with the rows read so far */
  readonly progress?: (rowsRead: number) => void;
}

const ID_STRIDE = 1_000_000_000n;

/**
 * Loads one comment CSV as one batch, in one transaction: rows are read, redacted, classified and
 * appended; a bad row goes to `rejects` with its line and reason; the batch row records what was
 * read, loaded and rejected. Any failure rolls the whole batch back, so the database is as before.
 * A file already loaded (same SHA-256) is skipped unless `replace` is set.
 */
export async function loadBatch(
  db: Database,
  file: string,
  pipeline: LoadedPipeline,
  classifier: Classifier,
  opts: LoadOptions = {},
): Promise<BatchSummary> {
  const c = db.connection;
  const stream = await readComments(file, {
    required: ['id', 'text', 'year', 'municipality'],
    aliases: pipeline.columns,
    encoding: opts.encoding,
    // repeated ids are found in the database below, so memory does not grow with the file
    rejectDuplicates: false,
  });
  const sha256 = await sha256File(file);
  await c.run('BEGIN TRANSACTION');
  const appenders: DuckDBAppender[] = [];
  try {
    const existing = (
      await c.runAndReadAll('SELECT batch_id FROM batches WHERE source_sha256 = $sha ORDER BY batch_id', { sha: sha256 })
    ).getRowObjects();
    let replaced = false;
    if (existing.length > 0) {
      const old = Number(existing[0]?.batch_id);
      if (!opts.replace) {
        await c.run('ROLLBACK');
        const row = (
          await c.runAndReadAll('SELECT * FROM batches WHERE batch_id = $b', { b: old })
        ).getRowObjects()[0];
        return {
          batchId: old,
          source: String(row?.source),
          sha256,
          encoding: String(row?.encoding),
          rowsRead: Number(row?.rows_read),
          rowsLoaded: Number(row?.rows_loaded),
          rowsRejected: Number(row?.rows_rejected),
          skipped: true,
          replaced: false,
        };
      }
      for (const e of existing) await deleteBatch(db, Number(e.batch_id));
      replaced = true;
    }
    const next = (await c.runAndReadAll('SELECT coalesce(max(batch_id), 0) + 1 AS b FROM batches')).getRowObjects()[0];
    const batchId = Number(next?.b);
    const comments = await c.createAppender('comments');
    const mentions = await c.createAppender('mentions');
    const rejects = await c.createAppender('rejects');
    appenders.push(comments, mentions, rejects);
    let read = 0;
    let loaded = 0;
    let rejected = 0;
    for await (const r of stream.rows) {
      read++;
      if (opts.progress && read % 5000 === 0) opts.progress(read);
      if ('reject' in r) {
        rejected++;
        rejects.appendInteger(batchId);
        rejects.appendBigInt(BigInt(r.reject.line));
        rejects.appendVarchar(redact(r.reject.reason).text);
        rejects.appendVarchar(opts.keepRaw ? r.reject.raw : redact(r.reject.raw).text);
        rejects.endRow();
        continue;
      }
      const row = r.ok;
      loaded++;
      const commentId = BigInt(batchId) * ID_STRIDE + BigInt(loaded);
      const red = opts.keepRaw ? { text: row.text, findings: [] } : redact(row.text);
      const result = classifier.classify(red.text, row.lang);
      comments.appendBigInt(commentId);
      comments.appendInteger(batchId);
      comments.appendVarchar(row.id);
      comments.appendBigInt(BigInt(row.line));
      comments.appendInteger(row.year as number);
      comments.appendVarchar(row.municipality as string);
      comments.appendVarchar(result.lang);
      comments.appendVarchar(result.langSource);
      if (row.channel) comments.appendVarchar(row.channel);
      else comments.appendNull();
      const d = row.date ? /^(\d{4})-(\d{2})-(\d{2})/.exec(row.date) : null;
      if (d) comments.appendDate(dateValue({ year: Number(d[1]), month: Number(d[2]), day: Number(d[3]) }));
      else comments.appendNull();
      comments.appendVarchar(red.text);
      comments.appendVarchar(result.sentiment.label);
      comments.appendDouble(result.sentiment.score);
      comments.appendVarchar(classifier.version);
      comments.appendInteger(red.findings.length);
      const extraKeys = Object.keys(row.extra);
      if (extraKeys.length > 0) {
        const extra: Record<string, string> = {};
        for (const k of extraKeys) extra[k] = opts.keepRaw ? (row.extra[k] ?? '') : redact(row.extra[k] ?? '').text;
        comments.appendVarchar(JSON.stringify(extra));
      } else comments.appendNull();
      comments.endRow();
      appendMentions(mentions, commentId, result.areas, classifier.version);
    }
    for (const a of appenders) a.flushSync();
    for (const a of appenders.splice(0)) a.closeSync();
    const duplicates = await rejectDuplicateIds(db, batchId);
    loaded -= duplicates;
    rejected += duplicates;
    const loadedAt = (opts.now ?? new Date()).toISOString().replace('T', ' ').replace('Z', '');
    await c.run(
      `INSERT INTO batches VALUES ($id, $source, $sha, $enc, $read, $loaded, $rejected, $pipeline, $lex, $tool, CAST($at AS TIMESTAMP))`,
      {
        id: batchId,
        source: basename(file),
        sha: sha256,
        enc: stream.encoding,
        read,
        loaded,
        rejected,
        pipeline: pipeline.name,
        lex: classifier.version,
        tool: TOOL_VERSION,
        at: loadedAt,
      },
    );
    await c.run('COMMIT');
    return {
      batchId,
      source: basename(file),
      sha256,
      encoding: stream.encoding,
      rowsRead: read,
      rowsLoaded: loaded,
      rowsRejected: rejected,
      skipped: false,
      replaced,
    };
  } catch (e) {
    for (const a of appenders) {
      try {
        a.closeSync();
      } catch {
        /* the transaction is rolled back below */
      }
    }
    await c.run('ROLLBACK');
    throw e;
  }
}

/**
 * A repeated id within one batch: the first row stays, the later ones move to `rejects` (their
 * raw column then holds the id and the redacted text). Done in SQL so no id is held in memory.
 */
async function rejectDuplicateIds(db: Database, batchId: number): Promise<number> {
  const c = db.connection;
  const b = { b: batchId };
  await c.run(
    `CREATE TEMP TABLE pulse_dupes AS
     SELECT comment_id, line, source_id, text, first_line FROM (
       SELECT comment_id, line, source_id, text,
         min(line) OVER (PARTITION BY source_id) AS first_line,
         row_number() OVER (PARTITION BY source_id ORDER BY line) AS rn
       FROM comments WHERE batch_id = $b) WHERE rn > 1`,
    b,
  );
  try {
    const n = Number((await c.runAndReadAll('SELECT count(*) AS n FROM pulse_dupes')).getRowObjects()[0]?.n ?? 0);
    if (n > 0) {
      await c.run(
        `INSERT INTO rejects SELECT $b, line, 'duplicate id "' || source_id || '" (first on line ' || first_line || ')',
           'id=' || source_id || ' text=' || text FROM pulse_dupes ORDER BY line`,
        b,
      );
      await c.run('DELETE FROM mentions WHERE comment_id IN (SELECT comment_id FROM pulse_dupes)');
      await c.run('DELETE FROM comments WHERE comment_id IN (SELECT comment_id FROM pulse_dupes)');
    }
    return n;
  } finally {
    await c.run('DROP TABLE pulse_dupes');
  }
}

/** Removes one batch with its comments, mentions and rejects (inside the caller's transaction). */
export async function deleteBatch(db: Database, batchId: number): Promise<void> {
  const c = db.connection;
  const b = { b: batchId };
  await c.run('DELETE FROM mentions WHERE comment_id IN (SELECT comment_id FROM comments WHERE batch_id = $b)', b);
  await c.run('DELETE FROM comments WHERE batch_id = $b', b);
  await c.run('DELETE FROM rejects WHERE batch_id = $b', b);
  await c.run('DELETE FROM batches WHERE batch_id = $b', b);
}
