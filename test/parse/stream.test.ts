import {createReadStream, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {Readable} from 'node:stream'
import {describe, expect, test} from 'vitest'
import {fixturesDir, listFixtures} from '../helpers/fixtures.js'
import {parse, parseStream, type ChunkSource, type Format, type Paper, type ParseMessage} from '../../src/index.js'


/** Every file under fixtures/ except the classifier corpus, so new fixtures are covered. */

/** mulberry32: a small seeded PRNG, so a failing chunking can be replayed. */
function createRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Cut `value` into pieces of 1..max units, sizes drawn from a seeded PRNG. */
function randomChunks<T extends string | Uint8Array>(value: T, seed: number, max: number): T[] {
  const random = createRandom(seed)
  const chunks: T[] = []
  for (let at = 0; at < value.length; ) {
    const size = 1 + Math.floor(random() * max)
    chunks.push(value.slice(at, at + size) as T)
    at += size
  }
  return chunks
}

function byteChunks(bytes: Uint8Array, size: number): Uint8Array[] {
  const chunks: Uint8Array[] = []
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size))
  return chunks
}

interface Result {
  papers: Paper[]
  format: Format
  messages: ParseMessage[]
}

/** Run parseStream to the end, collecting papers, messages (through onMessage) and the format. */
async function streamed(source: ChunkSource): Promise<Result> {
  const papers: Paper[] = []
  const messages: ParseMessage[] = []
  let format: Format | undefined
  for await (const paper of parseStream(source, {onMessage: (m) => messages.push(m), onFormat: (f) => (format = f)})) papers.push(paper)
  return {papers, format: format!, messages}
}

/** A web ReadableStream that hands out `chunks` one pull at a time. */
function webStream(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  let index = 0
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (index < chunks.length) controller.enqueue(chunks[index++]!)
      else controller.close()
    },
  })
}

/** A web stream that only offers `getReader()` (no async iterator), as older runtimes do. */
function readerOnly(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  const stream = webStream(chunks)
  return {getReader: () => stream.getReader()} as unknown as ReadableStream<Uint8Array>
}

const names = listFixtures()
const seeds = [1, 7, 42, 1337, 20_240_531]

test('should find the fixtures (and not the corpus)', () => {
  expect(names).toEqual(expect.arrayContaining(['trending-papers.txt', 'plain-text/messy.txt', 'arxiv-email/cs-daily.txt', 'arxiv-atom/query.xml']))
  expect(names.some((name) => name.startsWith('corpus'))).toBe(false)
})

describe.each(names)('parseStream equals parse: %s', (name) => {
  const path = join(fixturesDir, name)
  const bytes = new Uint8Array(readFileSync(path))
  const text = new TextDecoder().decode(bytes) // strips a BOM, as readFileSync(…, 'utf8') does not
  const expected = parse(readFileSync(path, 'utf8'))

  test('should agree on a BOM-stripped and an unstripped reading of the file', () => {
    expect(parse(text)).toEqual(expected)
  })

  test('one string chunk', async () => {
    expect(await streamed([readFileSync(path, 'utf8')])).toEqual(expected)
  })

  test('one byte chunk, from an async iterable', async () => {
    expect(
      await streamed(
        (async function* () {
          yield bytes
        })(),
      ),
    ).toEqual(expected)
  })

  test.each(seeds)('random byte chunks, seed %i', async (seed) => {
    const max = [3, 17, 64, 300, 4096][seeds.indexOf(seed)]!
    expect(await streamed(randomChunks(bytes, seed, max))).toEqual(expected)
  })

  test.each(seeds.slice(0, 3))('random string chunks, seed %i', async (seed) => {
    expect(await streamed(randomChunks(readFileSync(path, 'utf8'), seed, 11))).toEqual(expected)
  })

  test('chunks of 1 byte (splitting UTF-8 characters and CRLF)', async () => {
    expect(await streamed(byteChunks(bytes, 1))).toEqual(expected)
  })

  test('string chunks split between \\r and \\n of CRLF line endings', async () => {
    const crlf = readFileSync(path, 'utf8').replace(/\r?\n/g, '\r\n')
    const chunks = crlf.split(/(?<=\r)/)
    expect(chunks.length).toBeGreaterThan(1)
    expect(chunks.slice(0, -1).every((chunk) => chunk.endsWith('\r'))).toBe(true)
    expect(await streamed(chunks)).toEqual(parse(crlf))
  })

  test('a web ReadableStream, with and without an async iterator', async () => {
    const chunks = randomChunks(bytes, 99, 50)
    const stream = webStream(chunks)
    expect(Symbol.asyncIterator in stream).toBe(true)
    expect(await streamed(stream)).toEqual(expected)
    expect(await streamed(readerOnly(chunks))).toEqual(expected)
  })

  test('a Node Readable (Readable.from and a file stream)', async () => {
    expect(await streamed(Readable.from(randomChunks(Buffer.from(bytes), 5, 40)))).toEqual(expected)
    expect(await streamed(createReadStream(path, {highWaterMark: 13}))).toEqual(expected)
  })

  test('UTF-16LE bytes with a BOM, whole and in odd-sized chunks', async () => {
    const utf16 = new Uint8Array(Buffer.from('\uFEFF' + text, 'utf16le'))
    expect([utf16[0], utf16[1]]).toEqual([0xff, 0xfe])
    expect(await streamed([utf16])).toEqual(expected)
    expect(await streamed(randomChunks(utf16, 3, 33))).toEqual(expected)
  })
})

describe('parseStream', () => {
  test('should yield each paper before the input ends', async () => {
    const text = readFileSync(join(fixturesDir, 'trending-papers.txt'), 'utf8')
    const lines = text.split('\n')
    let fed = 0
    const source = (async function* () {
      for (const line of lines) {
        fed++
        yield line + '\n'
      }
    })()
    const fedAtYield: number[] = []
    for await (const paper of parseStream(source)) fedAtYield.push(paper.source.endLine <= fed ? fed : -1)
    expect(fedAtYield).toHaveLength(71)
    expect(fedAtYield.every((n) => n > 0)).toBe(true)
    // Detection holds back at most the first 64 lines (or 16 KB); after that each paper comes
    // out as soon as the next entry starts, long before the last line is read.
    expect(fedAtYield[0]).toBeLessThanOrEqual(64)
    expect(fedAtYield[35]).toBeLessThan(lines.length * 0.6)
    expect(fedAtYield[69]).toBeLessThan(lines.length)
  })

  test('should accept a sync iterable of strings', async () => {
    const text = readFileSync(join(fixturesDir, 'plain-text/accept-list.txt'), 'utf8')
    expect(await streamed(text.split(/(?<=\n)/))).toEqual(parse(text))
  })

  test('should read a UTF-16 BOM split over two chunks, and a one-byte input', async () => {
    const text = readFileSync(join(fixturesDir, 'plain-text/messy.txt'), 'utf8')
    const utf16 = new Uint8Array(Buffer.from(text, 'utf16le')) // the fixture's BOM comes first
    expect(await streamed(byteChunks(utf16, 1))).toEqual(parse(text))
    expect(await streamed(byteChunks(new Uint8Array(Buffer.from('\uFEFFAttention Is All You Need\nAshish Vaswani, Noam Shazeer', 'utf16le').swap16()), 1))).toEqual(
      parse('Attention Is All You Need\nAshish Vaswani, Noam Shazeer'),
    )
    expect(await streamed([new Uint8Array([0x41])])).toEqual(parse('A'))
    const lone = await streamed([new Uint8Array([0xff])])
    expect([lone.papers, lone.messages]).toEqual([[], parse('\uFFFD').messages])
  })
})
