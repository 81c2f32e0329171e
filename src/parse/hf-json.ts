/**
 * Hugging Face daily papers as JSON (`GET https://huggingface.co/api/daily_papers`): an array of
 * `{paper: {id, title, summary, authors, publishedAt, upvotes, githubRepo, …}, numComments, …}`.
 * Also read: `{"dailyPapers": […]}` (the page's embedded props), a single element, a bare
 * paper object, and one element per line (JSON Lines).
 *
 * JSON has no line structure, so this parser buffers the whole text and reads it at `end()`:
 * memory is O(input) for this format only. A small scanner checks the syntax (JSON.parse gives
 * no position in Node 20) and records where each element starts and ends, so every record and
 * message points at its own lines; each element is then parsed and validated on its own, so one
 * bad element does not cost the others.
 */
import {z} from 'zod'
import {createMessage} from '../message.js'
import type {Link, Metrics} from '../schema.js'
import {parseCount} from '../text/normalize.js'
import type {PaperDraft} from './draft.js'
import type {FormatContext, FormatDefinition, LineParser} from './format.js'
import {parseArxivId, toSafeUrl} from './links.js'

/** A count that may be a number, `"1.2k"`, null or missing; anything unreadable counts as missing. */
const CountSchema = z
  .union([z.number(), z.string()])
  .nullish()
  .transform((value) => {
    if (value === null || value === undefined) return undefined
    if (typeof value === 'string') return parseCount(value)
    return Number.isFinite(value) && value >= 0 ? Math.round(value) : undefined
  })
const TextSchema = z.string().nullish()
const AuthorSchema = z.union([z.string(), z.object({name: TextSchema})]).nullable()

const HfPaperSchema = z.object({
  id: z.string().refine((id) => parseArxivId(id) !== undefined, {message: 'Expected an arXiv id'}),
  title: TextSchema,
  summary: TextSchema,
  authors: z.array(AuthorSchema).nullish(),
  publishedAt: TextSchema,
  upvotes: CountSchema,
  numComments: CountSchema,
  githubRepo: TextSchema,
  projectPage: TextSchema,
  githubStars: CountSchema,
  ai_keywords: z.array(z.string().nullable()).nullish(),
})

/** One element of the daily-papers array; a bare paper object is read as `{paper: …}`. */
export const HfDailyPaperSchema = z.preprocess(
  (value) =>
    typeof value === 'object' && value !== null && !Array.isArray(value) && !('paper' in value) && 'id' in value ? {paper: value} : value,
  z.object({
    paper: HfPaperSchema,
    title: TextSchema,
    summary: TextSchema,
    publishedAt: TextSchema,
    upvotes: CountSchema,
    numComments: CountSchema,
  }),
)
export type HfDailyPaper = z.infer<typeof HfDailyPaperSchema>

/** `2024-01-03T17:08:18.000Z` → `2024-01-03` (the UTC day the API gives). */
function isoDay(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined
  return /^\s*(\d{4}-\d{2}-\d{2})(?=T|\s|$)/.exec(value)?.[1] ?? value
}

/** Turn a validated element into a draft. */
function toDraft(element: HfDailyPaper, line: number, endLine: number): PaperDraft {
  const {paper} = element
  const metrics: Metrics = {}
  const upvotes = paper.upvotes ?? element.upvotes
  const comments = element.numComments ?? paper.numComments
  if (upvotes !== undefined) metrics.upvotes = upvotes
  if (paper.githubStars !== undefined) metrics.stars = paper.githubStars
  if (comments !== undefined) metrics.comments = comments
  const links: Link[] = []
  if (paper.githubRepo) links.push({url: toSafeUrl(paper.githubRepo) ?? paper.githubRepo.trim(), role: 'code'})
  if (paper.projectPage) links.push({url: toSafeUrl(paper.projectPage) ?? paper.projectPage.trim(), role: 'project'})
  const authors: string[] = []
  for (const author of paper.authors ?? []) {
    const name = typeof author === 'string' ? author : author?.name
    if (name) authors.push(name)
  }
  return {
    // `||`: an empty paper-level string falls back to the element's own field too.
    title: paper.title || element.title || undefined,
    abstract: paper.summary || element.summary || undefined,
    authors,
    arxivId: paper.id,
    published: isoDay(paper.publishedAt ?? element.publishedAt),
    links,
    keywords: (paper.ai_keywords ?? []).filter((keyword): keyword is string => typeof keyword === 'string'),
    metrics,
    line,
    endLine,
  }
}

