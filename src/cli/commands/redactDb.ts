import { inTransaction } from '../../store/inTransaction.js';
import { appendMentions } from '../../store/appendMentions.js';
import { createClassifier } from '../../classify/createClassifier.js';
import { loadPipeline } from '../../pipeline/loadPipeline.js';
import { redact } from '../../redact/redact.js';
import { openDatabase } from '../../store/openDatabase.js';
import { parse, required } from '../args.js';
import type { Io } from '../io.js';

export const REDACT_USAGE = 'pulse redact --db FILE [--pipeline FILE]';

/**
 * Redacts an existing database retroactively (e.g. one loaded with --keep-raw, or with an older
 * redactor): comment texts, extra columns and rejected rows. Comments whose text changes are
 * re-classified, so their evidence offsets point into the new text. One transaction.
 */
export async function redactCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse('redact', args, { db: { type: 'string' }, pipeline: { type: 'string' } });
  const dbPath = required('redact', 'db', values.db);
  const classifier = createClassifier(loadPipeline(values.pipeline));
  const db = await openDatabase(dbPath, { mustExist: true });
  const c = db.connection;
  let comments = 0;
  let found = 0;
  let rejects = 0;
  try {
    await inTransaction(db, async () => {
      const rows = (await c.runAndReadAll('SELECT comment_id, text, lang, extra FROM comments ORDER BY comment_id')).getRowObjects();
      const mentions = await c.createAppender('mentions');
      try {
        for (const r of rows) {
          const red = redact(String(r.text));
          const extra = r.extra === null ? null : redactJson(String(r.extra));
          if (red.findings.length === 0 && extra === r.extra) continue;
          comments++;
          found += red.findings.length;
          const id = r.comment_id as bigint;
          const res = classifier.classify(red.text, String(r.lang));
          await c.run(
            `UPDATE comments SET text = $t, extra = $x, redactions = redactions + $n, sentiment = $s, sentiment_score = $ss, lexicon_version = $v WHERE comment_id = $id`,
            { t: red.text, x: extra, n: red.findings.length, s: res.sentiment.label, ss: res.sentiment.score, v: classifier.version, id },
          );
          await c.run('DELETE FROM mentions WHERE comment_id = $id', { id });
          appendMentions(mentions, id, res.areas, classifier.version);
        }
        mentions.flushSync();
      } finally {
        mentions.closeSync();
      }
      const rej = (await c.runAndReadAll('SELECT rowid AS r, raw FROM rejects')).getRowObjects();
      for (const r of rej) {
        const red = redact(String(r.raw));
        if (red.findings.length === 0) continue;
        rejects++;
        await c.run('UPDATE rejects SET raw = $raw WHERE rowid = $r', { raw: red.text, r: r.r as bigint });
      }
    });
  } finally {
    db.close();
  }
  io.err(`redact: ${found} identifiers redacted in ${comments} comments (re-classified), ${rejects} rejected rows redacted\n`);
  return 0;
}

function redactJson(json: string): string {
  const obj = JSON.parse(json) as Record<string, string>;
  for (const k of Object.keys(obj)) obj[k] = redact(String(obj[k])).text;
  return JSON.stringify(obj);
}
