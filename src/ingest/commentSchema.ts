import { z } from 'zod';

/** The contract's columns (CONTRACT.md); any other column is kept as an extra. */
export const CONTRACT_COLUMNS = ['id', 'text', 'year', 'municipality', 'lang', 'channel', 'date'] as const;
export type ContractColumn = (typeof CONTRACT_COLUMNS)[number];

const optionalText = z
  .string()
  .transform((s) => s.trim())
  .optional();

/** One comment row after column mapping, before classification. */
export const commentRowSchema = z.object({
  id: z.string().trim().min(1, 'the id is empty'),
  text: z.string().refine((s) => s.trim().length > 0, 'the text is empty'),
  year: z
    .string()
    .trim()
    .regex(/^\d{4}$/, 'the year must be four digits, e.g. 2024')
    .transform(Number)
    .refine((y) => y >= 1900 && y <= 2100, 'the year must be between 1900 and 2100')
    .optional(),
  municipality: optionalText,
  lang: z
    .string()
    .trim()
    .toLowerCase()
    .refine((s) => ['', 'auto', 'sv', 'da', 'nb', 'en', 'no'].includes(s), 'lang must be sv, da, nb, en or empty')
    .transform((s) => (s === 'no' ? 'nb' : s))
    .optional(),
  channel: optionalText,
  date: z
    .string()
    .trim()
    .refine((s) => s === '' || /^\d{4}-\d{2}-\d{2}/.test(s), 'the date must be YYYY-MM-DD')
    .optional(),
});

export type CommentRow = z.infer<typeof commentRowSchema>;

export interface CommentInput extends CommentRow {
  /** the line the row starts on in its file */
  readonly line: number;
  /** columns outside the contract, by their header name */
  readonly extra: Record<string, string>;
}
