/**
 * A draft is what a format parser knows about one entry; `finalizeDraft` turns it into a
 * validated `Paper` (or an `invalid-record` message) the same way for every format.
 */
import type {Format, Link, Metrics, Paper} from '../schema.js'
import {z} from 'zod'
import {arxivIdPattern, formats, isoDatePattern, linkRoles, PaperSchema} from '../schema.js'
import {cleanAuthor, cleanText, cleanTitle, hash32, titleId, toIsoDate} from '../text/normalize.js'
import {createMessage, type ParseMessage} from '../message.js'
import {
  arxivAbsUrl,
  arxivIdFromUrl,
  dedupeLinks,
  isSafeUrl,
  linksFromText,
  parseArxivId,
  parseDoi,
} from './links.js'

/** What a format parser collected for one entry. Everything but the lines is optional. */
export interface PaperDraft {
  title?: string | undefined
  abstract?: string | undefined
  authors?: readonly string[] | undefined
  arxivId?: string | undefined
  arxivVersion?: number | undefined
  doi?: string | undefined
  links?: readonly Link[] | undefined
  published?: string | undefined
  venue?: string | undefined
  year?: number | undefined
  categories?: readonly string[] | undefined
  comments?: string | undefined
  keywords?: readonly string[] | undefined
  metrics?: Metrics | undefined
  section?: readonly string[] | undefined
  /** 1-based first line of the entry. */
  line: number
  /** 1-based last line of the entry. */
  endLine: number
}

/** Result of finalising a draft. */
export type FinalizeResult = {paper: Paper; messages: ParseMessage[]} | {paper?: undefined; messages: ParseMessage[]}

/**
 * Normalise a draft into a `Paper` and validate it.
 *
 * Links explicitly attached to the entry may give its arXiv id or DOI; URLs inside the
 * abstract or comments only add links (an abstract may cite other papers).
 */
export function finalizeDraft(draft: PaperDraft, format: Format): FinalizeResult {
  const messages: ParseMessage[] = []
  const title = draft.title === undefined ? '' : cleanTitle(draft.title)
  if (!title) {
    messages.push(createMessage('missing-title', 'warning', draft.line, 'Entry has no title; skipped', {endLine: draft.endLine}))
    return {messages}
  }

  const abstract = draft.abstract === undefined ? undefined : cleanText(draft.abstract) || undefined
  const comments = draft.comments === undefined ? undefined : cleanText(draft.comments) || undefined
  const authors = (draft.authors ?? []).map(cleanAuthor).filter((name) => name.length > 0)

  let arxivId = draft.arxivId === undefined ? undefined : parseArxivId(draft.arxivId)?.id
  let arxivVersion = draft.arxivVersion ?? (draft.arxivId === undefined ? undefined : parseArxivId(draft.arxivId)?.version)
  let doi = draft.doi === undefined ? undefined : parseDoi(draft.doi)

  const links: Link[] = []
  for (const link of draft.links ?? []) {
    if (!isSafeUrl(link.url)) {
      messages.push(createMessage('unsafe-link', 'warning', draft.line, `Dropped link with unsupported scheme: ${link.url.slice(0, 80)}`))
      continue
    }
    links.push({url: link.url, role: link.role})
    if (!arxivId) {
      const ref = arxivIdFromUrl(link.url)
      if (ref) {
        arxivId = ref.id
        arxivVersion ??= ref.version
      }
    }
    if (!doi && /^https?:\/\/(?:dx\.)?doi\.org\//i.test(link.url)) doi = parseDoi(link.url)
  }
  if (abstract) links.push(...linksFromText(abstract))
  if (comments) links.push(...linksFromText(comments))
  if (arxivId && !links.some((link) => arxivIdFromUrl(link.url)?.id === arxivId && link.role === 'abstract')) {
    links.unshift({url: arxivAbsUrl(arxivId), role: 'abstract'})
  }

  const published = draft.published === undefined ? undefined : toIsoDate(draft.published)
  const year = draft.year ?? (published ? Number(published.slice(0, 4)) : undefined)

  const candidate: Record<string, unknown> = {
    id: arxivId ? `arxiv:${arxivId}` : doi ? `doi:${doi}` : titleId(title),
    title,
    authors,
    links: dedupeLinks(links),
    source: {format, line: draft.line, endLine: Math.max(draft.line, draft.endLine)},
  }
  // Optional keys are set only when present, so records compare equal after a JSON round trip.
  assign(candidate, 'abstract', abstract)
  assign(candidate, 'arxivId', arxivId)
  assign(candidate, 'arxivVersion', arxivVersion)
  assign(candidate, 'doi', doi)
  assign(candidate, 'published', published)
  assign(candidate, 'venue', draft.venue === undefined ? undefined : cleanText(draft.venue) || undefined)
  assign(candidate, 'year', year)
  assign(candidate, 'categories', draft.categories?.length ? [...draft.categories] : undefined)
  assign(candidate, 'comments', comments)
  assign(candidate, 'keywords', draft.keywords?.length ? draft.keywords.map(cleanText).filter(Boolean) : undefined)
  assign(candidate, 'metrics', draft.metrics && Object.keys(draft.metrics).length > 0 ? {...draft.metrics} : undefined)
  assign(candidate, 'section', draft.section?.length ? draft.section.map(cleanText).filter(Boolean) : undefined)

  const fast = checkedPaper(candidate)
  if (fast) return {paper: fast, messages}
  const result = PaperSchema.safeParse(candidate)
  if (!result.success) {
    const first = result.error.issues[0]
    messages.push(
      createMessage(
        'invalid-record',
        'error',
        draft.line,
        `Entry "${title.slice(0, 60)}" is not a valid paper: ${first ? `${first.path.join('.')}: ${first.message}` : 'invalid'}`,
        {endLine: draft.endLine, issues: result.error.issues},
      ),
    )
    return {messages}
  }
  return {paper: result.data, messages}
}

function assign(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined) target[key] = value
}

