import { z } from 'zod';

export const langSchema = z.enum(['sv', 'da', 'nb', 'en']);

/** A pipeline file: the declarative configuration of a run (pipelines/*.json). */
export const pipelineSchema = z.object({
  name: z.string().min(1),
  description: z.string().optional(),
  /** the areas, in output and report order; the lexicons may only use these ids */
  areas: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z][a-z_]*$/),
        label: z.record(z.string(), z.string()),
        /**
         * A topic area whose cues name the errand more often than they judge it ("my council
         * tax query", "kommunen"): in a clause that also names another area, the other wins.
         */
        weakCues: z.boolean().default(false),
        /** the whole-experience area: judgements about no particular area go here (one area at most) */
        fallback: z.boolean().default(false),
        /**
         * An area reported only when something judges it: its cue in a comment without any
         * judgement is narration of the contact ("I rang and spoke to a woman", "the council"),
         * not a neutral mention. Areas without it get `neu` when a judgement-free comment names them
         * ("Jag ringde om mitt bygglov." is services:neu).
         */
        judgedOnly: z.boolean().default(false),
      }),
    )
    .min(1)
    .refine((as) => as.filter((a) => a.fallback).length <= 1, 'at most one area can be the fallback'),
  languages: z.array(langSchema).min(1),
  /** lexicon folder, relative to the pipeline file */
  lexicons: z.string().default('../lexicons'),
  /** other header names accepted for the contract's columns, e.g. {"text": ["kommentar"]} */
  columns: z.record(z.string(), z.array(z.string())).default({}),
  /**
   * Durations in comments ("45 minutes on hold", "svar inom två dagar") are judged by their length:
   * each band says up to how many minutes it reaches and the valence it gives. Words of kind
   * `within` and `turnaround` in units.tsv ("inom", "på", "within", "in") make a duration of up to
   * three weeks praise (lexicons/FORMAT.md).
   */
  durations: z
    .object({
      area: z.string(),
      /**
       * the self-service area: a duration under an hour in a sentence that names it and does not
       * name the waiting area is how long the task took there ("E-tjänsten tog fem minuter"), and
       * judges that area
       */
      selfService: z.string().optional(),
      bands: z.array(z.object({ upTo: z.number().positive().nullable(), valence: z.number().min(-3).max(3) })).min(1),
    })
    .optional(),
  /** cells with fewer comments than this are suppressed in reports */
  minimumBase: z.number().int().positive().default(30),
  /** an optional CSV municipality,group (relative to the pipeline file) */
  peerGroups: z.string().optional(),
  report: z
    .object({
      title: z.string().default('Citizen comments'),
      language: z.string().default('en'),
      examples: z.number().int().nonnegative().default(3),
    })
    .default({ title: 'Citizen comments', language: 'en', examples: 3 }),
});

export type Pipeline = z.infer<typeof pipelineSchema>;
