/**
 * arXiv API Atom feeds (`export.arxiv.org/api/query?…`).
 *
 * The machine stays line-driven: a lexical pass finds where each `<entry>` starts and ends
 * (several may share a line, one may span many), buffers the text of that one entry, and hands
 * it to fast-xml-parser once `</entry>` arrives. The feed header (feed-level `<link>`, `<id>`,
 * `<title>`, OpenSearch counts, any DOCTYPE) is never parsed: it is kept only until the first
 * entry, to explain an empty answer (`Rate exceeded.`, broken XML).
 *
 * Entities: fast-xml-parser runs with `processEntities: false`, so no DOCTYPE entity is ever
 * expanded (a billion-laughs header costs nothing); the five XML entities and numeric
 * character references are decoded here, and any other `&name;` stays as written.
 */
import {XMLParser, XMLValidator} from 'fast-xml-parser'
import {createMessage} from '../message.js'
import type {Link, LinkRole} from '../schema.js'
import {cleanText} from '../text/normalize.js'
import type {PaperDraft} from './draft.js'
import type {FormatContext, FormatDefinition, LineParser} from './format.js'
import {arxivIdFromUrl, linkRole} from './links.js'

/** `<entry`, `<atom:entry` followed by a space, `>` or `/`. */
const entryOpenPattern = /<(?:[A-Za-z_][\w.-]*:)?entry(?=[\s>/])/
/** `</entry>`, `</atom:entry >`. */
const entryClosePattern = /<\/(?:[A-Za-z_][\w.-]*:)?entry\s*>/
/** 1 MB is far beyond any real entry (arXiv abstracts stop at 1,920 characters); past it the entry is dropped. */
const entryCharsMax = 1_000_000
/** The feed header is kept only to explain a feed without entries; 64 kB holds any real one. */
const headerCharsMax = 65_536

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // `arxiv:comment` → `comment`, `atom:entry` → `entry`: the two vocabularies share no local name we read.
  removeNSPrefix: true,
  // Titles such as `1984` or ids such as `2401.01230` must stay strings.
  parseTagValue: false,
  parseAttributeValue: false,
  // No DOCTYPE or entity expansion at all; see `decodeXmlEntities`.
  processEntities: false,
  htmlEntities: false,
  isArray: (name) => name === 'author' || name === 'link' || name === 'category',
})

const namedEntities: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'"}

/**
 * Decode the five predefined XML entities and numeric character references, once
 * (`&amp;lt;` → `&lt;`). Other named references stay as written: they would need a DOCTYPE.
 *
 * @param value Text as it stands in the XML.
 * @returns The decoded text.
 * @example
 *   decodeXmlEntities('Bj&#246;rn &amp; &lol9;') // => 'Björn & &lol9;'
 */
export function decodeXmlEntities(value: string): string {
  if (!value.includes('&')) return value
  return value.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));/g, (whole, dec?: string, hex?: string, name?: string) => {
    if (name) return namedEntities[name] ?? whole
    const code = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '', 16)
    if (!Number.isInteger(code) || code < 1 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole
    return String.fromCodePoint(code)
  })
}

type XmlNode = Record<string, unknown>

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Text content of an element (`<title type="html">…</title>` parses to `{'#text': …}`). */
function textOf(value: unknown): string | undefined {
  if (Array.isArray(value)) return textOf(value[0])
  if (typeof value === 'string') return decodeXmlEntities(value)
  if (isNode(value) && typeof value['#text'] === 'string') return decodeXmlEntities(value['#text'])
  return undefined
}

function attribute(value: unknown, name: string): string | undefined {
  if (!isNode(value)) return undefined
  const raw = value[`@_${name}`]
  return typeof raw === 'string' ? decodeXmlEntities(raw) : undefined
}

function nodes(value: unknown): unknown[] {
  if (value === undefined || value === null) return []
  return Array.isArray(value) ? value : [value]
}