/**
 * Hot path of `PaperSchema.safeParse` for the records `finalizeDraft` builds: when every field
 * plainly passes, the same output zod gives (fresh objects and arrays, keys in schema order);
 * otherwise undefined, and zod decides (and words the error).
 *
 * It is on only while `PaperSchema` is the schema these checks were written for: its JSON
 * Schema must hash to `paperSchemaHash`. After a change to src/schema.ts, update the checks
 * below and the hash (test/classify/hot-path.test.ts prints the new one).
 */
export const paperSchemaHash = '3f67f776'
export function currentPaperSchemaHash(): string {
  return hash32(JSON.stringify(z.toJSONSchema(PaperSchema)))
}
const paperKeys = [
  'id', 'title', 'abstract', 'authors', 'arxivId', 'arxivVersion', 'doi', 'links', 'published', 'venue', 'year',
  'categories', 'comments', 'keywords', 'metrics', 'section', 'source',
] as const
export const fastPathOn =
  currentPaperSchemaHash() === paperSchemaHash &&
  Object.keys(PaperSchema.shape).join(',') === paperKeys.join(',') &&
  Object.keys(PaperSchema.shape.source.shape).join(',') === 'format,line,endLine' &&
  Object.keys(PaperSchema.shape.links.element.shape).join(',') === 'url,role' &&
  Object.keys(PaperSchema.shape.metrics.unwrap().shape).join(',') === 'upvotes,stars,comments'
const formatSet: ReadonlySet<unknown> = new Set(formats)
const roleSet: ReadonlySet<unknown> = new Set(linkRoles)
const doiPattern = /^10\.\d{4,9}\/\S+$/
const urlPattern = /^https?:\/\/[^\s/]\S*$/i

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0
const isCount = (value: unknown, min: number): value is number => Number.isSafeInteger(value) && (value as number) >= min
function textArray(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined
  for (const item of value) if (!isText(item)) return undefined
  return [...(value as string[])]
}

