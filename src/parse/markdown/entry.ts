/**
 * One markdown entry (a list item, a paragraph block or a table row) as collected by the
 * walker, and how it becomes a `PaperDraft`: find the title, then read what follows it
 * (authors, venue and year, dates, links with roles, stars, notes) and the entry's
 * sub-bullets, extra paragraphs, quotes and `<details>`. Entries that are not papers (TOC
 * links, links to other lists, tool repositories, stubs) become `not-a-paper` messages.
 */
import type {Link, LinkRole} from '../../schema.js'
import {createMessage, type ParseMessage} from '../../message.js'
import {cleanText, parseCount, splitAuthors} from '../../text/normalize.js'
import type {PaperDraft} from '../draft.js'
import {toSafeUrl} from '../links.js'
import {
  authorsSizeMax,
  cleanMarkdownTitle,
  findDate,
  findGenericVenue,
  findStars,
  findVenue,
  findYear,
  isDateOrVenueTag,
  isLinkLabel,
  labelRole,
  linkLabel,
  readAuthors,
  readBadge,
  roleOf,
  trimEdges,
} from './facts.js'
import {partsText, resolveParts, type Definitions, type Part} from './inline.js'

/** Table columns papersift understands, by header. */
export type ColumnRole =
  | 'title'
  | 'venue'
  | 'year'
  | 'date'
  | 'code'
  | 'link'
  | 'authors'
  | 'keywords'
  | 'abstract'
  | 'comments'
  | 'stars'
  | 'other'

export interface Column {
  role: ColumnRole
  /** Role for links in the column when neither their URL nor their label tells. */
  linkRole: LinkRole
}

/** What the walker collected for one entry. */
export interface EntryRaw {
  shape: 'item' | 'paragraph' | 'row'
  line: number
  endLine: number
  section: readonly string[]
  /** The entry's first paragraph (list item, paragraph block). */
  head: Part[]
  /** Sub-bullets and further paragraphs of a list item. */
  details: Part[][]
  /** Text of block quotes and `<details>` blocks under the entry. */
  abstracts: string[]
  /** Table row cells with their columns. */
  cells?: Array<{column: Column; parts: Part[]}> | undefined
}

/** Result of reading an entry. */
export type EntryResult =
  | {kind: 'draft'; draft: PaperDraft}
  | {kind: 'message'; message: ParseMessage}
  /** A `[label]` may be defined further down: try again at the end of the document. */
  | {kind: 'pending'}

/** 300 chars is a long title; 301 is prose. */
const titleSizeMax = 300
/** ` - ` separators in a plain-text head that may end its title. */
const separatorsMax = 4

interface Facts {
  title?: string | undefined
  titleKind?: 'link' | 'strong' | 'text' | undefined
  titleUrl?: string | undefined
  titleRole?: LinkRole | undefined
  authors?: string[] | undefined
  venue?: string | undefined
  year?: number | undefined
  published?: string | undefined
  arxivId?: string | undefined
  links: Link[]
  anchors: number
  locals: number
  abstracts: string[]
  comments: string[]
  keywords: string[]
  stars?: number | undefined
}

/**
 * Read an entry. Without `final`, an entry holding a `[label]` that no definition seen so far
 * resolves is `pending`; with `final`, such labels are plain text.
 */
