/**
 * A draft is what a format parser knows about one entry; `finalizeDraft` turns it into a
 * validated `Paper` (or an `invalid-record` message) the same way for every format.
 */
import type {Format, Link, Metrics, Paper} from '../schema.js'
import {PaperSchema} from '../schema.js'
import {cleanAuthor, cleanText, cleanTitle, titleId, toIsoDate} from '../text/normalize.js'
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
