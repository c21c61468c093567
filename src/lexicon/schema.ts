import { z } from 'zod';

/** Area ids are declared by the pipeline file; lexicons may only use declared ones. */
export const areaIdSchema = z.string().regex(/^[a-z][a-z_]*$/, 'an area id in lower case');

const term = z
  .string()
  .min(1, 'a term')
  .refine((s) => s === s.trim() && !/\s{2,}/.test(s), 'no leading, trailing or double spaces')
  .refine((s) => s === s.toLowerCase(), 'lower case');

const note = z.string().optional().default('');

export const areaRowSchema = z.object({ area: areaIdSchema, term, note });
export type AreaRow = z.infer<typeof areaRowSchema>;

export const valenceSchema = z.coerce
  .number()
  .int('a whole number')
  .min(-3)
  .max(3)
  .refine((v) => v !== 0, 'not 0 (neutral words do not belong in polarity.tsv)');

export const polarityRowSchema = z.object({
  term,
  valence: valenceSchema,
  area: z.union([areaIdSchema, z.literal('')]).optional().default(''),
  note,
});
export type PolarityRow = z.infer<typeof polarityRowSchema>;

export const shifterKinds = [
  'negator',
  // a negating determiner or preposition ("ingen", "utan", "without"): reaches only the words after it
  'negator-ahead',
  'intensifier',
  'dampener',
  'prefix',
  'contrast',
  'concessive',
  'irrealis',
  // an irrealis that asks for something ("borde", "should"): a clause it opens that names an area
  // and judges nothing is a mild complaint about that area ("Hemsidan borde finnas på engelska")
  'demand',
  // a problem that persists ("fortfarande", "stadigvæk", "fortsatt"): a clause it stands in that names
  // an area and judges nothing is a mild complaint about that area ("Hålet i gatan är fortfarande där")
  'persist',
  // asks for information or a service ("jag undrar om", "kan du fortelle meg", "can you tell me
  // when"): its clause is a question even without "?", and praise in it is no judgement ("I'd
  // like to know if the tip is open Sunday" asks; it does not praise the opening hours)
  'inquiry',
] as const;
export type ShifterKind = (typeof shifterKinds)[number];

export const shifterRowSchema = z.object({
  term,
  kind: z.enum(shifterKinds),
  weight: z.coerce.number().positive().max(5),
  note,
});
export type ShifterRow = z.infer<typeof shifterRowSchema>;

export const idiomRowSchema = z.object({
  phrase: term.refine((s) => s.includes(' ') || s.includes('-'), 'a phrase of two or more words'),
  valence: z.coerce.number().int('a whole number').min(-3).max(3),
  area: z.union([areaIdSchema, z.literal('')]).optional().default(''),
  note,
});
export type IdiomRow = z.infer<typeof idiomRowSchema>;

/** the calendar kinds name a day of the week (1 = Monday … 7) or a month (1 = January … 12) */
const CALENDAR: Record<string, number> = { weekday: 7, month: 12 };
export const unitRowSchema = z
  .object({
    term,
    kind: z.enum(['unit', 'number', 'within', 'turnaround', 'later', 'took', 'since', 'point', 'now', 'weekday', 'month']),
    value: z.coerce.number().positive(),
    note,
  })
  .refine((r) => !(r.kind in CALENDAR) || (Number.isInteger(r.value) && r.value <= (CALENDAR[r.kind] as number)), {
    message: 'a weekday is numbered 1 (Monday) to 7, a month 1 (January) to 12',
    path: ['value'],
  });
export type UnitRow = z.infer<typeof unitRowSchema>;

export const functionWordRowSchema = z.object({ word: term, note });
export type FunctionWordRow = z.infer<typeof functionWordRowSchema>;

export const emojiRowSchema = z.object({
  symbol: z.string().min(1),
  valence: valenceSchema,
  note,
});
export type EmojiRow = z.infer<typeof emojiRowSchema>;

/** `common/irony.tsv`: symbols that mark their sentence as ironic ("Helt topp 🙃"). */
export const ironyRowSchema = z.object({ symbol: z.string().min(1), note });
export type IronyRow = z.infer<typeof ironyRowSchema>;

export const aspectsSchema = z.object({
  groups: z.array(
    z.object({
      name: z.string().min(1),
      note: z.string().optional().default(''),
      /** the area a judgement through this group belongs to when its target is no area cue */
      area: areaIdSchema.optional(),
      /** areas whose cue in the judgement's clause takes it from `area`: a library's opening hours are about the library */
      yieldTo: z.array(areaIdSchema).optional().default([]),
      targets: z.array(term).min(1),
      modifiers: z.record(term, z.number().min(-3).max(3).refine((v) => v !== 0, 'not 0')),
    }),
  ),
});
export type Aspects = z.infer<typeof aspectsSchema>;

/** Every row keeps the place it came from, so errors and evidence can name it. */
export interface Located<T> {
  readonly row: T;
  readonly file: string;
  readonly line: number;
}

export interface LexiconSource {
  readonly lang: string;
  readonly areas: Located<AreaRow>[];
  readonly polarity: Located<PolarityRow>[];
  readonly shifters: Located<ShifterRow>[];
  readonly idioms: Located<IdiomRow>[];
  readonly units: Located<UnitRow>[];
  readonly functionWords: Located<FunctionWordRow>[];
  readonly emoji: Located<EmojiRow>[];
  readonly irony: Located<IronyRow>[];
  readonly aspects: Located<Aspects['groups'][number]>[];
}