export function readEntry(raw: EntryRaw, definitions: Definitions, final: boolean): EntryResult {
  let pending = false
  const resolve = (parts: Part[]): Part[] => {
    const result = resolveParts(parts, definitions, final)
    pending ||= result.pending
    return result.parts
  }
  const head = resolve(raw.head)
  const details = raw.details.map(resolve)
  const cells = raw.cells?.map((cell) => ({column: cell.column, parts: resolve(cell.parts)}))
  if (pending && !final) return {kind: 'pending'}

  const facts: Facts = {links: [], anchors: 0, locals: 0, abstracts: [...raw.abstracts], comments: [], keywords: []}
  if (cells) readRow(cells, facts)
  else readHead(head, facts)
  for (const detail of details) readDetail(detail, facts)

  const reason = notAPaper(raw, facts)
  if (reason) {
    return {kind: 'message', message: createMessage('not-a-paper', 'info', raw.line, reason, {endLine: raw.endLine})}
  }
  const abstract = facts.abstracts.map(stripAbstractLabel).filter(Boolean).join(' ')
  const keywords = [...new Set(facts.keywords.map((k) => cleanText(k)).filter(Boolean))]
  const draft: PaperDraft = {
    title: cleanMarkdownTitle(facts.title ?? ''),
    authors: facts.authors,
    links: facts.links,
    venue: facts.venue,
    year: facts.year,
    published: facts.published,
    arxivId: facts.arxivId,
    abstract: abstract || undefined,
    comments: facts.comments.length > 0 ? facts.comments.join('; ') : undefined,
    keywords: keywords.length > 0 ? keywords : undefined,
    metrics: facts.stars === undefined ? undefined : {stars: facts.stars},
    section: raw.section.length > 0 ? [...raw.section] : undefined,
    line: raw.line,
    endLine: raw.endLine,
  }
  return {kind: 'draft', draft}
}

// ---------------------------------------------------------------------------------------------
// Classification

const awesomeUrlPattern = /^https?:\/\/(?:www\.)?github\.com\/[^/]+\/[^/]*awesome[^/]*\/?(?:#.*)?$/i

function notAPaper(raw: EntryRaw, facts: Facts): string | undefined {
  const title = cleanMarkdownTitle(facts.title ?? '')
  const quoted = `"${title.slice(0, 60)}"`
  if (!title || !/[\p{L}\p{N}]/u.test(title)) return raw.shape === 'row' ? 'Table row without a title; skipped' : 'Entry without a title; skipped'
  if (title.length > titleSizeMax) return `Text is too long for a title (${title.length} chars); skipped`
  const safeLinks = facts.links.filter((link) => /^https?:/i.test(link.url))
  const described = facts.venue !== undefined || facts.year !== undefined || facts.authors !== undefined || facts.abstracts.length > 0 || facts.arxivId !== undefined
  if (facts.titleKind === 'link' && facts.titleUrl === undefined && (facts.anchors > 0 || facts.locals > 0) && safeLinks.length === 0 && !described) {
    return facts.anchors > 0 ? `Table-of-contents link ${quoted}; skipped` : `Link to a file of this repository ${quoted}; skipped`
  }
  if (/^awesome\b/i.test(title) || (facts.titleUrl !== undefined && awesomeUrlPattern.test(facts.titleUrl))) {
    return `Link to another list ${quoted}; skipped`
  }
  if (isDateOrVenueTag(title) && safeLinks.length === 0) return `Date or venue ${quoted} is not a title; skipped`
  if (raw.shape === 'row') return undefined
  // A title link to a host papersift does not know is output as the paper's page, but it is no
  // evidence that the entry is a paper.
  const paperLinks = safeLinks.some(
    (link) => (link.role === 'abstract' || link.role === 'pdf') && !(link.url === facts.titleUrl && facts.titleRole === 'other'),
  )
  if (paperLinks || described) return undefined
  if (facts.titleKind === 'link') {
    if (facts.titleRole === 'code') return `Link to a repository ${quoted}, not a paper; skipped`
    // A paper page on a host papersift does not know, a project page: a title of a few words.
    if (title.split(/\s+/).length >= 3) return undefined
    return `Link ${quoted} is not a paper; skipped`
  }
  if (safeLinks.length === 0) return `No link, venue or authors for ${quoted}; skipped`
  return undefined
}

// ---------------------------------------------------------------------------------------------
// Head: title, then what follows it

function readHead(parts: readonly Part[], facts: Facts): void {
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!
    switch (part.kind) {
      case 'image':
        readImage(part, facts)
        continue
      case 'html':
      case 'break':
        continue
      case 'details':
        facts.abstracts.push(part.value)
        continue
      case 'em':
        if (isDateOrVenueTag(part.value)) {
          readTag(part.value, facts)
          continue
        }
        if (!/[\p{L}\p{N}]/u.test(part.value)) continue
        facts.title = part.value
        facts.titleKind = 'strong'
        readRest(parts.slice(i + 1), facts, 'multi')
        return
      case 'link':
        if (part.image || isLinkLabel(part.text) || isDateOrVenueTag(part.text) || isBareUrl(part.text)) {
          readLink(part, facts)
          continue
        }
        facts.title = part.text
        facts.titleKind = 'link'
        readTitleLink(part, facts)
        readRest(parts.slice(i + 1), facts, 'multi')
        return
      case 'text': {
        const value = stripLeadingTags(part.value, facts)
        if (!cleanMarkdownTitle(value.replace(/^[\])\s]+/, ''))) continue
        const {title, rest} = splitTextTitle(value)
        if (!cleanMarkdownTitle(title)) {
          readRest([{kind: 'text', value: rest, line: part.line}, ...parts.slice(i + 1)], facts, 'multi')
          return
        }
        facts.title = title
        facts.titleKind = 'text'
        readRest([{kind: 'text', value: rest, line: part.line}, ...parts.slice(i + 1)], facts, 'multi')
        return
      }
    }
  }
}