/** arXiv serves https and newer responses use it; older ones still say `http://arxiv.org/…`. */
function upgradeArxivUrl(url: string): string {
  return url.replace(/^http:\/\/(arxiv\.org|export\.arxiv\.org|dx\.doi\.org)\//i, 'https://$1/')
}

/**
 * `2021-12-20T18:55:25Z` → `2021-12-20`. The date is the UTC day arXiv gives; `toIsoDate` would
 * miss an ISO timestamp because `\b` does not match between the day and the `T`.
 */
function isoDay(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  return /^\s*(\d{4}-\d{2}-\d{2})(?=T|\s|$)/.exec(value)?.[1] ?? value
}

function roleOf(link: unknown, href: string): LinkRole {
  const title = attribute(link, 'title')?.toLowerCase()
  if (title === 'pdf' || attribute(link, 'type') === 'application/pdf') return 'pdf'
  if (title === 'doi') return 'abstract'
  if (attribute(link, 'rel') === 'alternate') return 'abstract'
  return linkRole(href)
}

/** The entry being buffered. */
interface EntryBuffer {
  line: number
  endLine: number
  xml: string
  /** Past `entryCharsMax`: the rest is skipped up to `</entry>`. */
  oversize: boolean
}

/**
 * Create the line machine for arXiv Atom feeds.
 *
 * @param context Where entries and messages go.
 * @returns A `LineParser`.
 */
export function createArxivAtomParser(context: FormatContext): LineParser {
  let header: string | undefined = ''
  let headerLine = 1
  let headerComplete = true
  let sawEntry = false
  let current: EntryBuffer | undefined

  function invalid(line: number, endLine: number, reason: string): void {
    context.message(createMessage('invalid-xml', 'error', line, reason, {endLine}))
  }

  function finish(entry: EntryBuffer, closed: boolean): void {
    if (entry.oversize) {
      invalid(entry.line, entry.endLine, `Atom entry is larger than ${entryCharsMax} characters; skipped`)
      return
    }
    if (!closed) {
      invalid(entry.line, entry.endLine, 'Atom entry is not closed (truncated XML); skipped')
      return
    }
    const valid = XMLValidator.validate(entry.xml)
    if (valid !== true) {
      const line = entry.line + Math.max(0, valid.err.line - 1)
      invalid(line, Math.max(line, entry.endLine), `Malformed Atom entry: ${valid.err.msg}`)
      return
    }
    let root: unknown
    try {
      root = xmlParser.parse(entry.xml)
    } catch (error) {
      invalid(entry.line, entry.endLine, `Malformed Atom entry: ${error instanceof Error ? error.message : String(error)}`)
      return
    }
    const node = isNode(root) ? root['entry'] : undefined
    if (!isNode(node)) {
      invalid(entry.line, entry.endLine, 'Atom entry has no content')
      return
    }
    read(node, entry.line, entry.endLine)
  }

  /** Turn one parsed `<entry>` into a draft (or an API error message). */
  function read(node: XmlNode, line: number, endLine: number): void {
    const idUrl = textOf(node['id'])?.trim()
    const ref = idUrl === undefined ? undefined : arxivIdFromUrl(idUrl)
    const title = textOf(node['title'])
    const summary = textOf(node['summary'])

    // A bad query answers HTTP 200 with one entry titled `Error` whose id is under /api/errors.
    if (title?.trim() === 'Error' && (!ref || /\/api\/errors/.test(idUrl ?? ''))) {
      const detail = cleanText(summary ?? '') || 'no detail given'
      context.message(createMessage('feed-error', 'error', line, `arXiv API error: ${detail}`, {endLine}))
      return
    }

    // The abstract page (`rel="alternate"`) first, then the others in feed order.
    const linkNodes = nodes(node['link'])
    const ordered = [
      ...linkNodes.filter((link) => attribute(link, 'rel') === 'alternate'),
      ...linkNodes.filter((link) => attribute(link, 'rel') !== 'alternate'),
    ]
    const links: Link[] = []
    for (const link of ordered) {
      const href = attribute(link, 'href')?.trim()
      if (!href) continue
      const url = upgradeArxivUrl(href)
      links.push({url, role: roleOf(link, url)})
    }

    const categories: string[] = []
    for (const category of [...nodes(node['primary_category']), ...nodes(node['category'])]) {
      const term = attribute(category, 'term')?.trim()
      if (term && !categories.includes(term)) categories.push(term)
    }

    const authors: string[] = []
    for (const author of nodes(node['author'])) {
      const name = isNode(author) ? textOf(author['name']) : textOf(author)
      if (name?.trim()) authors.push(name)
    }

    const draft: PaperDraft = {
      title,
      abstract: summary,
      authors,
      arxivId: ref?.id,
      arxivVersion: ref?.version,
      doi: textOf(node['doi']),
      links,
      published: isoDay(textOf(node['published'])),
      venue: textOf(node['journal_ref']),
      categories,
      comments: textOf(node['comment']),
      line,
      endLine,
    }
    context.emit(draft)
  }

  function append(entry: EntryBuffer, piece: string): void {
    if (entry.oversize) return
    if (entry.xml.length + piece.length > entryCharsMax) {
      entry.oversize = true
      entry.xml = ''
      return
    }
    entry.xml += piece
  }

  /** Text outside any entry. */
  function outside(text: string, line: number): void {
    if (!sawEntry) {
      if (header === undefined) return
      if (header.length === 0 && text.trim() === '') {
        headerLine = line + 1
        return
      }
      if (header.length + text.length > headerCharsMax) {
        headerComplete = false
        return
      }
      header += text + '\n'
      return
    }
    const rest = text.trim()
    if (rest === '' || /^<\/(?:[A-Za-z_][\w.-]*:)?feed\s*>$/.test(rest)) return
    context.message(createMessage('noise-line', 'info', line, `Skipped text outside any Atom entry: "${rest.slice(0, 60)}"`))
  }

  return {
    push(text, line) {
      let pos = 0
      let outsideText = ''
      let lineEndsOutside = false
      for (;;) {
        if (current) {
          const rest = text.slice(pos)
          const close = entryClosePattern.exec(rest)
          const open = entryOpenPattern.exec(rest)
          if (open && (!close || open.index < close.index)) {
            // A new entry starts before this one closed: the earlier one is cut off.
            append(current, rest.slice(0, open.index))
            current.endLine = line
            finish(current, false)
            current = undefined
            pos += open.index
            continue
          }
          if (close) {
            append(current, rest.slice(0, close.index + close[0].length))
            current.endLine = line
            finish(current, true)
            current = undefined
            pos += close.index + close[0].length
            continue
          }
          append(current, rest + '\n')
          current.endLine = line
          break
        }
        const rest = text.slice(pos)
        const open = entryOpenPattern.exec(rest)
        if (!open) {
          outsideText += rest
          lineEndsOutside = true
          break
        }
        outsideText += rest.slice(0, open.index)
        if (!sawEntry) {
          // `<feed …><entry>` on one line: what precedes the entry is still header.
          outside(outsideText, line)
          outsideText = ''
          sawEntry = true
          header = undefined // the feed header is not needed any more
        }
        current = {line, endLine: line, xml: open[0], oversize: false}
        pos += open.index + open[0].length
      }
      if (outsideText.trim() !== '' || (lineEndsOutside && !sawEntry)) outside(outsideText, line)
    },
    end() {
      if (current) {
        finish(current, false)
        current = undefined
      }
      if (sawEntry || header === undefined) return
      const text = header.trim()
      if (text === '') return
      if (!text.startsWith('<')) {
        // `Rate exceeded.` and other plain-text answers from the API.
        context.message(createMessage('feed-error', 'error', headerLine, `arXiv API answered without a feed: "${cleanText(text).slice(0, 80)}"`))
        return
      }
      if (!headerComplete) return
      const valid = XMLValidator.validate(text)
      if (valid !== true) {
        invalid(headerLine + Math.max(0, valid.err.line - 1), headerLine + Math.max(0, valid.err.line - 1), `Malformed Atom feed: ${valid.err.msg}`)
      }
    },
  }
}

/**
 * The arXiv API Atom format.
 *
 * @example
 *   arxivAtomFormat.detect(['<feed xmlns="http://www.w3.org/2005/Atom">']) // => 0.95
 */
export const arxivAtomFormat: FormatDefinition = {
  name: 'arxiv-atom',
  detect(head) {
    const text = head.join('\n')
    const atom = /xmlns(?::\w+)?\s*=\s*["']http:\/\/www\.w3\.org\/2005\/Atom["']/.test(text)
    const arxiv = /arxiv\.org\/schemas\/atom|arxiv\.org\/api\/|arxiv\.org\/abs\//i.test(text)
    const feed = /<(?:\w+:)?feed[\s>]/.test(text)
    const entry = /<(?:\w+:)?entry[\s>]/.test(text)
    if ((feed || entry) && atom) return 0.95
    if (entry && arxiv) return 0.9
    if (feed) return 0.5
    return 0
  },
  create: createArxivAtomParser,
}
