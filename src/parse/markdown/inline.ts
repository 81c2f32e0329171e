/**
 * Inline content of a paragraph or table cell, flattened into a short list of `Part`s that the
 * entry reader walks left to right: text, emphasis, links (with badge images), images, breaks,
 * HTML. Reference links whose definition is not known yet stay as text and are resolved later
 * against the document's definitions (`resolveParts`), because a section is parsed before the
 * definitions at the bottom of the document have been read.
 */
import type {PhrasingContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {decodeEntities, htmlToText} from './facts.js'

/** A link target and title from a `[label]: url "title"` definition. */
export interface Definition {
  url: string
}

/** The document's definitions by normalised label. */
export type Definitions = ReadonlyMap<string, Definition>

export type Part =
  | {kind: 'text'; value: string; line: number}
  | {kind: 'em'; strong: boolean; value: string; line: number}
  | {kind: 'link'; text: string; url: string; strong: boolean; image?: {alt: string; url: string} | undefined; line: number}
  | {kind: 'image'; alt: string; url: string; line: number}
  | {kind: 'break'; line: number}
  | {kind: 'html'; value: string; line: number}
  /** Text captured from an inline `<details>` element: an abstract. */
  | {kind: 'details'; value: string; line: number}

/** Normalise a reference label the way CommonMark matches them (case-folded, whitespace collapsed). */
export function normalizeLabel(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase().toUpperCase().toLowerCase()
}

/** Maps a line inside the parsed section to the real line of the input. */
export type LineOf = (sectionLine: number) => number

interface FlattenState {
  parts: Part[]
  lineOf: LineOf
  definitions: Definitions
  /** Open inline `<a href>`: its URL and the parts index where its text starts. */
  anchor?: {url: string; from: number} | undefined
  /** Open inline `<details>`: text collected so far. */
  details?: {text: string; line: number; depth: number} | undefined
}

/** Flatten phrasing content into parts. */
export function flattenInline(nodes: readonly PhrasingContent[], lineOf: LineOf, definitions: Definitions): Part[] {
  const state: FlattenState = {parts: [], lineOf, definitions}
  for (const node of nodes) flattenNode(node, state, false)
  if (state.details) state.parts.push({kind: 'details', value: state.details.text, line: state.details.line})
  if (state.anchor) closeAnchor(state)
  return mergeText(state.parts)
}

function lineOfNode(node: PhrasingContent, state: FlattenState): number {
  return state.lineOf(node.position?.start.line ?? 1)
}

function containsLink(node: PhrasingContent): boolean {
  if (node.type === 'link' || node.type === 'linkReference' || node.type === 'image' || node.type === 'imageReference') return true
  if ('children' in node) return (node.children as PhrasingContent[]).some(containsLink)
  return false
}

function flattenNode(node: PhrasingContent, state: FlattenState, strong: boolean): void {
  const line = lineOfNode(node, state)
  if (state.details && node.type !== 'html') {
    state.details.text += ' ' + toString(node, {includeImageAlt: false, includeHtml: false})
    return
  }
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      state.parts.push({kind: 'text', value: node.value, line})
      return
    case 'emphasis':
    case 'strong':
    case 'delete': {
      const isStrong = strong || node.type === 'strong'
      if (node.children.some(containsLink) || node.type === 'delete') {
        for (const child of node.children) flattenNode(child, state, isStrong)
      } else {
        state.parts.push({kind: 'em', strong: node.type === 'strong', value: toString(node, {includeImageAlt: false, includeHtml: false}), line})
      }
      return
    }
    case 'link':
      state.parts.push(linkPart(node.url, node.children, strong, line))
      return
    case 'linkReference': {
      const definition = state.definitions.get(normalizeLabel(node.label ?? node.identifier))
      if (definition) {
        state.parts.push(linkPart(definition.url, node.children, strong, line))
      } else {
        // Known to remark (defined in this section) but not to us: keep the text.
        state.parts.push({kind: 'text', value: toString(node, {includeImageAlt: false}), line})
      }
      return
    }
    case 'image':
      state.parts.push({kind: 'image', alt: node.alt ?? '', url: node.url, line})
      return
    case 'imageReference': {
      const definition = state.definitions.get(normalizeLabel(node.label ?? node.identifier))
      if (definition) state.parts.push({kind: 'image', alt: node.alt ?? '', url: definition.url, line})
      return
    }
    case 'break':
      state.parts.push({kind: 'break', line})
      return
    case 'html':
      flattenHtml(node.value, line, state)
      return
    case 'footnoteReference':
      return
    default:
      state.parts.push({kind: 'text', value: toString(node, {includeImageAlt: false, includeHtml: false}), line})
  }
}

function linkPart(url: string, children: readonly PhrasingContent[], strong: boolean, line: number): Part {
  const images = children.filter((child) => child.type === 'image')
  const text = toString(children, {includeImageAlt: false, includeHtml: false})
  const first = images[0]
  if (first && first.type === 'image' && text.trim() === '') {
    return {kind: 'link', text: first.alt ?? '', url, strong, image: {alt: first.alt ?? '', url: first.url}, line}
  }
  return {kind: 'link', text, url, strong, line}
}

