/**
 * JSON Lines of papersift's own `Paper` records, one object per line: the round trip of
 * papersift's output. A full record (one with an `id` or `source`) must pass `PaperSchema` and is
 * re-emitted exactly as written (same `id`, same `source`), skipping the draft normalisation.
 * A lighter object such as `{"title": "…", "abstract": "…"}` is read as a draft and finalised
 * like any other entry. Unknown keys (`topics` from a classifier, labels) are dropped.
 */
import {z} from 'zod'
import {createMessage} from '../message.js'
import {LinkRoleSchema, MetricsSchema, PaperSchema, type Link} from '../schema.js'
import {isSafeUrl} from './links.js'
import {splitAuthors} from '../text/normalize.js'
import type {FormatContext, FormatDefinition, LineParser} from './format.js'
import {scanJsonElements} from './hf-json.js'
import {linkRole} from './links.js'

const OptionalText = z.string().nullish()

/** A minimal object: a title and, optionally, what a draft can hold. */
const LightRecordSchema = z.object({
  title: z.string(),
  abstract: OptionalText,
  /** A list of names, or one string of names (`"Ada Lovelace, Alan Turing"`). */
  authors: z.union([z.array(z.string()), z.string()]).nullish(),
  arxivId: OptionalText,
  arxivVersion: z.number().int().positive().nullish(),
  doi: OptionalText,
  /** One URL for the paper; its role comes from the host. */
  url: OptionalText,
  links: z.array(z.union([z.string(), z.object({url: z.string(), role: LinkRoleSchema.nullish()})])).nullish(),
  published: OptionalText,
  venue: OptionalText,
  year: z.number().int().nullish(),
  categories: z.array(z.string()).nullish(),
  comments: OptionalText,
  keywords: z.array(z.string()).nullish(),
  metrics: MetricsSchema.nullish(),
  section: z.array(z.string()).nullish(),
})

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return `a ${typeof value}`
}

/**
 * Create the parser for papersift JSON Lines.
 *
 * @param context Where records, drafts and messages go.
 * @returns A `LineParser`.
 */
export function createJsonlParser(context: FormatContext): LineParser {
  function invalidRecord(line: number, reason: string, issues: readonly z.core.$ZodIssue[]): void {
    const first = issues[0]
    const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : ''
    context.message(createMessage('invalid-record', 'error', line, `${reason}: ${where}${first?.message ?? 'invalid'}`, {issues}))
  }

  return {
    push(text, line) {
      if (text.trim() === '') return
      let value: unknown
      try {
        value = JSON.parse(text)
      } catch {
        const error = scanJsonElements(text).error
        const at = error ? ` at column ${error.offset + 1}: ${error.reason}` : ''
        context.message(createMessage('invalid-json', 'error', line, `Line is not valid JSON${at}`))
        return
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        context.message(createMessage('invalid-record', 'error', line, `Line holds ${describe(value)}, not a paper object`))
        return
      }

      if ('id' in value || 'source' in value) {
        // papersift's own record: kept exactly as written, except links that are not http(s).
        const record = value as Record<string, unknown>
        if (Array.isArray(record.links)) {
          record.links = record.links.filter((link: unknown) => {
            const url = (link as {url?: unknown} | null)?.url
            if (typeof url !== 'string' || isSafeUrl(url)) return true
            context.message(createMessage('unsafe-link', 'warning', line, `Dropped link with unsupported scheme: ${url.slice(0, 80)}`))
            return false
          })
        }
        const result = PaperSchema.safeParse(record)
        if (!result.success) {
          invalidRecord(line, 'Line is not a valid paper record', result.error.issues)
          return
        }
        context.emitPaper(result.data)
        return
      }

      const result = LightRecordSchema.safeParse(value)
      if (!result.success) {
        invalidRecord(line, 'Line is not a paper object', result.error.issues)
        return
      }
      const record = result.data
      const links: Link[] = []
      if (record.url) links.push({url: record.url, role: linkRole(record.url)})
      for (const link of record.links ?? []) {
        if (typeof link === 'string') links.push({url: link, role: linkRole(link)})
        else links.push({url: link.url, role: link.role ?? linkRole(link.url)})
      }
      context.emit({
        title: record.title,
        abstract: record.abstract ?? undefined,
        authors: typeof record.authors === 'string' ? splitAuthors(record.authors) : (record.authors ?? undefined),
        arxivId: record.arxivId ?? undefined,
        arxivVersion: record.arxivVersion ?? undefined,
        doi: record.doi ?? undefined,
        links,
        published: record.published ?? undefined,
        venue: record.venue ?? undefined,
        year: record.year ?? undefined,
        categories: record.categories ?? undefined,
        comments: record.comments ?? undefined,
        keywords: record.keywords ?? undefined,
        metrics: record.metrics ?? undefined,
        section: record.section ?? undefined,
        line,
        endLine: line,
      })
    },
    end() {},
  }
}

/**
 * The JSON Lines format.
 *
 * @example
 *   jsonlFormat.detect(['{"title": "Attention Is All You Need"}']) // => 0.95
 */
export const jsonlFormat: FormatDefinition = {
  name: 'jsonl',
  detect(head) {
    const first = head.find((line) => line.trim() !== '')?.trim()
    if (!first?.startsWith('{')) return 0
    let value: unknown
    try {
      value = JSON.parse(first)
    } catch {
      // The engine cuts head lines at 16 kB: a long record may look unfinished.
      return first.length >= 16_000 && /^\{\s*"/.test(first) && /"title"\s*:/.test(first) && !/"paper"\s*:/.test(first) ? 0.7 : 0
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return 0
    // `{"paper": {…}, "title": …}` is a Hugging Face element on one line, not a papersift record.
    if ('paper' in value || !('title' in value)) return 0
    return 0.95
  },
  create: createJsonlParser,
}
