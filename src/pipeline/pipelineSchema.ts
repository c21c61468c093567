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
      }),
    )
    .min(1),
  languages: z.array(langSchema).min(1),
  /** lexicon folder, relative to the pipeline file */
  lexicons: z.string().default('../lexicons'),
  /** other header names accepted for the contract's columns, e.g. {"text": ["kommentar"]} */
  columns: z.record(z.string(), z.array(z.string())).default({}),
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
