import { inTransaction } from '../../store/inTransaction.js';
import { appendMentions } from '../../store/appendMentions.js';
import { createClassifier } from '../../classify/createClassifier.js';
import { loadPipeline } from '../../pipeline/loadPipeline.js';
import { openDatabase } from '../../store/openDatabase.js';
import { parse, required } from '../args.js';
import type { Io } from '../io.js';

export const RESCORE_USAGE = 'pulse rescore --db FILE [--pipeline FILE] [--all]';

/**
 * Re-classifies stored comments with the current lexicons, so that every year is scored the same
 * way. Only comments scored with another lexicon version are touched unless --all is given. One
 * transaction: a failure leaves the database as it was.
 */
export async function rescoreCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse('rescore', args, { db: { type: 'string' }, pipeline: { type: 'string' }, all: { type: 'boolean' } });
  const dbPath = required('rescore', 'db', values.db);
  const pipeline = loadPipeline(values.pipeline);
  const classifier = createClassifier(pipeline);
  const db = await openDatabase(dbPath, { mustExist: true });
  const c = db.connection;
  const t = Date.now();
  let n = 0;
  try {
    await inTransaction(db, async () => {
      const where = values.all ? '' : 'WHERE lexicon_version <> $v';
      const params: Record<string, string> = values.all ? {} : { v: classifier.version };
      const rows = (await c.runAndReadAll(`SELECT comment_id, text, lang FROM comments ${where} ORDER BY comment_id`, params)).getRowObjects();
      await c.run(`CREATE TEMP TABLE rescored (comment_id BIGINT, sentiment VARCHAR, sentiment_score DOUBLE)`);
      const mentions = await c.createAppender('mentions');
      const scored = await c.createAppender('rescored');
      try {
        await c.run(`DELETE FROM mentions WHERE comment_id IN (SELECT comment_id FROM comments ${where})`, params);
        for (const r of rows) {
          const id = r.comment_id as bigint;
          const res = classifier.classify(String(r.text), String(r.lang));
          scored.appendBigInt(id);
          scored.appendVarchar(res.sentiment.label);
          scored.appendDouble(res.sentiment.score);
          scored.endRow();
          appendMentions(mentions, id, res.areas, classifier.version);
          n++;
        }
        mentions.flushSync();
        scored.flushSync();
      } finally {
        mentions.closeSync();
        scored.closeSync();
      }
      await c.run(
        `UPDATE comments SET sentiment = r.sentiment, sentiment_score = r.sentiment_score, lexicon_version = $v
         FROM rescored r WHERE comments.comment_id = r.comment_id`,
        { v: classifier.version },
      );
      await c.run('DROP TABLE rescored');
    });
  } finally {
    db.close();
  }
  io.err(`rescore: ${n.toLocaleString('en')} comments re-classified with lexicon ${classifier.version} in ${Date.now() - t} ms\n`);
  return 0;
}