/** Offsets `[start, end)` of one element in the text. */
interface Span {
  start: number
  end: number
}

interface ScanResult {
  elements: Span[]
  error?: {offset: number; reason: string} | undefined
}

interface Container {
  type: 'array' | 'object'
  /** array: `start` (after `[`), `value` (after `,`), `next` (after a value); object: `start`, `key`, `colon`, `value`, `next`. */
  state: 'start' | 'key' | 'colon' | 'value' | 'next'
  /** Whether this array's values are the elements. */
  target: boolean
  /** Last key read (objects). */
  key?: string | undefined
  /** Start of the value being read, in a target array. */
  valueStart?: number | undefined
  /** Top-level object: whether it held a `dailyPapers` array (then it is not itself an element). */
  holdsList?: boolean | undefined
  start: number
}

const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const literalPattern = /true|false|null/y

/**
 * Check the syntax of a sequence of JSON values and find the elements: the values of a top-level
 * array, of a top-level object's `dailyPapers` array, or a top-level object itself. Stops at the
 * first syntax error; the elements read before it are kept.
 *
 * @param text JSON text (one value, or several separated by whitespace as in JSON Lines).
 * @returns Element offsets `[start, end)` and the first syntax error, if any.
 * @example
 *   scanJsonElements('[{"a": 1}, {').elements // => [{start: 1, end: 9}]
 */
export function scanJsonElements(text: string): ScanResult {
  const elements: Span[] = []
  const stack: Container[] = []
  const n = text.length
  let i = 0

  const fail = (offset: number, reason: string): ScanResult => ({elements, error: {offset, reason}})

  /** A value ended at `end`: close the element it completes, move the parent on. */
  function valueDone(end: number, start: number): void {
    const top = stack[stack.length - 1]
    if (!top) {
      elements.push({start, end}) // a top-level scalar: an element that will fail validation
      return
    }
    if (top.target && top.valueStart !== undefined) {
      elements.push({start: top.valueStart, end})
      top.valueStart = undefined
    }
    top.state = 'next'
  }

  while (i < n) {
    const c = text.charCodeAt(i)
    // Whitespace: space, tab, LF, CR.
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++
      continue
    }
    const top = stack[stack.length - 1]
    const char = text[i]!

    if (top && top.type === 'object' && (top.state === 'start' || top.state === 'key')) {
      if (char === '}' && top.state === 'start') {
        i++
        closeContainer(i)
        continue
      }
      if (char !== '"') return fail(i, top.state === 'start' ? "Expected a property name or '}'" : 'Expected a property name')
      const end = scanString(text, i)
      if (typeof end !== 'number') return fail(end.offset, end.reason)
      top.key = text.slice(i + 1, end - 1)
      top.state = 'colon'
      i = end
      continue
    }
    if (top && top.state === 'colon') {
      if (char !== ':') return fail(i, "Expected ':' after a property name")
      top.state = 'value'
      i++
      continue
    }
    if (top && top.state === 'next') {
      if (char === ',') {
        top.state = top.type === 'object' ? 'key' : 'value'
        i++
        continue
      }
      if ((char === ']' && top.type === 'array') || (char === '}' && top.type === 'object')) {
        i++
        closeContainer(i)
        continue
      }
      return fail(i, top.type === 'array' ? "Expected ',' or ']' after an array element" : "Expected ',' or '}' after a property value")
    }
    if (top && top.type === 'array' && top.state === 'start' && char === ']') {
      i++
      closeContainer(i)
      continue
    }

    // A value is expected here.
    if (top?.target) top.valueStart = i
    if (char === '{' || char === '[') {
      const type = char === '{' ? 'object' : 'array'
      // Elements live in a top-level array, or in the `dailyPapers` array of a top-level object.
      const target =
        type === 'array' && (stack.length === 0 || (stack.length === 1 && top?.type === 'object' && top.key === 'dailyPapers'))
      if (target && top) top.holdsList = true
      stack.push({type, state: 'start', target, start: i})
      i++
      continue
    }
    let end: number | undefined
    if (char === '"') {
      const result = scanString(text, i)
      if (typeof result !== 'number') return fail(result.offset, result.reason)
      end = result
    } else {
      for (const pattern of [numberPattern, literalPattern]) {
        pattern.lastIndex = i
        if (pattern.test(text)) {
          end = pattern.lastIndex
          break
        }
      }
      if (end === undefined) return fail(i, `Unexpected character '${char}'`)
    }
    valueDone(end, i)
    i = end
  }
  const open = stack[stack.length - 1]
  if (open) return fail(n, `Unexpected end of JSON input: ${open.type === 'array' ? "']'" : "'}'"} missing`)
  return {elements}

  function closeContainer(end: number): void {
    const closed = stack.pop()!
    if (stack.length === 0 && closed.type === 'object' && !closed.holdsList) {
      elements.push({start: closed.start, end}) // a single element (or one JSON Lines record)
      return
    }
    if (stack.length === 0) return
    valueDone(end, closed.start)
  }
}

