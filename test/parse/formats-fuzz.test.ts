import {readFileSync} from 'node:fs'
import fc from 'fast-check'
import {describe, expect, test} from 'vitest'
import type {ParseMessage} from '../../src/message.js'
import {createListingParser} from '../../src/parse/engine.js'
import {parse} from '../../src/parse/index.js'
import {PaperSchema, type Format, type Paper} from '../../src/schema.js'

const fixtures: Array<[Format, string]> = [
  ['arxiv-email', 'arxiv-email/cs-daily.txt'],
  ['arxiv-email', 'arxiv-email/list-page.txt'],
  ['arxiv-atom', 'arxiv-atom/query.xml'],
  ['hf-json', 'hf-json/daily-papers.json'],
  ['jsonl', 'jsonl/papers.jsonl'],
]

/** Damage a text: cut, delete, duplicate and insert at random places. */
const damaged = (text: string) =>
  fc
    .array(
      fc.tuple(fc.nat({max: text.length}), fc.nat({max: 200}), fc.constantFrom('', '\n', '\\\\\n', '<entry>', '</entry>', '{', '"', ',', '\r\n', '&lol;', '\u00A0', 'Title: ')),
      {maxLength: 6},
    )
    .map((edits) => {
      let out = text
      for (const [at, length, insert] of edits) out = out.slice(0, at) + insert + out.slice(Math.min(out.length, at + length))
      return out
    })

function stream(text: string, format: Format, sizes: readonly number[]) {
  const papers: Paper[] = []
  const messages: ParseMessage[] = []
  const parser = createListingParser(format, {onPaper: (p) => papers.push(p), onMessage: (m) => messages.push(m)})
  let at = 0
  for (let i = 0; at < text.length; i++) {
    const size = sizes.length > 0 ? sizes[i % sizes.length]! : text.length
    parser.write(text.slice(at, at + size))
    at += size
  }
  parser.end()
  return {papers, messages}
}

describe.each(fixtures)('%s parser on damaged %s', (format, path) => {
  const text = readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8')

  test('should never throw, emit only valid records, and not depend on chunking', () => {
    fc.assert(
      fc.property(damaged(text), fc.array(fc.integer({min: 1, max: 300}), {minLength: 1, maxLength: 5}), (input, sizes) => {
        const whole = parse(input, {format})
        for (const paper of whole.papers) expect(PaperSchema.safeParse(paper).success).toBe(true)
        for (const message of whole.messages) expect(message.line).toBeGreaterThanOrEqual(1)
        const chunked = stream(input, format, sizes)
        expect(chunked.papers).toEqual(whole.papers)
        expect(chunked.messages).toEqual(whole.messages)
      }),
      {numRuns: 40},
    )
  })
})