/** Inline HTML: `<a href>` becomes a link, `<details>…</details>` an abstract, `<br>` a break. */
function flattenHtml(value: string, line: number, state: FlattenState): void {
  if (state.details) {
    const opens = (value.match(/<details\b/gi) ?? []).length
    const closes = (value.match(/<\/details\s*>/gi) ?? []).length
    state.details.depth += opens - closes
    if (state.details.depth <= 0) {
      state.parts.push({kind: 'details', value: state.details.text, line: state.details.line})
      state.details = undefined
    } else {
      state.details.text += ' ' + value
    }
    return
  }
  if (/^<details\b/i.test(value)) {
    state.details = {text: '', line, depth: 1}
    return
  }
  if (/^<br\s*\/?>$/i.test(value)) {
    state.parts.push({kind: 'break', line})
    return
  }
  const anchor = /^<a\s[^>]*?href\s*=\s*(?:"([^"]*)"|'([^']*)')[^>]*>$/i.exec(value)
  if (anchor) {
    if (state.anchor) closeAnchor(state)
    state.anchor = {url: decodeEntities(anchor[1] ?? anchor[2] ?? ''), from: state.parts.length}
    return
  }
  if (/^<\/a\s*>$/i.test(value) && state.anchor) {
    closeAnchor(state)
    return
  }
  const img = /^<img\s[^>]*?src\s*=\s*(?:"([^"]*)"|'([^']*)')[^>]*>$/i.exec(value)
  if (img) {
    const alt = /\balt\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(value)
    state.parts.push({kind: 'image', alt: decodeEntities(alt?.[1] ?? alt?.[2] ?? ''), url: decodeEntities(img[1] ?? img[2] ?? ''), line})
    return
  }
  state.parts.push({kind: 'html', value, line})
}

function closeAnchor(state: FlattenState): void {
  const anchor = state.anchor
  if (!anchor) return
  state.anchor = undefined
  const inner = state.parts.splice(anchor.from)
  const image = inner.find((part) => part.kind === 'image')
  const text = inner.map((part) => (part.kind === 'text' || part.kind === 'em' ? part.value : part.kind === 'link' ? part.text : '')).join('')
  const line = inner[0]?.line ?? state.parts[state.parts.length - 1]?.line ?? 1
  if (text.trim() === '' && image?.kind === 'image') {
    state.parts.push({kind: 'link', text: image.alt, url: anchor.url, strong: false, image: {alt: image.alt, url: image.url}, line})
  } else {
    state.parts.push({kind: 'link', text: htmlToText(text), url: anchor.url, strong: false, line})
  }
}

/** Join adjacent text parts (remark splits text around things it tried to parse). */
function mergeText(parts: Part[]): Part[] {
  const out: Part[] = []
  for (const part of parts) {
    const last = out[out.length - 1]
    if (part.kind === 'text' && last?.kind === 'text') last.value += part.value
    else out.push(part.kind === 'text' ? {...part} : part)
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Reference links against the whole document

/**
 * `[text][label]`, `[label][]` or `[label]`, not followed by `(` or `:` (inline link or
 * definition). The text may hold one level of brackets (`[[PPoPP2022]][x]`); labels cannot;
 * `[^1]` is a footnote.
 */
const referencePattern = /(?<![\\!])\[((?:[^\[\]\n]|\[[^\[\]\n]{0,300}\]){1,300})\](?:\[([^\[\]\n]{0,300})\])?(?![(:\[])/g

/** Result of resolving reference links in parts. */
export interface Resolution {
  parts: Part[]
  /** A `[label]` whose definition is not known yet (it may come later in the document). */
  pending: boolean
}

/**
 * Turn `[label]` text into links when the document defines the label. With `final`, labels
 * that are still undefined stay text; without it, their presence marks the parts as pending.
 */
export function resolveParts(parts: readonly Part[], definitions: Definitions, final: boolean): Resolution {
  let pending = false
  const out: Part[] = []
  for (const part of parts) {
    if (part.kind !== 'text' || !part.value.includes('[')) {
      out.push(part)
      continue
    }
    let from = 0
    referencePattern.lastIndex = 0
    for (const match of part.value.matchAll(referencePattern)) {
      const text = match[1] ?? ''
      const label = match[2] ? match[2] : text
      if (label.startsWith('^')) continue
      const definition = definitions.get(normalizeLabel(label))
      if (!definition) {
        if (!final) pending = true
        continue
      }
      if (match.index > from) out.push({kind: 'text', value: part.value.slice(from, match.index), line: part.line})
      out.push({kind: 'link', text, url: definition.url, strong: false, line: part.line})
      from = match.index + match[0].length
    }
    if (from === 0) out.push(part)
    else if (from < part.value.length) out.push({kind: 'text', value: part.value.slice(from), line: part.line})
  }
  return {parts: out, pending}
}

/** Plain text of parts (link texts included, images and HTML left out). */
export function partsText(parts: readonly Part[]): string {
  let text = ''
  for (const part of parts) {
    if (part.kind === 'text' || part.kind === 'em') text += part.value
    else if (part.kind === 'link') text += part.image ? '' : part.text
    else if (part.kind === 'break') text += '\n'
  }
  return text
}