/** End offset (after the closing quote) of the string starting at `start`, or the error. */
function scanString(text: string, start: number): number | {offset: number; reason: string} {
  let i = start + 1
  for (;;) {
    if (i >= text.length) return {offset: text.length, reason: 'Unterminated string'}
    const c = text.charCodeAt(i)
    if (c === 34) return i + 1 // "
    if (c === 92) {
      // backslash
      const next = text[i + 1]
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return {offset: i, reason: 'Bad Unicode escape in string'}
        i += 6
        continue
      }
      if (next === undefined || !'"\\/bfnrt'.includes(next)) return {offset: i, reason: 'Bad escape in string'}
      i += 2
      continue
    }
    if (c < 32) return {offset: i, reason: c === 10 ? 'Unterminated string (line break inside a string)' : 'Control character in string'}
    i++
  }
}

/**
 * Create the parser for Hugging Face daily-papers JSON.
 *
 * @param context Where entries and messages go.
 * @returns A `LineParser` that reads everything at `end()`.
 */
export function createHfJsonParser(context: FormatContext): LineParser {
  const lines: string[] = []
  let firstLine = 1

  return {
    push(text, line) {
      if (lines.length === 0) firstLine = line
      lines.push(text)
    },
    end() {
      const text = lines.join('\n')
      // Offsets of line starts, to turn an offset into a line number.
      const starts: number[] = []
      let offset = 0
      for (const line of lines) {
        starts.push(offset)
        offset += line.length + 1
      }
      lines.length = 0
      const lineAt = (position: number): number => {
        let low = 0
        let high = starts.length - 1
        while (low < high) {
          const mid = (low + high + 1) >> 1
          if (starts[mid]! <= position) low = mid
          else high = mid - 1
        }
        return firstLine + low
      }
      if (text.trim() === '') return

      const {elements, error} = scanJsonElements(text)
      elements.forEach((span, index) => {
        const line = lineAt(span.start)
        const endLine = lineAt(Math.max(span.start, span.end - 1))
        let value: unknown
        try {
          value = JSON.parse(text.slice(span.start, span.end))
        } catch (cause) {
          // Unreachable after the scanner's check; kept so a parser difference never throws.
          context.message(createMessage('invalid-json', 'error', line, `Element ${index} is not valid JSON: ${String(cause)}`, {endLine}))
          return
        }
        const result = HfDailyPaperSchema.safeParse(value)
        if (!result.success) {
          const first = result.error.issues[0]
          const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : ''
          context.message(
            createMessage('invalid-record', 'error', line, `Element ${index} is not a daily-papers record: ${where}${first?.message ?? 'invalid'}`, {
              endLine,
              issues: result.error.issues,
            }),
          )
          return
        }
        context.emit(toDraft(result.data, line, endLine))
      })
      if (error) {
        const line = lineAt(Math.min(error.offset, Math.max(0, text.length - 1)))
        const column = error.offset - starts[line - firstLine]! + 1
        context.message(createMessage('invalid-json', 'error', line, `Invalid JSON at line ${line}, column ${column}: ${error.reason}`))
      }
    },
  }
}

/**
 * The Hugging Face daily-papers JSON format.
 *
 * @example
 *   hfJsonFormat.detect(['[{"paper": {"id": "2401.01234"}}]']) // => 0.9
 */
export const hfJsonFormat: FormatDefinition = {
  name: 'hf-json',
  detect(head) {
    const text = head.join('\n')
    const first = /\S/.exec(text)?.[0]
    if (first !== '[' && first !== '{') return 0
    return /"(?:paper|dailyPapers|publishedAt)"\s*:/.test(text) ? 0.9 : 0
  },
  create: createHfJsonParser,
}
