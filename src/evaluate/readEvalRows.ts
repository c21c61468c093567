import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** One row of the public polarity data (../shared/eval/*.jsonl). */
export const evalRowSchema = z.object({
  id: z.string(),
  lang: z.enum(['sv', 'da', 'nb', 'en']),
  source: z.string(),
  text: z.string(),
  label: z.enum(['pos', 'neg', 'neu']),
});
export type EvalRow = z.infer<typeof evalRowSchema>;

/** Reads a JSONL file of labelled texts; a bad line is an error naming the file and line. */
export function readEvalRows(file: string): EvalRow[] {
  const rows: EvalRow[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch (e) {
        throw new Error(`${file}:${i + 1}: not valid JSON (${(e as Error).message})`);
      }
      const parsed = evalRowSchema.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`${file}:${i + 1}: ${issue?.path.join('.') || 'row'}: ${issue?.message}`);
      }
      rows.push(parsed.data);
    });
  return rows;
}