function isBareUrl(text: string): boolean {
  return /^\s*(?:https?:\/\/|www\.)\S+\s*$/i.test(text)
}

/** `[CVPR 2023] Title`, `(ICLR'23) Title`, `2023-10: Title`: read the tags, return the rest. */
function stripLeadingTags(value: string, facts: Facts): string {
  let text = value
  for (let i = 0; i < 4; i++) {
    const match = /^[\s\])]*[\[(]([^\[\]()]{1,60})[\])]\s*[:\-–—]?\s*/.exec(text)
    if (!match?.[1] || !isDateOrVenueTag(match[1])) break
    readTag(match[1], facts)
    text = text.slice(match[0].length)
  }
  return text
}

/**
 * Split a plain-text head into its title and the rest: at a `[`, before ` - Venue 2023`,
 * `(ICLR 2023)`, `, Venue'23`, or an author list after a dash.
 *
 *  > | Title, Venue'23 [paper] [code]
 *      ^^^^^
 */
export function splitTextTitle(text: string): {title: string; rest: string} {
  let cut = text.length
  const bracket = text.indexOf('[')
  if (bracket > 0) cut = bracket
  let title = text.slice(0, cut)

  // Only the first few separators are candidates, and only the text right after each is read:
  // a line of 30 000 ` - x` stays linear.
  const separators = /\s[-–—|]\s/g
  let tried = 0
  for (const match of title.matchAll(separators)) {
    if (++tried > separatorsMax) break
    const after = title.slice(match.index + match[0].length, match.index + match[0].length + titleSizeMax)
    const firstSegment = after.split(/\s[-–—|]\s|[,;]/)[0] ?? ''
    const venue = findVenue(after)
    if (isDateOrVenueTag(firstSegment) || venue?.index === 0 || readAuthors(after)) {
      cut = match.index
      title = title.slice(0, cut)
      break
    }
  }
  // Only the end of the title can hold `(ICLR 2023)`; look at its last 120 characters.
  const tail = Math.max(0, title.length - 120)
  const paren = /\(([^()]{1,80})\)[\s.,]*$/.exec(title.slice(tail))
  if (paren?.[1] && (isDateOrVenueTag(paren[1]) || /\bet al\b/i.test(paren[1]))) {
    cut = tail + paren.index
    title = title.slice(0, cut)
  }
  const venue = findVenue(title)
  if (venue && venue.index > 0 && /^[\s.,;:)\]]*$/.test(title.slice(venue.index + venue.length)) && /[\s,(;]$/.test(title.slice(0, venue.index))) {
    cut = venue.index
    title = title.slice(0, cut)
  }
  const yearTail = Math.max(0, title.length - 40)
  const year = /[,.(]\s{0,3}((?:19|20)\d\d)[).]?\s{0,3}$/.exec(title.slice(yearTail))
  if (year && yearTail + year.index > 0) {
    cut = yearTail + year.index
    title = title.slice(0, cut)
  }
  return {title, rest: text.slice(cut)}
}

