/**
 * Walks the mdast of one section and collects entries (list items, paragraph blocks, table
 * rows) and messages for what is skipped, in document order. Heading state lives in
 * `WalkState` so that it carries over from one section to the next.
 */
import type {Blockquote, Heading, List, ListItem, Paragraph, Root, RootContent, Table} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {CONTINUE, SKIP, visit} from 'unist-util-visit'
import {createMessage, type ParseMessage} from '../../message.js'
import {cleanText} from '../../text/normalize.js'
import {mapColumns, type EntryRaw} from './entry.js'
import {cleanMarkdownTitle, findVenue, htmlToText, isDateOrVenueTag, isLinkLabel, readAuthors, roleOf, stripEmoji, trimEdges} from './facts.js'
import {flattenInline, normalizeLabel, partsText, type Definition, type LineOf, type Part} from './inline.js'
import {toSafeUrl} from '../links.js'

/** Heading path and friends, kept across sections. */
export interface WalkState {
  /** The heading path; a later level-1 heading stays `tentative` until the block after it. */
  headings: Array<{depth: number; text: string; tentative?: boolean}>
  /** A bold line used as a heading (`**Publication**`) under the current heading. */
  pseudo?: string | undefined
  /** Whether a heading was seen (the first one, when of level 1, is the document title). */
  sawHeading: boolean
}

export type WalkOutput = {kind: 'entry'; raw: EntryRaw} | {kind: 'message'; message: ParseMessage}

