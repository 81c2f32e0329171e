/**
 * The `markdown` format: awesome-lists, lab READMEs, reading-group notes, newsletters.
 *
 * Line-driven and bounded: lines are buffered into sections of 16-64 KiB, split at an ATX
 * heading outside fenced code and HTML comments (or, in a long section, before a top-level
 * list item, a paragraph start, or a table row, the table's header carried over), and each
 * section is parsed on its own with unified + remark-parse + remark-gfm; positions are
 * mapped back to input lines. Heading state carries from one section to the next.
 *
 * Reference definitions are collected by a cheap line pass as lines arrive, so `[label]`s
 * defined further down (often at the bottom) still resolve: an entry holding a label that
 * is not defined yet is held until `end()`; every other entry is emitted when its section
 * closes.
 *
 * The line pass also keeps remark away from what makes it slow: a paragraph dense in
 * brackets or emphasis marks (micromark is quadratic there) is skipped with a warning, and
 * container depth (`>` and indentation) is capped.
 */
import type {Root} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {createMessage, type ParseMessage} from '../message.js'
import type {FormatContext, FormatDefinition, LineParser} from './format.js'
import {readEntry, type EntryRaw} from './markdown/entry.js'
import {detectMarkdown} from './markdown/detect.js'
import {normalizeLabel, type Definition} from './markdown/inline.js'
import {createWalkState, walkSection} from './markdown/walk.js'

/** 64 KiB of markdown: a few hundred entries per remark run, a few MB of mdast. */
const sectionCharsMax = 65_536
/** A heading ends the section only past this size: each remark run has a fixed cost. */
const sectionCharsMin = 16_384
/** Container depth remark is given: its cost per line grows with the depth (and deep `>` overflow the stack). */
const quoteDepthMax = 8
const containersMax = 16
const indentColumnsMax = 48
/** `|` in one line: a table row with more cells than this is not a paper row. */
const linePipesMax = 1_000
/** Front matter longer than this is not front matter. */
const frontMatterLinesMax = 200
/**
 * Brackets, emphasis marks and backticks in one paragraph-like run of lines. micromark is
 * quadratic in these within one inline run (8 000 `]` take seconds, 50 000 take minutes),
 * while a real paragraph has a few dozen: a denser run is skipped with a message.
 */
const runDelimitersMax = 1_500
/** No entry line is this long (a minified HTML blob, a data URI): remark alone would take seconds. */
const lineCharsMax = 20_000

