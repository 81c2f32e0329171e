/**
 * `parse()`, `parseStream()` and `detectFormat()`: the public face of the parse layer.
 */
import type {Format, Paper} from '../schema.js'
import {ListingError, type ParseMessage} from '../message.js'
import {createListingParser, detectFormatFromLines, detectLinesMax} from './engine.js'
import {resolveParseOptions, type ParseOptions} from './options.js'

export type {ParseOptions} from './options.js'

/** What `parse()` returns. */
export interface ParseResult {
  papers: Paper[]
  /** The format read (detected or given). */
  format: Format
  messages: ParseMessage[]
}

/**
 * Parse a listing into papers. Never throws on messy text: every skipped or doubtful block
 * becomes a message.
 *
 * @param input Listing text (any supported format).
 * @param options `format` (default `'auto'`) and `strict`.
 * @returns `{papers, format, messages}`.
 * @throws {TypeError} on bad options.
 * @throws {ListingError} with `strict: true` when an error-severity message is reported.
 * @example
 *   parse('Attention Is All You Need\nAshish Vaswani, Noam Shazeer').papers[0].authors
 *   // => ['Ashish Vaswani', 'Noam Shazeer']
 */
export function parse(input: string, options?: ParseOptions): ParseResult {
  const {format, strict} = resolveParseOptions(options)
  if (typeof input !== 'string') throw new TypeError(`Expected \`input\` to be a string, got \`${typeof input}\``)
  const papers: Paper[] = []
  const messages: ParseMessage[] = []
  let read: Format = format === 'auto' ? 'plain-text' : format
  const parser = createListingParser(format, {
    onPaper: (paper) => papers.push(paper),
    onMessage: (message) => messages.push(message),
    onFormat: (name) => {
      read = name
    },
  })
  parser.write(input)
  parser.end()
  if (strict && messages.some((m) => m.severity === 'error')) throw new ListingError(messages)
  return {papers, format: read, messages}
}

/** A source of text chunks: strings or bytes (UTF-8, or UTF-16 with a BOM). */
export type ChunkSource =
  | AsyncIterable<string | Uint8Array>
  | Iterable<string | Uint8Array>
  | ReadableStream<string | Uint8Array>

/** Options of `parseStream()`. */
export interface ParseStreamOptions extends ParseOptions {
  /** Called with each message as soon as it is known. */
  readonly onMessage?: ((message: ParseMessage) => void) | undefined
  /** Called once with the format read. */
  readonly onFormat?: ((format: Format) => void) | undefined
}

/**
 * Parse a listing as it arrives, yielding each paper as soon as its entry closes.
 * Runs the same line machine as `parse()`, so the papers are the same for any chunking.
 *
 * @throws {ListingError} with `strict: true`, at the end, when an error-severity message was reported.
 */
export async function* parseStream(source: ChunkSource, options?: ParseStreamOptions): AsyncGenerator<Paper, void> {
  const {onMessage, onFormat, ...rest} = options ?? {}
  const {format, strict} = resolveParseOptions(rest)
  if (onMessage !== undefined && typeof onMessage !== 'function') throw new TypeError('Expected `onMessage` to be a function')
  const ready: Paper[] = []
  const errors: ParseMessage[] = []
  const all: ParseMessage[] = []
  const parser = createListingParser(format, {
    onPaper: (paper) => ready.push(paper),
    onMessage: (message) => {
      if (strict) all.push(message)
      if (message.severity === 'error') errors.push(message)
      onMessage?.(message)
    },
    onFormat: (name) => onFormat?.(name),
  })
  const decoder = createDecoder()
  for await (const chunk of iterate(source)) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk))
    while (ready.length > 0) yield ready.shift()!
  }
  parser.write(decoder.flush())
  parser.end()
  while (ready.length > 0) yield ready.shift()!
  if (strict && errors.length > 0) throw new ListingError(all)
}

/**
 * Detect the format of a listing from its first lines.
 *
 * @example
 *   detectFormat('\\\\\narXiv:2401.01234\nDate: Mon, 1 Jan 2024') // => 'arxiv-email'
 */
export function detectFormat(text: string): Format {
  const head: string[] = []
  let from = text.charCodeAt(0) === 0xfeff ? 1 : 0
  while (head.length < detectLinesMax && from <= text.length) {
    let end = text.indexOf('\n', from)
    if (end === -1) end = text.length
    head.push(text.slice(from, Math.min(end, from + 16_384)).replace(/\r$/, ''))
    from = end + 1
  }
  return detectFormatFromLines(head)
}

/** Decode bytes as UTF-8, or UTF-16 when the first bytes are a UTF-16 BOM; split characters are carried over. */
function createDecoder(): {decode(bytes: Uint8Array): string; flush(): string} {
  let decoder: TextDecoder | undefined
  // The BOM is two bytes, and a first chunk may hold only one: wait for the second.
  let first: Uint8Array | undefined
  return {
    decode(bytes) {
      if (!decoder) {
        if (first) {
          const joined = new Uint8Array(first.length + bytes.length)
          joined.set(first)
          joined.set(bytes, first.length)
          bytes = joined
          first = undefined
        }
        if (bytes.length < 2) {
          if (bytes.length === 1) first = bytes.slice()
          return ''
        }
        const label = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8'
        decoder = new TextDecoder(label)
      }
      return decoder.decode(bytes, {stream: true})
    },
    flush() {
      if (first) {
        // A one-byte input: UTF-8.
        decoder = new TextDecoder('utf-8')
        const text = decoder.decode(first, {stream: true})
        first = undefined
        return text + decoder.decode()
      }
      return decoder ? decoder.decode() : ''
    },
  }
}

async function* iterate(source: ChunkSource): AsyncGenerator<string | Uint8Array> {
  if (source && typeof (source as ReadableStream).getReader === 'function' && !(Symbol.asyncIterator in source)) {
    const reader = (source as ReadableStream<string | Uint8Array>).getReader()
    try {
      for (;;) {
        const {done, value} = await reader.read()
        if (done) return
        yield value
      }
    } finally {
      reader.releaseLock()
    }
  }
  yield* source as AsyncIterable<string | Uint8Array>
}