/** Headings whose content is never papers. */
const noiseHeadingPattern =
  /^(?:table of contents|contents?|toc|index|navigation|contributing|contribute|contribution guidelines?|how to contribute|contributors?|licen[cs]e|citation|citations|cite|cite us|how to cite|citing|bibtex|acknowledge?ments?|thanks|star history|stargazers|related (?:awesome )?(?:lists?|repos?|repositories|projects|resources|work)|other (?:awesome )?(?:lists?|resources)|awesome lists?|see also|contact(?: us)?|sponsors?|changelog|change log|news|updates?|what'?s new|todo|to ?do|disclaimer|join us|community|maintainers?|feedback)$/i

export function createWalkState(): WalkState {
  return {headings: [], sawHeading: false}
}

/** Walk one section's tree; `outputs` come out in document order. */
export function walkSection(
  root: Root,
  state: WalkState,
  lineOf: LineOf,
  definitions: Map<string, Definition>,
  options: {definitions: boolean},
): WalkOutput[] {
  const walker = new SectionWalker(state, lineOf, definitions)
  walker.walk(root, options.definitions)
  return walker.outputs
}

type Node = RootContent

class SectionWalker {
  readonly outputs: WalkOutput[] = []
  /** The entry a following block quote or `<details>` belongs to. */
  private lastEntry: EntryRaw | undefined

  constructor(
    private readonly state: WalkState,
    private readonly lineOf: LineOf,
    private readonly definitions: Map<string, Definition>,
  ) {}

  walk(root: Root, scanDefinitions: boolean): void {
    // Definitions inside containers (`> [a]: url`) are not seen by the line pass.
    if (scanDefinitions) {
      visit(root, 'definition', (node) => {
        const key = normalizeLabel(node.label ?? node.identifier)
        if (!this.definitions.has(key)) this.definitions.set(key, {url: node.url})
      })
    }
    this.blocks(root.children)
  }

  // -------------------------------------------------------------------------------------------
  // Helpers

  private startLine(node: {position?: {start: {line: number}} | undefined}): number {
    return this.lineOf(node.position?.start.line ?? 1)
  }

  private endLine(node: {position?: {end: {line: number}} | undefined}): number {
    return this.lineOf(node.position?.end.line ?? 1)
  }

  private flatten(node: Paragraph | {children: Paragraph['children']}): Part[] {
    return flattenInline(node.children, this.lineOf, this.definitions)
  }

  private path(): string[] {
    const path = this.state.headings.map((heading) => heading.text).filter(Boolean)
    if (this.state.pseudo) path.push(this.state.pseudo)
    return path
  }

  private noiseHeading(): string | undefined {
    return this.state.headings.find((heading) => noiseHeadingPattern.test(heading.text))?.text
  }

  private message(code: 'noise-line' | 'not-a-paper', line: number, endLine: number, reason: string): void {
    this.outputs.push({kind: 'message', message: createMessage(code, 'info', line, reason, {endLine})})
  }

  private noise(node: Node, what: string): void {
    const noise = this.noiseHeading()
    this.message('noise-line', this.startLine(node), this.endLine(node), noise ? `${what} under "${noise}"; skipped` : `${what}; skipped`)
    this.lastEntry = undefined
  }

  private entry(raw: EntryRaw): void {
    this.outputs.push({kind: 'entry', raw})
    this.lastEntry = raw
  }

  // -------------------------------------------------------------------------------------------
  // Blocks

  private blocks(children: readonly Node[]): void {
    for (let i = 0; i < children.length; i++) {
      const node = children[i]!
      switch (node.type) {
        case 'heading':
          this.heading(node)
          break
        case 'thematicBreak':
          this.lastEntry = undefined
          break
        case 'definition':
          break
        case 'list':
          this.settleTitle(true)
          this.list(node, this.path())
          break
        case 'table':
          this.settleTitle(true)
          this.table(node)
          break
        case 'paragraph':
          this.paragraph(node)
          break
        case 'blockquote':
          this.settleTitle(false)
          this.quote(node)
          break
        case 'html':
          if (!/^\s*<details\b/i.test(node.value)) this.settleTitle(false)
          i = this.html(children, i) - 1
          break
        case 'code':
          this.settleTitle(false)
          this.noise(node, 'Code block')
          break
        default:
          this.settleTitle(false)
          this.noise(node, 'Block')
      }
    }
  }

  private heading(node: Heading): void {
    this.lastEntry = undefined
    const text = headingText(node)
    if (!this.state.sawHeading) {
      this.state.sawHeading = true
      // The document's title is not part of the section path.
      if (node.depth === 1) return
    }
    this.settleTitle(true)
    const headings = this.state.headings
    while (headings.length > 0 && headings[headings.length - 1]!.depth >= node.depth) headings.pop()
    // A later level-1 heading may be the title of a second document (concatenated lists, a
    // README that repeats its title): that depends on what follows it.
    headings.push(node.depth === 1 ? {depth: 1, text, tentative: true} : {depth: node.depth, text})
    this.state.pseudo = undefined
  }

  /**
   * Decide a tentative level-1 heading from the block after it: entries, a table or a
   * sub-heading make it a section; prose, badges or HTML (a preamble) make it a title.
   */
  private settleTitle(section: boolean): void {
    const headings = this.state.headings
    const last = headings[headings.length - 1]
    if (!last?.tentative) return
    if (section) delete last.tentative
    else headings.pop()
  }

  private list(node: List, section: string[]): void {
    const noise = this.noiseHeading()
    for (const item of node.children) {
      if (noise) {
        const label = cleanMarkdownTitle(toString(item.children[0] ?? '', {includeImageAlt: false, includeHtml: false})).slice(0, 60)
        this.message('not-a-paper', this.startLine(item), this.endLine(item), `"${label}" under "${noise}"; skipped`)
        this.lastEntry = undefined
        continue
      }
      this.item(item, section)
    }
  }

  private item(item: ListItem, section: string[]): void {
    const children = item.children
    const first = children[0]
    if (!first) {
      this.message('not-a-paper', this.startLine(item), this.endLine(item), 'Empty list item; skipped')
      return
    }
    if (first.type !== 'paragraph') {
      // `- - x`, `- ## x`, `- <img>`: read the item's blocks as if they stood alone.
      this.blocks(children)
      return
    }
    const head = this.flatten(first)
    const subLists = children.filter((child): child is List => child.type === 'list')
    if (subLists.length > 0 && !hasEntryEvidence(head) && subLists.every((list) => list.children.every((sub) => this.looksLikeEntry(sub)))) {
      // A category bullet (`- Video generation` with the papers below it).
      const name = cleanMarkdownTitle(partsText(head)).replace(/:$/, '')
      const inner = name ? [...section, name] : section
      for (const child of children.slice(1)) {
        if (child.type === 'list') for (const sub of child.children) this.item(sub, inner)
        else this.blocks([child])
      }
      return
    }
    const raw: EntryRaw = {
      shape: 'item',
      line: this.startLine(item),
      endLine: this.endLine(item),
      section,
      head,
      details: [],
      abstracts: [],
    }
    this.entry(raw)
    let last: EntryRaw = raw
    for (let k = 1; k < children.length; k++) {
      const child = children[k]!
      switch (child.type) {
        case 'paragraph': {
          const parts = this.flatten(child)
          raw.details.push(parts)
          break
        }
        case 'list':
          for (const sub of child.children) {
            if (this.looksLikeSubEntry(sub)) {
              this.item(sub, section)
              last = this.lastEntry ?? last
            } else {
              this.detail(sub, raw)
            }
          }
          break
        case 'blockquote':
          raw.abstracts.push(blockText(child))
          break
        case 'html':
          this.lastEntry = raw
          k = this.html(children, k) - 1
          break
        case 'table':
          this.table(child)
          break
        default:
          // Code (a BibTeX block), headings and the like inside an entry belong to it.
          break
      }
    }
    this.lastEntry = last
  }

  /** A sub-bullet that is a detail of its entry: its paragraphs, quotes and own sub-bullets. */
  private detail(item: ListItem, raw: EntryRaw): void {
    for (const child of item.children) {
      if (child.type === 'paragraph') raw.details.push(this.flatten(child))
      else if (child.type === 'list') for (const sub of child.children) this.detail(sub, raw)
      else if (child.type === 'blockquote') raw.abstracts.push(blockText(child))
      else if (child.type === 'html' && /<details\b/i.test(child.value)) {
        const details = htmlBlockText(child.value)
        if (!/\b(?:bibtex|citation|cite|bib)\b/i.test(details.summary)) raw.abstracts.push(details.text)
      }
    }
  }

  /**
   * For category detection: an item that starts with a title (a link that is not a label, a
   * bold title, text that is not `Label: …`) and has a link, a `[label]` or a venue, or that
   * has its own sub-list (a nested category).
   */
  private looksLikeEntry(item: ListItem): boolean {
    const first = item.children[0]
    if (item.children.some((child) => child.type === 'list')) return true
    if (!first || first.type !== 'paragraph') return false
    const parts = this.flatten(first)
    const lead = firstSignificant(parts)
    if (!lead || !hasEntryEvidence(parts)) return false
    if (lead.kind === 'link') return !lead.image && !isLinkLabel(lead.text) && !isDateOrVenueTag(lead.text) && !/^\s*(?:https?:|www\.)/i.test(lead.text)
    if (lead.kind === 'em') return lead.strong && !/[:：]\s*$/.test(lead.value)
    if (lead.kind === 'text') return !/^\s*[\p{L}][\p{L} ;.]{0,24}[:：]/u.test(lead.value) && !isDateOrVenueTag(partsText(parts))
    return false
  }

  /** A sub-bullet that is a paper of its own: a title link to a paper, or a bold title with links. */
  private looksLikeSubEntry(item: ListItem): boolean {
    const first = item.children[0]
    if (!first || first.type !== 'paragraph') return false
    const parts = this.flatten(first)
    const lead = firstSignificant(parts)
    if (!lead) return false
    if (lead.kind === 'link' && !lead.image) {
      if (isLinkLabel(lead.text) || isDateOrVenueTag(lead.text) || /^\s*(?:https?:|www\.)/i.test(lead.text)) return false
      const url = toSafeUrl(lead.url)
      const role = url ? roleOf(url, '', 'abstract') : 'other'
      return role === 'abstract' || role === 'pdf'
    }
    if (lead.kind === 'em' && lead.strong) {
      return !/[:：]\s*$/.test(lead.value) && parts.some((part) => part.kind === 'link' && !isAnchor(part.url))
    }
    return false
  }

  private paragraph(node: Paragraph): void {
    if (this.noiseHeading()) {
      this.noise(node, 'Paragraph')
      return
    }
    const parts = this.flatten(node)
    const pseudo = pseudoHeading(parts)
    this.settleTitle(pseudo !== undefined || paragraphIsEntry(splitParagraph(parts)[0] ?? []))
    if (pseudo !== undefined) {
      this.state.pseudo = pseudo || undefined
      this.lastEntry = undefined
      return
    }
    // `*A, B, C.*` on its own, right after an entry (an author line that lost its indent).
    const onlyEmphasis = parts.filter((part) => !(part.kind === 'text' && !part.value.trim()))
    if (this.lastEntry && onlyEmphasis.length === 1 && onlyEmphasis[0]?.kind === 'em' && readAuthors(onlyEmphasis[0].value, {single: true})) {
      this.lastEntry.details.push(parts)
      this.lastEntry.endLine = Math.max(this.lastEntry.endLine, this.endLine(node))
      return
    }
    const chunks = splitParagraph(parts)
    const end = this.endLine(node)
    for (let c = 0; c < chunks.length; c++) {
      const chunk = chunks[c]!
      const line = chunk[0]?.line ?? this.startLine(node)
      const next = chunks[c + 1]?.[0]?.line
      const endLine = next !== undefined ? Math.max(line, next - 1) : end
      if (paragraphIsEntry(chunk)) {
        this.entry({shape: 'paragraph', line, endLine, section: this.path(), head: chunk, details: [], abstracts: []})
      } else {
        const noise = this.noiseHeading()
        this.message('noise-line', line, endLine, noise ? `Paragraph under "${noise}"; skipped` : describeParagraph(chunk))
        this.lastEntry = undefined
      }
    }
  }

  private quote(node: Blockquote): void {
    if (this.lastEntry && !this.noiseHeading()) {
      this.lastEntry.abstracts.push(blockText(node))
      this.lastEntry.endLine = Math.max(this.lastEntry.endLine, this.endLine(node))
      return
    }
    this.noise(node, 'Block quote outside an entry')
  }

  /**
   * An HTML block at `children[index]`; returns the index after what it consumed. A
   * `<details>` opened here runs to its `</details>`: with lists or tables inside it is a
   * collapsible section (its content is read normally), else it is the abstract of the
   * entry before it.
   */
  private html(children: readonly Node[], index: number): number {
    const node = children[index]!
    if (node.type !== 'html') return index + 1
    const value = node.value
    const depth = countDetails(value)
    if (depth > 0) {
      let open = depth
      let j = index + 1
      while (j < children.length && open > 0) {
        const next = children[j]!
        if (next.type === 'html') open += countDetails(next.value)
        j++
      }
      const closed = open <= 0
      const inner = children.slice(index + 1, closed ? j - 1 : j)
      const closing = closed ? children[j - 1] : undefined
      if (inner.some((child) => child.type === 'list' || child.type === 'table' || child.type === 'heading')) {
        this.blocks(inner)
        this.lastEntry = undefined
        return j
      }
      const opening = htmlBlockText(value)
      const texts = [opening.text, ...inner.map((child) => blockText(child))]
      if (closing?.type === 'html') texts.push(htmlBlockText(closing.value).text)
      const text = cleanText(texts.join(' '))
      const endNode = closing ?? inner[inner.length - 1] ?? node
      this.attachDetails(node, endNode, text, opening.summary)
      return j
    }
    if (/<details\b/i.test(value)) {
      const details = htmlBlockText(value)
      this.attachDetails(node, node, details.text, details.summary)
      return index + 1
    }
    if (/^\s*<\/details\s*>\s*$/i.test(value)) return index + 1
    this.noise(node, /^\s*<!--/.test(value) ? 'HTML comment' : 'HTML block')
    return index + 1
  }

  private attachDetails(start: Node, end: Node, text: string, summary: string): void {
    const entry = this.lastEntry
    if (entry && !this.noiseHeading()) {
      entry.endLine = Math.max(entry.endLine, this.endLine(end))
      // A BibTeX block is part of the entry, not its abstract.
      if (text && !/\b(?:bibtex|citation|cite|bib)\b/i.test(summary)) entry.abstracts.push(text)
      return
    }
    const line = this.startLine(start)
    this.message('noise-line', line, this.endLine(end), `Collapsible block "${summary.slice(0, 40)}" outside an entry; skipped`)
  }

  private table(node: Table): void {
    const [header, ...rows] = node.children
    if (!header) return
    const noise = this.noiseHeading()
    const headers = header.children.map((cell) => cleanText(toString(cell, {includeImageAlt: false, includeHtml: false})))
    const columns = mapColumns(headers)
    if (!noise && !columns.some((column) => column.role === 'title')) {
      this.noise(node, 'Table without a Title/Paper column')
      return
    }
    const section = this.path()
    for (const row of rows) {
      const line = this.startLine(row)
      if (noise) {
        this.message('not-a-paper', line, line, `Table row under "${noise}"; skipped`)
        continue
      }
      const cells = row.children.map((cell, index) => ({
        column: columns[index] ?? {role: 'other' as const, linkRole: 'other' as const},
        parts: this.flatten(cell),
      }))
      this.entry({shape: 'row', line, endLine: this.endLine(row), section, head: [], details: [], abstracts: [], cells})
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Pure helpers

function isAnchor(url: string): boolean {
  return url.trim().startsWith('#')
}

function firstSignificant(parts: readonly Part[]): Part | undefined {
  for (const part of parts) {
    if (part.kind === 'image' || part.kind === 'html' || part.kind === 'break' || part.kind === 'details') continue
    if (part.kind === 'text' && !cleanMarkdownTitle(part.value.replace(/^[\])\s]+/, ''))) continue
    return part
  }
  return undefined
}

/** A head with a (non-anchor) link, a `[label]`, or a venue with a year. */
function hasEntryEvidence(parts: readonly Part[]): boolean {
  for (const part of parts) {
    if (part.kind === 'link' && !isAnchor(part.url)) return true
    if (part.kind === 'text' && /\[[^\[\]]+\]/.test(part.value)) return true
  }
  return findVenue(partsText(parts)) !== undefined
}

/** `**Publication**` (optionally with a colon) alone in a paragraph: its text, else undefined. */
function pseudoHeading(parts: readonly Part[]): string | undefined {
  const significant = parts.filter((part) => !(part.kind === 'text' && /^[\s:：]*$/.test(part.value)) && part.kind !== 'break')
  const only = significant[0]
  if (significant.length !== 1 || only?.kind !== 'em' || !only.strong) return undefined
  const text = cleanMarkdownTitle(only.value).replace(/[:：]$/, '').trim()
  return text.length <= 80 ? text : undefined
}

/**
 * A paragraph may hold several entries when blocks are not separated by blank lines: a line
 * that starts with a bold title starts a new one.
 *
 *  > | **Title** \
 *  > | *A, B* \
 *  > | arXiv 2023. [[Paper](url)] \
 *  > | 16 Oct 2023
 *  > | **Next Title** \
 *      ^
 */
function splitParagraph(parts: readonly Part[]): Part[][] {
  const chunks: Part[][] = []
  let current: Part[] = []
  let lineStart = true
  let hasTitle = false
  for (const part of parts) {
    if (lineStart && part.kind === 'em' && part.strong && hasTitle) {
      chunks.push(current)
      current = []
      hasTitle = false
    }
    if (!hasTitle && part.kind === 'em' && part.strong) hasTitle = true
    else if (!hasTitle && part.kind !== 'break' && !(part.kind === 'text' && !part.value.trim())) hasTitle = part.kind === 'link' || part.kind === 'text'
    current.push(part)
    if (part.kind === 'break') lineStart = true
    else if (part.kind === 'text') lineStart = part.value.slice(part.value.trimEnd().length).includes('\n') || (lineStart && !part.value.trim())
    else lineStart = false
  }
  if (current.length > 0) chunks.push(current)
  return chunks
}

/** Whether a paragraph outside a list is an entry (a bold or linked title with facts, a citation). */
function paragraphIsEntry(parts: readonly Part[]): boolean {
  const lead = firstSignificant(parts)
  if (!lead) return false
  const text = partsText(parts)
  const links = parts.filter((part) => part.kind === 'link' && !isAnchor(part.url))
  const hasAuthors = parts.some((part) => part.kind === 'em' && part !== lead && readAuthors(part.value, {single: true}) !== undefined)
  if (lead.kind === 'em' && lead.strong) return links.length > 0 || hasAuthors || findVenue(text) !== undefined
  if (lead.kind === 'link' && !lead.image && !isLinkLabel(lead.text)) {
    const url = toSafeUrl(lead.url)
    const role = url ? roleOf(url, '', 'other') : 'other'
    const after = partsText(parts.slice(parts.indexOf(lead) + 1))
    return ((role === 'abstract' || role === 'pdf') && after.length < 200) || hasAuthors || findVenue(after) !== undefined
  }
  if (lead.kind === 'text') {
    if (text.length > 600) return false
    return hasAuthors || (findVenue(text) !== undefined && links.length > 0)
  }
  return false
}

function describeParagraph(parts: readonly Part[]): string {
  const text = cleanText(stripEmoji(partsText(parts)))
  if (!text) return parts.some((part) => part.kind === 'image' || (part.kind === 'link' && part.image)) ? 'Badges; skipped' : 'Empty paragraph; skipped'
  return `Text "${text.slice(0, 50)}${text.length > 50 ? '…' : ''}" is not a paper entry; skipped`
}

function headingText(node: Heading): string {
  const text = cleanText(stripEmoji(toString(node, {includeImageAlt: false, includeHtml: false})))
  return trimEdges(trimEdges(text, '-–—:|#', 'start'), '-–—:|', 'end')
}

function countDetails(value: string): number {
  return (value.match(/<details\b/gi) ?? []).length - (value.match(/<\/details\s*>/gi) ?? []).length
}

/** Text of an HTML block, with its `<summary>` label apart. */
function htmlBlockText(value: string): {text: string; summary: string} {
  let summary = ''
  const withoutSummary = value.replace(/<summary\b[^>]*>([\s\S]*?)<\/summary\s*>/gi, (_whole, label: string) => {
    summary ||= cleanText(htmlToText(label))
    return ' '
  })
  return {text: cleanText(htmlToText(withoutSummary)), summary}
}

/** Text of a block: each paragraph read separately (to-string would glue cells and items). */
function blockText(node: Node): string {
  const texts: string[] = []
  visit(node, (child) => {
    if (child.type === 'paragraph' || child.type === 'heading' || child.type === 'tableCell' || child.type === 'code') {
      texts.push(toString(child, {includeImageAlt: false, includeHtml: false}))
      return SKIP
    }
    if (child.type === 'html') {
      texts.push(htmlBlockText(child.value).text)
      return SKIP
    }
    return CONTINUE
  })
  return cleanText(texts.join(' '))
}