/** A line of YAML front matter: `key: value`, a `- item`, an indented or blank line, a comment. */
const yamlLinePattern = /^(?:[\w-]+\s*:|\s|-\s|#|$|---\s*$|\.\.\.\s*$)/
const atxHeadingPattern = /^ {0,3}#{1,6}(?:[ \t]|$)/
const fenceOpenPattern = /^\s*(`{3,}|~{3,})(.*)$/
const definitionLinePattern = /^ {0,3}\[((?:[^\[\]\\]|\\.){1,999})\]:[ \t]*(<[^<>\n]*>|\S+)(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^()]*\)))?[ \t]*$/
const listItemStartPattern = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/
const thematicBreakPattern = /^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/
// Blanks are consumed only after a pipe, so a long blank run cannot be split two ways.
const tableDelimiterPattern = /^\s*(?:\|\s*)?:?-+:?\s*(?:\|\s*:?-+:?\s*)*(?:\|\s*)?$/
/** HTML blocks that run to an end marker rather than to a blank line (CommonMark types 1-5). */
const htmlBlockStarts: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:\s|>|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
]

/**
 * The markdown format definition, registered in `formats.ts`.
 *
 * @example
 *   markdownFormat.detect(['# Awesome GNN', '', '- [Graph Attention Networks](https://arxiv.org/abs/1710.10903)'])
 *   // => 0.6
 */
export const markdownFormat: FormatDefinition = {
  name: 'markdown',
  detect: detectMarkdown,
  create: createMarkdownParser,
}

/**
 * The line with its container depth bounded: past `containersMax` container markers at its
 * start (`>`, `-`, `*`, `+`, `1.`; `- - - x` nests three lists), `quoteDepthMax` quotes or
 * `indentColumnsMax` columns of indentation, the extra markers and blanks are dropped (the
 * text itself is kept). remark recurses once per level and overflows the stack at a few
 * thousand.
 */
function bounded(text: string): string {
  // Fast path: a short prefix of blanks and markers cannot exceed any bound.
  let prefix = 0
  while (prefix < text.length && prefix <= quoteDepthMax && /[ \t>*+\-\d.)]/.test(text[prefix]!)) prefix++
  if (prefix <= quoteDepthMax) return text
  let out = ''
  let i = 0
  let containers = 0
  let quotes = 0
  let columns = 0
  for (;;) {
    const start = i
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++
    const blanks = text.slice(start, i)
    const marker = /^(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))/.exec(text.slice(i, i + 11))?.[0]
    if (!marker) {
      // A marker needs one blank after it, or the line stops being a list item.
      out += clampBlanks(blanks, columns) || (out && blanks ? blanks[0] : '')
      break
    }
    i += marker.length
    const quote = marker === '>'
    if (containers >= containersMax || (quote && quotes >= quoteDepthMax)) continue
    containers++
    if (quote) quotes++
    const kept = clampBlanks(blanks, columns) || (out && blanks ? blanks[0]! : '')
    out += kept + marker
    columns = quote ? 0 : columns + kept.length + marker.length
  }
  return out + text.slice(i)
}

/** `blanks` cut so that the indentation stays within `indentColumnsMax` columns. */
function clampBlanks(blanks: string, columns: number): string {
  let out = ''
  let at = columns
  for (const c of blanks) {
    const width = c === '\t' ? 4 - (at % 4) : 1
    if (at + width > indentColumnsMax) break
    at += width
    out += c
  }
  return out
}

function createMarkdownParser(context: FormatContext): LineParser {
  const processor = unified().use(remarkParse).use(remarkGfm)
  const definitions = new Map<string, Definition>()
  const state = createWalkState()
  const pending: EntryRaw[] = []

  let texts: string[] = []
  let lines: number[] = []
  let chars = 0
  let fence: {char: string; length: number} | undefined
  let htmlEnd: RegExp | undefined
  /** An HTML block of type 6/7 runs to the next blank line. */
  let htmlOpen = false
  let detailsDepth = 0
  let previousBlank = true
  let table: {header: string; headerLine: number; delimiter: string; delimiterLine: number} | undefined
  let previous: {text: string; line: number} | undefined
  let frontMatter: Array<{text: string; line: number}> | undefined
  /** The paragraph-like run of lines being counted: index of its first line in `texts`. */
  let run: {from: number; delimiters: number; longest: number} | undefined
  /** Messages for dense runs of the current section, emitted in line order at its flush. */
  const dense: ParseMessage[] = []

  function settle(raw: EntryRaw, final: boolean): void {
    const result = readEntry(raw, definitions, final)
    if (result.kind === 'pending') pending.push(raw)
    else if (result.kind === 'message') context.message(result.message)
    else context.emit(result.draft)
  }

  function flush(): void {
    closeRun()
    if (texts.length === 0) return
    const text = texts.join('\n')
    const map = lines
    texts = []
    lines = []
    chars = 0
    const tree = processor.parse(text) as Root
    const lineOf = (sectionLine: number): number => map[Math.min(Math.max(sectionLine, 1), map.length) - 1] ?? 1
    const skipped = dense.splice(0)
    for (const output of walkSection(tree, state, lineOf, definitions, {definitions: text.includes(']:')})) {
      const line = output.kind === 'message' ? output.message.line : output.raw.line
      while (skipped.length > 0 && skipped[0]!.line < line) context.message(skipped.shift()!)
      if (output.kind === 'message') context.message(output.message)
      else settle(output.raw, false)
    }
    for (const message of skipped) context.message(message)
  }

  /** Close the current run; blank it out when it is too dense for remark. */
  function closeRun(): void {
    const current = run
    run = undefined
    if (!current || (current.delimiters <= runDelimitersMax && current.longest <= lineCharsMax)) return
    const first = lines[current.from] ?? 1
    const last = lines[lines.length - 1] ?? first
    for (let i = current.from; i < texts.length; i++) texts[i] = ''
    const reason =
      current.longest > lineCharsMax
        ? `Line of ${current.longest} characters is too long for a markdown entry; skipped`
        : `Block with ${current.delimiters === Number.POSITIVE_INFINITY ? 'thousands of' : current.delimiters} brackets, pipes or emphasis marks is too dense to read as markdown; skipped`
    dense.push(createMessage('noise-line', 'warning', first, reason, {endLine: last}))
  }

  function countDelimiters(text: string): number {
    let n = 0
    let pipes = 0
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      // [ ] * _ `
      if (c === 91 || c === 93 || c === 42 || c === 95 || c === 96) n++
      else if (c === 124) pipes++
    }
    return pipes > linePipesMax ? Number.POSITIVE_INFINITY : n
  }

  function add(text: string, line: number): void {
    texts.push(text)
    lines.push(line)
    chars += text.length + 1
  }

  /** Whether a long section may end before this line without changing how remark reads it. */
  function canSplitBefore(text: string): boolean {
    if (fence || htmlEnd || htmlOpen || detailsDepth > 0) return false
    if (table) return !tableDelimiterPattern.test(text) && text.trim() !== ''
    if (listItemStartPattern.test(text) && !thematicBreakPattern.test(text)) return true
    // After a blank line, a line at column 0 starts a new block; quotes and `<details>` may
    // belong to the entry before them, an emphasis line may be its authors.
    return previousBlank && /^[^\s>|<*_]/.test(text)
  }

  function line(text: string, number: number): void {
    const blank = text.trim() === ''
    if (fence) {
      const close = /^\s*(`{3,}|~{3,})\s*$/.exec(text)
      if (close?.[1] && close[1][0] === fence.char && close[1].length >= fence.length) fence = undefined
      add(text, number)
      previous = {text, line: number}
      return
    }
    if (htmlEnd) {
      if (htmlEnd.test(text)) htmlEnd = undefined
      add(text, number)
      previous = {text, line: number}
      return
    }

    // A blank line or a new block ends the run of lines remark reads as one paragraph.
    const startsBlock = blank || listItemStartPattern.test(text) || atxHeadingPattern.test(text) || /^\s{0,3}(?:[>|<]|`{3}|~{3})/.test(text)
    if (startsBlock) closeRun()

    if (atxHeadingPattern.test(text)) {
      if (chars >= sectionCharsMin) flush()
      table = undefined
      htmlOpen = false
    } else if (chars >= sectionCharsMax && canSplitBefore(text)) {
      const carried = table
      flush()
      if (carried) {
        // Continue the table: the next section starts with its header and delimiter rows.
        add(carried.header, carried.headerLine)
        add(carried.delimiter, carried.delimiterLine)
      }
    }

    const definition = text.includes(']:') ? definitionLinePattern.exec(text) : null
    if (definition?.[1] && definition[2]) {
      const key = normalizeLabel(definition[1])
      const url = definition[2].startsWith('<') ? definition[2].slice(1, -1) : definition[2]
      if (!definitions.has(key)) definitions.set(key, {url})
    }

    const open = fenceOpenPattern.exec(text)
    if (open?.[1] && !(open[1][0] === '`' && (open[2] ?? '').includes('`'))) {
      fence = {char: open[1][0]!, length: open[1].length}
    } else if (text.includes('<')) {
      for (const [start, end] of htmlBlockStarts) {
        if (start.test(text)) {
          if (!end.test(text.replace(start, ''))) htmlEnd = end
          break
        }
      }
      if (!htmlEnd && /^ {0,3}<\/?[A-Za-z]/.test(text)) htmlOpen = true
      detailsDepth = Math.max(0, detailsDepth + (text.match(/<details\b/gi) ?? []).length - (text.match(/<\/details\s*>/gi) ?? []).length)
    }

    if (blank) {
      htmlOpen = false
      table = undefined
    } else if (!table && previous && previous.text.includes('|') && tableDelimiterPattern.test(text) && text.includes('-')) {
      table = {header: previous.text, headerLine: previous.line, delimiter: text, delimiterLine: number}
    }
    add(bounded(text), number)
    if (!blank) {
      run ??= {from: texts.length - 1, delimiters: 0, longest: 0}
      run.longest = Math.max(run.longest, text.length)
      // A line too long to keep is not worth counting.
      if (run.longest <= lineCharsMax) run.delimiters += countDelimiters(text)
    }
    previousBlank = blank
    previous = {text, line: number}
  }

  return {
    push(text, number) {
      if (number === 1 && /^---\s*$/.test(text)) {
        frontMatter = [{text, line: number}]
        return
      }
      if (frontMatter) {
        frontMatter.push({text, line: number})
        if (frontMatter.length > 2 && /^(?:---|\.\.\.)\s*$/.test(text)) {
          context.message(createMessage('noise-line', 'info', 1, 'Front matter; skipped', {endLine: number}))
          frontMatter = undefined
        } else if (frontMatter.length > frontMatterLinesMax || !yamlLinePattern.test(text) || (frontMatter.length === 2 && !/^[\w-]+\s*:/.test(text))) {
          // Not YAML: the first `---` was a rule. Read the held lines as markdown.
          const held = frontMatter
          frontMatter = undefined
          for (const entry of held) line(entry.text, entry.line)
        }
        return
      }
      line(text, number)
    },
    end() {
      if (frontMatter) {
        const held = frontMatter
        frontMatter = undefined
        for (const entry of held) line(entry.text, entry.line)
      }
      closeRun()
      flush()
      const held = pending.splice(0)
      for (const raw of held) settle(raw, true)
    },
  }
}