function readTitleLink(part: Extract<Part, {kind: 'link'}>, facts: Facts): void {
  const url = part.url.trim()
  if (url.startsWith('#')) {
    facts.anchors++
    return
  }
  const safe = toSafeUrl(url)
  if (!safe) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^(?:mailto|tel):/i.test(url)) {
      facts.links.push({url, role: 'other'})
    } else if (!/^(?:mailto|tel):/i.test(url)) {
      facts.locals++
    }
    return
  }
  facts.titleUrl = safe
  facts.titleRole = roleOf(safe, '', 'other')
  facts.links.push({url: safe, role: facts.titleRole === 'other' ? 'abstract' : facts.titleRole})
}

/** A non-title link: its role from URL and label, venue/date tags in its label. */
function readLink(part: Extract<Part, {kind: 'link'}>, facts: Facts, fallback: LinkRole = 'other'): void {
  const label = part.image ? part.image.alt : part.text
  const url = part.url.trim()
  if (url.startsWith('#')) {
    facts.anchors++
    return
  }
  if (isDateOrVenueTag(label)) readTag(label, facts)
  const safe = toSafeUrl(url)
  if (!safe) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^(?:mailto|tel):/i.test(url)) facts.links.push({url, role: 'other'})
    else if (!/^(?:mailto|tel):/i.test(url)) facts.locals++
    return
  }
  if (part.image) {
    const stars = findStars(label)
    if (stars) facts.stars ??= stars.stars
    const badge = readBadge(part.image.url)
    facts.links.push({url: safe, role: badge?.stars ? roleOf(safe, 'code', 'code') : roleOf(safe, label, fallback)})
    return
  }
  facts.links.push({url: safe, role: roleOf(safe, label, fallback)})
}