function checkedPaper(candidate: Record<string, unknown>): Paper | undefined {
  if (!fastPathOn) return undefined
  for (const key in candidate) if (!(paperKeys as readonly string[]).includes(key) || candidate[key] === undefined) return undefined
  const {id, title, abstract, authors, arxivId, arxivVersion, doi, links, published, venue, year, categories, comments, keywords, metrics, section, source} = candidate
  if (!isText(id) || !isText(title) || title.length > 1000) return undefined
  const out: Record<string, unknown> = {id, title}
  if (abstract !== undefined) {
    if (!isText(abstract)) return undefined
    out.abstract = abstract
  }
  const authorList = textArray(authors)
  if (!authorList) return undefined
  out.authors = authorList
  if (arxivId !== undefined) {
    if (typeof arxivId !== 'string' || !arxivIdPattern.test(arxivId)) return undefined
    out.arxivId = arxivId
  }
  if (arxivVersion !== undefined) {
    if (!isCount(arxivVersion, 1)) return undefined
    out.arxivVersion = arxivVersion
  }
  if (doi !== undefined) {
    if (typeof doi !== 'string' || !doiPattern.test(doi)) return undefined
    out.doi = doi
  }
  if (!Array.isArray(links)) return undefined
  const linkList: Link[] = []
  for (const link of links as unknown[]) {
    if (typeof link !== 'object' || link === null) return undefined
    const {url, role} = link as Record<string, unknown>
    if (typeof url !== 'string' || !urlPattern.test(url) || !roleSet.has(role)) return undefined
    linkList.push({url, role: role as Link['role']})
  }
  out.links = linkList
  if (published !== undefined) {
    if (typeof published !== 'string' || !isoDatePattern.test(published)) return undefined
    out.published = published
  }
  if (venue !== undefined) {
    if (!isText(venue)) return undefined
    out.venue = venue
  }
  if (year !== undefined) {
    if (!isCount(year, 1900) || year > 2100) return undefined
    out.year = year
  }
  if (categories !== undefined) {
    const list = textArray(categories)
    if (!list) return undefined
    out.categories = list
  }
  if (comments !== undefined) {
    if (!isText(comments)) return undefined
    out.comments = comments
  }
  if (keywords !== undefined) {
    const list = textArray(keywords)
    if (!list) return undefined
    out.keywords = list
  }
  if (metrics !== undefined) {
    if (typeof metrics !== 'object' || metrics === null || Array.isArray(metrics)) return undefined
    const m = metrics as Record<string, unknown>
    const copy: Metrics = {}
    for (const key in m) if (key !== 'upvotes' && key !== 'stars' && key !== 'comments') return undefined
    for (const key of ['upvotes', 'stars', 'comments'] as const) {
      if (!(key in m)) continue
      if (!isCount(m[key], 0)) return undefined
      copy[key] = m[key]
    }
    out.metrics = copy
  }
  if (section !== undefined) {
    const list = textArray(section)
    if (!list) return undefined
    out.section = list
  }
  if (typeof source !== 'object' || source === null) return undefined
  const {format, line, endLine} = source as Record<string, unknown>
  if (!formatSet.has(format) || !isCount(line, 1) || !isCount(endLine, 1)) return undefined
  out.source = {format, line, endLine}
  return out as Paper
}

/**
 * Make a record that arrived whole (JSON Lines) as clean as one papersift built: control
 * characters and stray whitespace out of every text field. Idempotent on papersift's own
 * output, so round trips stay exact.
 */
export function sanitizePaper(paper: Paper): Paper {
  const clean = (value: string): string => cleanText(value)
  const out: Paper = {...paper, title: clean(paper.title), authors: paper.authors.map(clean).filter(Boolean)}
  if (paper.abstract !== undefined) out.abstract = clean(paper.abstract)
  if (paper.venue !== undefined) out.venue = clean(paper.venue)
  if (paper.comments !== undefined) out.comments = clean(paper.comments)
  if (paper.keywords !== undefined) out.keywords = paper.keywords.map(clean).filter(Boolean)
  if (paper.section !== undefined) out.section = paper.section.map(clean).filter(Boolean)
  if (paper.categories !== undefined) out.categories = paper.categories.map(clean).filter(Boolean)
  return out
}
