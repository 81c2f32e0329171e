import {z} from 'zod'

/** Listing formats papersift reads. */
export const formats = [
  'plain-text',
  'arxiv-email',
  'arxiv-atom',
  'hf-json',
  'jsonl',
  'markdown',
] as const

export const FormatSchema = z.enum(formats)
/** A listing format name. */
export type Format = z.infer<typeof FormatSchema>

/** Roles a link can play for a paper. */
export const linkRoles = ['abstract', 'pdf', 'code', 'project', 'dataset', 'other'] as const
export const LinkRoleSchema = z.enum(linkRoles)
export type LinkRole = z.infer<typeof LinkRoleSchema>

/** New-style (`2401.01234`) or old-style (`hep-th/9901001`) arXiv identifier, without version. */
export const arxivIdPattern = /^(?:\d{4}\.\d{4,5}|[a-z][a-z-]*(?:\.[A-Z]{2})?\/\d{7})$/

export const LinkSchema = z.object({
  /** Only http(s) URLs: other schemes (`javascript:`, `data:`, `file:`) never reach a record. */
  url: z.string().regex(/^https?:\/\/[^\s/]\S*$/i, {error: 'expected an http(s) URL'}),
  role: LinkRoleSchema,
})
export type Link = z.infer<typeof LinkSchema>

export const MetricsSchema = z
  .object({
    upvotes: z.number().int().nonnegative().optional(),
    stars: z.number().int().nonnegative().optional(),
    comments: z.number().int().nonnegative().optional(),
  })
  .strict()
export type Metrics = z.infer<typeof MetricsSchema>

export const SourceSchema = z.object({
  format: FormatSchema,
  /** 1-based line where the entry starts. */
  line: z.number().int().positive(),
  /** 1-based line where the entry ends (inclusive). */
  endLine: z.number().int().positive(),
})
export type Source = z.infer<typeof SourceSchema>

/** ISO date `YYYY-MM-DD`. */
export const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/

export const PaperSchema = z.object({
  /** Stable id: `arxiv:<id>`, else `doi:<doi>`, else `title:<slug>-<hash>`. */
  id: z.string().min(1),
  title: z.string().min(1).max(1000),
  abstract: z.string().min(1).optional(),
  authors: z.array(z.string().min(1)),
  arxivId: z.string().regex(arxivIdPattern).optional(),
  /** arXiv version number when the listing names one (`v2` → 2). */
  arxivVersion: z.number().int().positive().optional(),
  doi: z.string().regex(/^10\.\d{4,9}\/\S+$/).optional(),
  links: z.array(LinkSchema),
  /** ISO date `YYYY-MM-DD` (first publication when the listing tells). */
  published: z.string().regex(isoDatePattern).optional(),
  venue: z.string().min(1).optional(),
  year: z.number().int().min(1900).max(2100).optional(),
  categories: z.array(z.string().min(1)).optional(),
  comments: z.string().min(1).optional(),
  keywords: z.array(z.string().min(1)).optional(),
  metrics: MetricsSchema.optional(),
  /** Heading path the entry sits under (`["2023", "Video generation"]`). */
  section: z.array(z.string().min(1)).optional(),
  source: SourceSchema,
})

/** A paper record. */
export type Paper = z.infer<typeof PaperSchema>