/** A badge or image outside a link: tag badges give keywords, star badges a count. */
function readImage(part: Extract<Part, {kind: 'image'}>, facts: Facts): void {
  const stars = findStars(part.alt)
  if (stars) facts.stars ??= stars.stars
  const badge = readBadge(part.url)
  if (!badge || badge.stars || badge.words.length === 0) return
  // `badge/<message>-<color>` or `badge/<label>-<message>-<color>`.
  const words = badge.words.length >= 2 ? badge.words.slice(0, -1) : badge.words
  const message = words[words.length - 1] ?? ''
  const label = words.length >= 2 ? (words[0] ?? '') : ''
  if (isDateOrVenueTag(message)) {
    readTag(message, facts)
    return
  }
  if (findStars(message) || /^(?:stars?|license|licence|build|downloads?|pypi|version|arxiv|paper|code|github|pdf|project|doi)$/i.test(label || message)) return
  // Attention badges, not topics.
  if (/^(?:new|hot|updated?|recent|latest|wip|todo)$/i.test(message)) return
  if (/^[\p{L}][\p{L}\p{N} +&./'-]{0,40}$/u.test(message)) facts.keywords.push(message)
}

/** A venue/date tag such as `NeurIPS 2022`, `Aug 2023`, `16 Oct 2023`, `2021`. */
function readTag(text: string, facts: Facts): void {
  takeFacts(text, facts)
}

/**
 * Read venue/year, a full date, an arXiv id and a star count out of text; return what is
 * left. Facts already known are not overwritten, but their text is still consumed.
 */
function takeFacts(text: string, facts: Facts): string {
  let rest = text
  const remove = (match: {index: number; length: number}): void => {
    rest = rest.slice(0, match.index) + ' ' + rest.slice(match.index + match.length)
  }
  const arxiv = /\barXiv:\s?(\d{4}\.\d{4,5})(?:v(\d{1,3}))?\b/i.exec(rest)
  if (arxiv?.[1]) {
    facts.arxivId ??= arxiv[2] ? `${arxiv[1]}v${arxiv[2]}` : arxiv[1]
    remove({index: arxiv.index, length: arxiv[0].length})
  }
  const venue = findVenue(rest)
  if (venue) {
    if (facts.venue === undefined) {
      facts.venue = venue.venue
      facts.year ??= venue.year
    }
    remove(venue)
  }
  const date = findDate(rest)
  if (date) {
    facts.published ??= date.iso
    remove(date)
  }
  if (facts.venue === undefined) {
    const generic = findGenericVenue(rest)
    if (generic) {
      facts.venue = generic.venue
      facts.year ??= generic.year
      remove(generic)
    }
  }
  const year = findYear(rest)
  if (year && facts.year === undefined && facts.published === undefined) {
    facts.year = year.year
    remove(year)
  }
  const stars = findStars(rest)
  if (stars) {
    facts.stars ??= stars.stars
    remove(stars)
  }
  return rest
}

/**
 * Everything after the title: links, emphasis (authors or venue), badges, text with venue,
 * year, date, stars, authors after a dash, and a short description as comments.
 */
function readRest(parts: readonly Part[], facts: Facts, authors: 'multi' | 'single'): void {
  let text = ''
  for (const part of parts) {
    switch (part.kind) {
      case 'text':
        text += part.value
        break
      case 'break':
        text += '\n'
        break
      case 'link':
        readLink(part, facts)
        text += ' '
        break
      case 'image':
        readImage(part, facts)
        text += ' '
        break
      case 'details':
        facts.abstracts.push(part.value)
        break
      case 'em': {
        const names = facts.authors === undefined ? readAuthors(part.value, {single: true}) : undefined
        if (names) facts.authors = names
        else text += '\n' + part.value + '\n'
        break
      }
      case 'html':
        text += ' '
        break
    }
  }
  let rest = takeFacts(text, facts)
  if (facts.authors === undefined) {
    for (const segment of rest.split(/\s[-–—|]\s|\n|;/)) {
      const candidate = segment.replace(/[\[\]()]/g, ' ').trim()
      const names = candidate ? readAuthors(candidate, {single: authors === 'single'}) : undefined
      if (names) {
        facts.authors = names
        rest = rest.replace(segment, ' ')
        break
      }
    }
  }
  addComment(rest, facts)
}

function addComment(text: string, facts: Facts): void {
  const cleaned = cleanText(text.replace(/\[\s*\]|\(\s*\)|\{\s*\}/g, ' ').replace(/\s[\[(]\s|\s[\])]\s/g, ' '))
  const comment = trimEdges(trimEdges(cleaned, '-–—:|,;.])*_', 'start'), '-–—:|,;[(*_', 'end')
  const words = comment.split(/[^\p{L}\p{N}]+/u).filter((w) => /\p{L}{2}/u.test(w))
  if (words.length >= 2) facts.comments.push(comment)
}

// ---------------------------------------------------------------------------------------------
// Sub-bullets and further paragraphs

const detailLabelPattern = /^\s*([\p{L}][\p{L} ;.]{0,24}?)\s*[:：]\s*/u

function readDetail(parts: readonly Part[], facts: Facts): void {
  const text = partsText(parts).trim()
  if (!text && !parts.some((part) => part.kind === 'link' || part.kind === 'image' || part.kind === 'details')) return
  const label = detailLabelPattern.exec(text)
  const key = label?.[1]?.toLowerCase().trim() ?? ''
  const after = label ? text.slice(label[0].length).trim() : ''
  if (label) {
    if (/^(?:abstract|tl;?dr|summary)$/.test(key)) {
      facts.abstracts.push(after)
      return
    }
    if (/^(?:authors?|by)$/.test(key)) {
      const names = after.length <= authorsSizeMax ? splitAuthors(cleanText(after)) : []
      if (names.length > 0) facts.authors ??= names
      return
    }
    if (/^(?:venue|conference|journal|published in|publication|accepted at|in)$/.test(key)) {
      const before = facts.venue
      takeFacts(after, facts)
      if (before === undefined && facts.venue === undefined && after) facts.venue = after
      return
    }
    if (/^(?:notes?|comments?|remarks?|description|contribution|highlights?)$/.test(key)) {
      for (const part of parts) if (part.kind === 'link') readLink(part, facts)
      if (after) facts.comments.push(after)
      return
    }
    if (/^(?:keywords?|tags?|topics?)$/.test(key)) {
      facts.keywords.push(...after.split(/[,;/|]/).map((k) => k.trim()).filter(Boolean))
      return
    }
    if (/^(?:stars?|github stars)$/.test(key)) {
      const stars = parseCount(after) ?? findStars(after)?.stars
      if (stars !== undefined) facts.stars ??= stars
      return
    }
    if (/^(?:date|published|submitted|arxiv date)$/.test(key)) {
      takeFacts(after, facts)
      return
    }
    if (isLinkLabel(key)) {
      const fallback = labelRole(linkLabel(key)) ?? 'other'
      for (const part of parts) {
        if (part.kind === 'link') readLink(part, facts, fallback)
        else if (part.kind === 'image') readImage(part, facts)
      }
      const stars = findStars(after)
      if (stars) facts.stars ??= stars.stars
      return
    }
  }
  // No label: links, emphasis (authors or venue), then the text.
  let plain = ''
  for (const part of parts) {
    if (part.kind === 'link') readLink(part, facts)
    else if (part.kind === 'image') readImage(part, facts)
    else if (part.kind === 'details') facts.abstracts.push(part.value)
    else if (part.kind === 'em') {
      const names = facts.authors === undefined ? readAuthors(part.value, {single: true}) : undefined
      if (names) facts.authors = names
      else plain += '\n' + part.value + '\n'
    } else if (part.kind === 'text') plain += part.value
    else if (part.kind === 'break') plain += '\n'
  }
  let rest = takeFacts(plain, facts)
  if (facts.authors === undefined) {
    const candidate = rest.replace(/[\[\]()]/g, ' ').trim()
    const names = candidate ? readAuthors(candidate, {single: true}) : undefined
    if (names) {
      facts.authors = names
      rest = ''
    }
  }
  const leftover = cleanText(rest)
  if (leftover.length >= 120) facts.abstracts.push(leftover)
  else addComment(rest, facts)
}

// ---------------------------------------------------------------------------------------------
// Table rows

const emptyCellPattern = /^(?:[-–—/\\?]|n\/?a|none|tbd|todo|null|-+)?$/i

function readRow(cells: ReadonlyArray<{column: Column; parts: Part[]}>, facts: Facts): void {
  const titleCell = cells.find((cell) => cell.column.role === 'title')
  if (titleCell) readHead(titleCell.parts, facts)
  for (const cell of cells) {
    if (cell === titleCell) continue
    const text = cleanText(partsText(cell.parts))
    const empty = emptyCellPattern.test(text)
    const links = cell.parts.filter((part) => part.kind === 'link')
    switch (cell.column.role) {
      case 'venue':
        for (const part of links) readLink(part, facts, cell.column.linkRole)
        if (!empty) {
          const before = facts.venue
          takeFacts(text, facts)
          if (before === undefined && facts.venue === undefined) facts.venue = text.replace(/[\[\]]/g, '').trim() || undefined
        }
        break
      case 'year':
      case 'date':
        if (!empty) takeFacts(text, facts)
        break
      case 'authors':
        if (!empty && text.length <= authorsSizeMax) {
          const names = splitAuthors(text)
          if (names.length > 0) facts.authors ??= names
        }
        break
      case 'keywords':
        for (const part of cell.parts) if (part.kind === 'image') readImage(part, facts)
        if (!empty) facts.keywords.push(...text.split(/[,;/|]/).map((k) => k.trim()).filter(Boolean))
        break
      case 'abstract':
        if (!empty) facts.abstracts.push(text)
        break
      case 'comments':
        for (const part of links) readLink(part, facts)
        if (!empty) facts.comments.push(text)
        break
      case 'stars': {
        for (const part of cell.parts) if (part.kind === 'image') readImage(part, facts)
        const stars = parseCount(text) ?? findStars(text)?.stars
        if (stars !== undefined) facts.stars ??= stars
        break
      }
      case 'code':
      case 'link':
      case 'other':
      case 'title':
        for (const part of cell.parts) {
          if (part.kind === 'link') readLink(part, facts, cell.column.linkRole)
          else if (part.kind === 'image') readImage(part, facts)
        }
        if (!empty) {
          const rest = takeFacts(text.replace(/[\[\]]/g, ' '), facts)
          if (cell.column.role === 'code' || cell.column.role === 'link') {
            const stars = findStars(rest)
            if (stars) facts.stars ??= stars.stars
          }
        }
        break
    }
  }
}

function stripAbstractLabel(text: string): string {
  return cleanText(text.replace(/^\s*(?:abstract|tl;?dr|summary)\s*[:：.\-–—]?\s*/i, ''))
}

/** Columns from header cells; a header papersift does not know maps to `other`. */
export function mapColumns(headers: readonly string[]): Column[] {
  const labels = headers.map((header) => linkLabel(header).replace(/[*_`]/g, '').trim())
  const titleIndex = labels.findIndex((label) => /^(?:paper\s+)?(?:title|name)s?$|^(?:title|name) of (?:the )?paper$/.test(label))
  const columns = labels.map((label, index): Column => {
    if (index === titleIndex) return {role: 'title', linkRole: 'abstract'}
    if (/^(?:venue|conference|conf\.?|journal|published(?: in| at)?|publication venue|where|booktitle|source|publisher)$/.test(label)) {
      return {role: 'venue', linkRole: 'abstract'}
    }
    if (/^(?:year|yr)$/.test(label)) return {role: 'year', linkRole: 'other'}
    if (/^(?:date|time|published on|release(?: date)?|arxiv date|month|submitted)$/.test(label)) return {role: 'date', linkRole: 'other'}
    if (/^(?:code|codes|github|repo|repos|repository|implementation|official code|source code)$/.test(label)) return {role: 'code', linkRole: 'code'}
    if (/^(?:authors?|by|writers?)$/.test(label)) return {role: 'authors', linkRole: 'other'}
    if (/^(?:keywords?|tags?|topics?|type|category|categories|task|tasks|area|field|modality)$/.test(label)) return {role: 'keywords', linkRole: 'other'}
    if (/^(?:abstract|summary|tl;?dr)$/.test(label)) return {role: 'abstract', linkRole: 'other'}
    if (/^(?:notes?|comments?|remarks?|description|desc\.?|details|highlights?|contribution)$/.test(label)) return {role: 'comments', linkRole: 'other'}
    if (/^(?:stars?|github stars)$/.test(label) || /[⭐★]/u.test(headers[index] ?? '')) return {role: 'stars', linkRole: 'code'}
    if (/^(?:papers?|pdf|link|links|url|arxiv|project|project page|website|page|homepage|demo|openreview|doi|publication|article|method|model|work)$/.test(label)) {
      return {role: 'link', linkRole: labelRole(label) ?? (/^(?:papers?|publication|article|method|model|work)$/.test(label) ? 'abstract' : 'other')}
    }
    return {role: 'other', linkRole: 'other'}
  })
  if (titleIndex === -1) {
    // No Title/Name column: the Paper/Publication/Method column holds the title, else the first
    // column that is not a known field.
    let index = labels.findIndex((label) => /^(?:papers?|publication|article|method|model|work)$/.test(label))
    if (index === -1) index = columns.findIndex((column) => column.role === 'other')
    const column = columns[index]
    if (column && columns.some((c, i) => i !== index && c.role !== 'other')) columns[index] = {role: 'title', linkRole: 'abstract'}
    else if (column && /^(?:papers?|publication|article)$/.test(labels[index] ?? '')) columns[index] = {role: 'title', linkRole: 'abstract'}
  }
  return columns
}
