/**
 * The one line-driven machine behind `parse()` and `parseStream()`: it splits text into lines
 * (across chunk boundaries, CRLF/CR/LF, BOM), detects the format from the first lines, feeds
 * the format's parser, finalises drafts and drops duplicates. Batch and stream cannot drift
 * apart because both only call `write` and `end`.
 */
import type {Format, Paper} from '../schema.js'
import {createMessage, type ParseMessage} from '../message.js'
import {finalizeDraft, sanitizePaper, type PaperDraft} from './draft.js'
import {createDeduper} from './dedupe.js'
import type {FormatContext, FormatDefinition, LineParser} from './format.js'
import {formatDefinitions, plainTextFormat} from './formats.js'

/** Lines looked at to detect the format. */
export const detectLinesMax = 64
/** Characters looked at to detect the format (a 20 MB single line must not be scanned twice). */
const detectCharsMax = 16_384

export interface EngineCallbacks {
  onPaper(paper: Paper): void
  onMessage(message: ParseMessage): void
  /** Called once the format is known (detected or given). */
  onFormat?(format: Format): void
}

export interface ListingParser {
  write(chunk: string): void
  end(): void
}

/** Pick the format whose detector is most confident. */
export function detectFormatFromLines(head: readonly string[]): Format {
  let best: FormatDefinition = plainTextFormat
  let bestScore = 0
  for (const definition of formatDefinitions) {
    const score = definition.detect(head)
    if (score > bestScore) {
      best = definition
      bestScore = score
    }
  }
  return best.name
}

/** True when the head of the input is binary, not text. */
function looksBinary(head: string): boolean {
  if (head.length === 0) return false
  let bad = 0
  for (let i = 0; i < head.length; i++) {
    const code = head.charCodeAt(i)
    if (code === 0) return true
    if (code === 0xfffd || (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12)) bad++
  }
  return bad / head.length > 0.1
}

export function createListingParser(format: Format | 'auto', callbacks: EngineCallbacks): ListingParser {
  let lineNumber = 0
  /** The unfinished last line, in pieces (joined when a line break arrives); `partial` is the last piece. */
  const pieces: string[] = []
  let partial = ''
  let started = false
  let binary = false
  let head: string[] | undefined = format === 'auto' ? [] : undefined
  let headChars = 0
  let parser: LineParser | undefined
  let activeFormat: Format = format === 'auto' ? 'plain-text' : format
  const deduper = createDeduper()

  /** Drop a duplicate (with a message), else hand the paper on. */
  function deliver(paper: Paper): void {
    const duplicate = deduper.check(paper)
    if (duplicate) {
      callbacks.onMessage(
        createMessage(
          'duplicate-paper',
          'warning',
          paper.source.line,
          `"${paper.title.slice(0, 60)}" repeats the entry at line ${duplicate.firstLine}; merged into it`,
          {endLine: paper.source.endLine},
        ),
      )
      return
    }
    callbacks.onPaper(paper)
  }

  const context: FormatContext = {
    emit(draft: PaperDraft) {
      const {paper, messages} = finalizeDraft(draft, activeFormat)
      for (const message of messages) callbacks.onMessage(message)
      if (paper) deliver(paper)
    },
    emitPaper(paper: Paper) {
      const clean = sanitizePaper(paper)
      if (clean.title) deliver(clean)
      else callbacks.onMessage(createMessage('missing-title', 'warning', paper.source.line, 'Record has no readable title; skipped'))
    },
    message: callbacks.onMessage,
  }

  function start(name: Format): void {
    activeFormat = name
    const definition = formatDefinitions.find((d) => d.name === name) ?? plainTextFormat
    parser = definition.create(context)
    callbacks.onFormat?.(name)
  }

  if (format !== 'auto') start(format)

  function flushHead(): void {
    if (!head) return
    const lines = head
    head = undefined
    const text = lines.join('\n')
    if (looksBinary(text.slice(0, detectCharsMax))) {
      binary = true
      callbacks.onMessage(createMessage('unknown-format', 'error', 1, 'Input is binary, not a text listing'))
      return
    }
    start(detectFormatFromLines(lines.map((l) => l.slice(0, detectCharsMax))))
    lines.forEach((text, index) => parser!.push(text, index + 1))
  }

  function pushLine(text: string): void {
    lineNumber++
    if (binary) return
    if (head) {
      head.push(text)
      headChars += Math.min(text.length, detectCharsMax)
      if (head.length >= detectLinesMax || headChars >= detectCharsMax) flushHead()
      return
    }
    parser!.push(text, lineNumber)
  }

  return {
    write(chunk: string) {
      if (chunk.length === 0) return
      if (!started) {
        started = true
        if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1)
        if (chunk.length === 0) return
      }
      // A chunk without a line break only extends the unfinished line: keep the pieces and
      // join them once, so a very long line costs linear time, not a rescan per chunk.
      const endsWithCr = partial.length > 0 && partial.charCodeAt(partial.length - 1) === 13
      if (!endsWithCr && chunk.indexOf('\n') === -1 && chunk.indexOf('\r') === -1) {
        pieces.push(chunk)
        partial = chunk
        return
      }
      const head = pieces.length > 0 ? pieces.join('') : ''
      pieces.length = 0
      const text = head + chunk
      // Neither line break occurs before `head.length` (but a `\r` may end the head).
      let from = 0
      let lf = text.indexOf('\n', head.length)
      let cr = text.indexOf('\r', endsWithCr ? head.length - 1 : head.length)
      for (;;) {
        // Each search resumes where the last one stopped: one scan per chunk, not one per line.
        if (lf !== -1 && lf < from) lf = text.indexOf('\n', from)
        if (cr !== -1 && cr < from) cr = text.indexOf('\r', from)
        if (lf === -1 && cr === -1) break
        let end: number
        let next: number
        if (cr !== -1 && (lf === -1 || cr < lf)) {
          // `\r` at the very end may be the first half of a CRLF split across chunks.
          if (cr === text.length - 1) break
          end = cr
          next = text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1
        } else {
          end = lf
          next = lf + 1
        }
        pushLine(text.slice(from, end))
        from = next
      }
      partial = text.slice(from)
      if (partial.length > 0) pieces.push(partial)
    },
    end() {
      if (pieces.length > 0) {
        const rest = pieces.join('')
        pieces.length = 0
        const last = rest.endsWith('\r') ? rest.slice(0, -1) : rest
        partial = ''
        pushLine(last)
      }
      if (lineNumber === 0) callbacks.onMessage(createMessage('unknown-format', 'warning', 1, 'Input is empty'))
      flushHead()
      if (!parser && !binary) start(activeFormat)
      if (parser && !binary) parser.end(lineNumber)
    },
  }
}
