/**
 * Hostile sizes and not-text input.
 *
 * Sizes run in a worker thread with a heap cap and a hard wall-clock guard (the guard is a
 * safety net: linear time is shown by the bench, n vs 4n). Each case reports its time and the
 * heap in use afterwards. PAPERSIFT_HEAVY=1 adds the slow 20 MB variants of every format.
 *
 * Not-text input: the library answers with a message (or `ListingError` in strict mode), the
 * CLI with one line on stderr and exit 1, never a stack trace and never papers on stdout.
 */
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {cli} from '../../src/cli.js'
import {isListingError, ListingError, parse, parseStream, type Paper, type ParseMessage} from '../../src/index.js'
import {guarded, removeBundle, type Lib} from './harness.js'

afterAll(removeBundle)

const heavy = process.env.PAPERSIFT_HEAVY === '1'
const root = resolve(import.meta.dirname, '../..')

// ---------------------------------------------------------------------------------------------
// Hostile sizes

interface CaseResult {
  ms: number
  heapMb: number
  papers: number
  messages: string[]
  threw?: string
}

/** Runs in the worker: every case in turn, with its time, heap and outcome. */
async function sizeCases(lib: Lib, arg: {names: string[]}): Promise<Record<string, CaseResult>> {
  const MB = 1_000_000
  const words = (n: number, gap = ' ') => `word${gap}`.repeat(n)
  /** Chunks of `size` characters of a text that is never held whole. */
  function* chunked(total: number, size: number, piece: string): Generator<string> {
    const block = piece.repeat(Math.ceil(size / piece.length)).slice(0, size)
    for (let sent = 0; sent < total; sent += size) yield block
  }
  const summary = (r: {papers: unknown[]; messages: Array<{code: string}>}) => ({papers: r.papers.length, messages: [...new Set(r.messages.map((m) => m.code))]})
  const streamed = async (source: Iterable<string | Uint8Array>, options?: Parameters<typeof lib.parseStream>[1]) => {
    let papers = 0
    const codes = new Set<string>()
    for await (const _ of lib.parseStream(source, {...options, onMessage: (m) => codes.add(m.code)})) papers++
    return {papers, messages: [...codes]}
  }
  const cases: Record<string, () => unknown> = {
    '20 MB single line of one letter': () => summary(lib.parse('a'.repeat(20 * MB))),
    '20 MB single line of single-spaced words': () => summary(lib.parse(words(4 * MB - 1) + 'word')),
    '20 MB single line of words ending in a space (regex-stack overflow before)': () => summary(lib.parse(words(4 * MB))),
    '20 MB single line streamed in 64 kB chunks': () => streamed(chunked(20 * MB, 65_536, 'a')),
    '20 MB Atom entry on one line (over the 1 MB entry cap)': () =>
      summary(lib.parse(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>T</title><summary>${'a'.repeat(20 * MB)}</summary></entry></feed>`)),
    '5 MB JSON Lines record on one line': () => summary(lib.parse(JSON.stringify({title: 'A title for learning', abstract: words(MB)}) + '\n')),
    '5 MB HF JSON element on one line': () => summary(lib.parse(JSON.stringify([{paper: {id: '2401.00001', title: 'A title', summary: words(MB)}}]))),
    '1,000,000 blank lines (LF)': () => summary(lib.parse('\n'.repeat(MB))),
    '1,000,000 blank lines (CR)': () => summary(lib.parse('\r'.repeat(MB))),
    '1,000,000 blank lines (CRLF)': () => summary(lib.parse('\r\n'.repeat(MB))),
    '1,000,000 blank lines streamed (CRLF, 64 kB chunks)': () => streamed(chunked(2 * MB, 65_536, '\r\n')),
    '10,000-deep nested list on one line (markdown)': () => summary(lib.parse(`# A\n\n${'- '.repeat(10_000)}[Paper title](https://arxiv.org/abs/2401.00001)\n`, {format: 'markdown'})),
    '5,000-deep quote-and-list nesting on one line (markdown)': () => summary(lib.parse(`# A\n\n${'> - '.repeat(5_000)}x\n`, {format: 'markdown'})),
    '500-deep indented markdown list (250 kB)': () =>
      summary(lib.parse('# A\n\n' + Array.from({length: 500}, (_, i) => `${'  '.repeat(i)}- [Paper title number ${i}](https://arxiv.org/abs/2401.${10_000 + i})`).join('\n'), {format: 'markdown'})),
    '10,000-deep block quotes on one line (markdown)': () => summary(lib.parse(`# A\n\n${'> '.repeat(10_000)}[Paper title](https://arxiv.org/abs/2401.00001)\n`, {format: 'markdown'})),
    '5 MB table row (markdown)': () => summary(lib.parse(`# A\n\n| Title | Paper |\n|---|---|\n${'| cell '.repeat(700_000)}|\n`, {format: 'markdown'})),
    '5 MB table row (auto)': () => summary(lib.parse(`| Title | Paper |\n|---|---|\n${'| cell '.repeat(700_000)}|\n`)),
    '100,000 links in one plain-text abstract': () => {
      const r = lib.parse(`A Title For Learning\n\nWe study ${Array.from({length: 100_000}, (_, i) => `https://github.com/o/r${i}`).join(' ')} end.\n`)
      return {...summary(r), links: r.papers[0]?.links.length}
    },
    '100,000 markdown links in one paragraph': () =>
      summary(lib.parse(`# A\n\n${Array.from({length: 100_000}, (_, i) => `[paper ${i}](https://arxiv.org/abs/2401.${String(10_000 + (i % 90_000))})`).join(' ')}\n`, {format: 'markdown'})),
    '60,000 papers streamed through a 96 MB heap (memory does not grow with the input)': async () => {
      function* listing(): Generator<string> {
        for (let i = 0; i < 60_000; i++) yield `Paper number ${i} on sparse routing for learning\n\n${'We study routing in sparse networks and report results. '.repeat(4)}\n\n`
      }
      return streamed(listing())
    },
    ...(arg.names.some((n) => n.startsWith('[heavy]'))
      ? {
          '[heavy] 20 MB single line of non-ASCII words': () => summary(lib.parse('éé '.repeat(6_600_000))),
          '[heavy] 20 MB JSON Lines record on one line': () => summary(lib.parse(JSON.stringify({title: 'A title for learning', abstract: words(4 * MB)}) + '\n')),
          '[heavy] 20 MB HF JSON element': () => summary(lib.parse(JSON.stringify([{paper: {id: '2401.00001', title: 'A title', summary: words(4 * MB)}}]))),
          '[heavy] 20 MB arXiv mail abstract line': () => summary(lib.parse(`\\\\\narXiv:2401.01234\nDate: Mon, 1 Jan 2024\n\nTitle: A title\nAuthors: Ada Lovelace\n\\\\\n  ${words(4 * MB)}\n\\\\ ( https://arxiv.org/abs/2401.01234 ,  1kb)\n`)),
        }
      : {}),
  }
  const out: Record<string, CaseResult> = {}
  for (const name of arg.names) {
    progress(name)
    const start = performance.now()
    let value: {papers: number; messages: string[]} | undefined
    let threw: string | undefined
    try {
      value = (await cases[name]!()) as {papers: number; messages: string[]}
    } catch (error) {
      threw = String(error)
    }
    out[name] = {ms: performance.now() - start, heapMb: heapUsedMb(), papers: value?.papers ?? -1, messages: value?.messages ?? [], ...(threw ? {threw} : {})}
  }
  return out
}

/** [name, what the outcome must be]. */
const sizes: Array<[string, (r: CaseResult) => void]> = [
  ['20 MB single line of one letter', (r) => expect(r.messages).toEqual(['noise-line'])],
  ['20 MB single line of single-spaced words', (r) => expect(r.messages).toEqual(['noise-line'])],
  ['20 MB single line of words ending in a space (regex-stack overflow before)', (r) => expect(r.messages).toEqual(['noise-line'])],
  ['20 MB single line streamed in 64 kB chunks', (r) => expect(r.messages).toEqual(['noise-line'])],
  ['20 MB Atom entry on one line (over the 1 MB entry cap)', (r) => expect(r.messages).toEqual(['invalid-xml'])],
  ['5 MB JSON Lines record on one line', (r) => expect(r.papers).toBe(1)],
  ['5 MB HF JSON element on one line', (r) => expect(r.papers).toBe(1)],
  ['1,000,000 blank lines (LF)', (r) => expect(r.papers).toBe(0)],
  ['1,000,000 blank lines (CR)', (r) => expect(r.papers).toBe(0)],
  ['1,000,000 blank lines (CRLF)', (r) => expect(r.papers).toBe(0)],
  ['1,000,000 blank lines streamed (CRLF, 64 kB chunks)', (r) => expect(r.papers).toBe(0)],
  ['10,000-deep nested list on one line (markdown)', (r) => expect(r.papers + r.messages.length).toBeGreaterThan(0)],
  ['5,000-deep quote-and-list nesting on one line (markdown)', (r) => expect(r.papers + r.messages.length).toBeGreaterThan(0)],
  ['500-deep indented markdown list (250 kB)', (r) => expect(r.papers).toBe(500)],
  ['10,000-deep block quotes on one line (markdown)', (r) => expect(r.papers + r.messages.length).toBeGreaterThan(0)],
  ['5 MB table row (markdown)', (r) => expect(r.papers + r.messages.length).toBeGreaterThan(0)],
  ['5 MB table row (auto)', (r) => expect(r.papers + r.messages.length).toBeGreaterThan(0)],
  ['100,000 links in one plain-text abstract', (r) => expect((r as CaseResult & {links?: number}).papers).toBe(1)],
  ['100,000 markdown links in one paragraph', (r) => expect(r.papers + r.messages.length).toBeGreaterThan(0)],
  ['60,000 papers streamed through a 96 MB heap (memory does not grow with the input)', (r) => expect(r.papers).toBe(60_000)],
]
if (heavy) {
  for (const name of ['[heavy] 20 MB single line of non-ASCII words', '[heavy] 20 MB JSON Lines record on one line', '[heavy] 20 MB HF JSON element', '[heavy] 20 MB arXiv mail abstract line']) {
    sizes.push([name, (r) => expect(r.papers + r.messages.length).toBeGreaterThan(0)])
  }
}

describe('hostile sizes', () => {
  const streamedMemory = '60,000 papers streamed through a 96 MB heap (memory does not grow with the input)'
  let results: Promise<Record<string, CaseResult>> | undefined
  const run = (): Promise<Record<string, CaseResult>> =>
    (results ??= (async () => {
      const names = sizes.map(([name]) => name).filter((name) => name !== streamedMemory)
      // The big inputs themselves need room (a 20 MB string is 20-40 MB, its cleaned copies more).
      const big = await guarded(sizeCases, {names}, {timeoutMs: heavy ? 240_000 : 45_000, heapMb: 1536})
      if (big.status !== 'ok') throw new Error(`${big.status} during "${String(big.progress)}" ${big.error ?? ''}`)
      // Bounded memory: 60,000 papers (≈ 20 MB of listing, never held whole) in a 96 MB heap.
      const small = await guarded(sizeCases, {names: [streamedMemory]}, {timeoutMs: 30_000, heapMb: 96})
      if (small.status !== 'ok') throw new Error(`${small.status} during "${streamedMemory}" ${small.error ?? ''}`)
      const all = {...big.value!, ...small.value!}
      for (const [name, r] of Object.entries(all)) console.info(`${name}: ${r.ms.toFixed(0)} ms, heap ${r.heapMb.toFixed(0)} MB, ${r.papers} papers, ${r.messages.join(' ')}`)
      return all
    })())

  test.each(sizes)('%s', async (name, check) => {
    const r = (await run())[name]!
    expect(r.threw).toBeUndefined()
    check(r)
  }, 300_000)
})

test('a 30-deep nested markdown list loses no entry (each is a paper or a message)', () => {
  const depth = 30
  const text = '# A\n\n' + Array.from({length: depth}, (_, i) => `${'  '.repeat(i)}- [Paper title number ${i}](https://arxiv.org/abs/2401.${10_000 + i})`).join('\n') + '\n'
  const {papers, messages} = parse(text, {format: 'markdown'})
  for (let i = 0; i < depth; i++) {
    const line = 3 + i
    // A nested item lies inside its parent's source range, so the check is by title, not by range.
    const kept = papers.some((p) => p.title === `Paper title number ${i}`) || messages.some((m) => m.line <= line && line <= (m.endLine ?? m.line))
    expect(kept, `entry at line ${line} (depth ${i + 1})`).toBe(true)
  }
})

test('a 20 MB markdown line is handled within a 512 MB heap', async () => {
  const outcome = await guarded((lib) => {
    const r = lib.parse('x '.repeat(10_000_000), {format: 'markdown'})
    return {papers: r.papers.length, messages: r.messages.map((m) => m.code)}
  }, null, {timeoutMs: 30_000, heapMb: 512})
  console.info(`20 MB markdown line: ${outcome.status}, ${outcome.ms.toFixed(0)} ms, heap ${outcome.heapMb?.toFixed(0)} MB`)
  expect(outcome.status).toBe('ok')
  expect(outcome.value!.papers + outcome.value!.messages.length).toBeGreaterThan(0)
}, 60_000)

// ---------------------------------------------------------------------------------------------
// Not-text input: the library

const trending = readFileSync(join(root, 'fixtures/trending-papers.txt'), 'utf8')
const atom = readFileSync(join(root, 'fixtures/arxiv-atom/query.xml'), 'utf8')
const pngBytes = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00])
/** Bytes that are not UTF-8 at all (overlong, lone continuation bytes, truncated sequences). */
const invalidUtf8 = Uint8Array.from(Array.from({length: 3000}, (_, i) => [0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x90, 0x28, 0xbc][i % 11]!))
const utf16 = (text: string, bigEndian: boolean, bom = true): Uint8Array => {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2)
  let at = 0
  if (bom) {
    out[0] = bigEndian ? 0xfe : 0xff
    out[1] = bigEndian ? 0xff : 0xfe
    at = 2
  }
  for (let i = 0; i < text.length; i++, at += 2) {
    const code = text.charCodeAt(i)
    out[at + (bigEndian ? 0 : 1)] = code >> 8
    out[at + (bigEndian ? 1 : 0)] = code & 0xff
  }
  return out
}
const listingHead = trending.slice(0, trending.indexOf('\n', 6000))
const hfJson = JSON.stringify(Array.from({length: 5}, (_, i) => ({paper: {id: `2401.0000${i}`, title: `Paper ${i} on sparse routing`, summary: 'An abstract.'}})))
const jsonl = Array.from({length: 5}, (_, i) => JSON.stringify({title: `Paper ${i} on sparse routing`, abstract: 'An abstract.'})).join('\n') + '\n'

async function streamAll(source: Iterable<Uint8Array | string>): Promise<{papers: Paper[]; messages: ParseMessage[]}> {
  const papers: Paper[] = []
  const messages: ParseMessage[] = []
  for await (const paper of parseStream(source, {onMessage: (m) => messages.push(m)})) papers.push(paper)
  return {papers, messages}
}

describe('not-text input: library', () => {
  test('a binary file (PNG bytes) is one unknown-format error, no papers', async () => {
    const {papers, messages} = await streamAll([pngBytes])
    expect(papers).toEqual([])
    expect(messages).toEqual([expect.objectContaining({code: 'unknown-format', severity: 'error', line: 1})])
  })

  test('invalid UTF-8 throughout is binary; a few bad bytes in text become U+FFFD and the text parses', async () => {
    expect((await streamAll([invalidUtf8])).messages).toEqual([expect.objectContaining({code: 'unknown-format', severity: 'error'})])
    // A Latin-1 "ö" (0xF6, invalid in UTF-8) inside an abstract.
    const at = listingHead.indexOf(' the ', listingHead.indexOf('Differentiable architecture search'))
    const encoder = new TextEncoder()
    const patched = Uint8Array.from([...encoder.encode(listingHead.slice(0, at)), 0xf6, ...encoder.encode(listingHead.slice(at))])
    const {papers, messages} = await streamAll([patched])
    expect(papers.map((p) => p.title)).toEqual(parse(listingHead).papers.map((p) => p.title))
    expect(papers.some((p) => p.abstract?.includes('\uFFFD'))).toBe(true)
    expect(messages.filter((m) => m.severity === 'error')).toEqual([])
  })

  test('UTF-16 with a BOM (LE and BE) is decoded: the same papers as UTF-8; without a BOM it is binary', async () => {
    const want = parse(listingHead).papers
    expect(want.length).toBeGreaterThan(3)
    for (const bigEndian of [false, true]) {
      const bytes = utf16(listingHead, bigEndian)
      // Cut into odd-sized chunks so that code units straddle chunk boundaries.
      const chunks = Array.from({length: Math.ceil(bytes.length / 4097)}, (_, i) => bytes.subarray(i * 4097, (i + 1) * 4097))
      expect((await streamAll(chunks)).papers).toEqual(want)
    }
    expect((await streamAll([utf16(listingHead, false, false)])).messages).toEqual([expect.objectContaining({code: 'unknown-format', severity: 'error'})])
  })

  test('an empty input is an "Input is empty" warning, no papers, no throw', async () => {
    for (const result of [parse(''), await streamAll([]), await streamAll([new Uint8Array(0)]), parse('\uFEFF')]) {
      expect(result.papers).toEqual([])
      expect(result.messages).toEqual([expect.objectContaining({code: 'unknown-format', severity: 'warning', reason: 'Input is empty'})])
    }
  })

  test.each([
    ['truncated JSON Lines', jsonl.slice(0, -15), 'invalid-json'],
    ['truncated HF JSON', hfJson.slice(0, -20), 'invalid-json'],
    ['truncated Atom (inside an entry)', atom.slice(0, Math.floor(atom.length / 2)), 'invalid-xml'],
    ['truncated XML (inside the feed header)', atom.slice(0, 300), 'invalid-xml'],
    ['a binary string', '\u0000\u0001\u0002PNG\u0000\u0000IHDR', 'unknown-format'],
  ])('%s: an error message with its line; strict mode throws a ListingError', (_name, text, code) => {
    const result = parse(text)
    const error = result.messages.find((m) => m.severity === 'error')
    expect(error?.code).toBe(code)
    expect(error!.line).toBeGreaterThanOrEqual(1)
    let thrown: unknown
    try {
      parse(text, {strict: true})
    } catch (e) {
      thrown = e
    }
    expect(thrown).toBeInstanceOf(ListingError)
    expect(isListingError(thrown)).toBe(true)
    expect((thrown as ListingError).messages.some((m) => m.code === code)).toBe(true)
    expect((thrown as ListingError).message).toMatch(/line \d+/)
  })

  test('wrong argument types are TypeErrors, not crashes deep inside', () => {
    for (const input of [undefined, null, 42, {}, Buffer.from('x')]) expect(() => parse(input as unknown as string)).toThrow(TypeError)
    expect(() => parse('x', {format: 'docx' as never})).toThrow(TypeError)
    expect(() => parse('x', {strict: 'yes' as never})).toThrow(TypeError)
  })
})

// ---------------------------------------------------------------------------------------------
// Not-text input: the CLI (in-process; the installed bin is exercised in test/package)

describe('not-text input: CLI', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'papersift-hostile-'))
    writeFileSync(join(dir, 'image.png'), pngBytes)
    writeFileSync(join(dir, 'invalid-utf8.txt'), invalidUtf8)
    writeFileSync(join(dir, 'utf16-bom.txt'), utf16(listingHead, false))
    writeFileSync(join(dir, 'utf16-nobom.txt'), utf16(listingHead, false, false))
    writeFileSync(join(dir, 'listing.txt'), listingHead)
    writeFileSync(join(dir, 'empty.txt'), '')
    writeFileSync(join(dir, 'truncated.jsonl'), jsonl.slice(0, -15))
    writeFileSync(join(dir, 'truncated.json'), hfJson.slice(0, -20))
    writeFileSync(join(dir, 'truncated.xml'), atom.slice(0, Math.floor(atom.length / 2)))
    writeFileSync(join(dir, 'truncated-header.xml'), atom.slice(0, 300))
    mkdirSync(join(dir, 'a-directory'))
  })
  afterAll(() => rmSync(dir, {recursive: true, force: true}))

  async function run(...argv: string[]): Promise<{code: number; stdout: string; stderr: string}> {
    let stdout = ''
    let stderr = ''
    const code = await cli(argv, {
      stdin: (async function* () {})(),
      stdout: {write: (chunk: string) => (stdout += chunk)},
      stderr: {write: (chunk: string) => (stderr += chunk)},
      cwd: dir,
    })
    return {code, stdout, stderr}
  }

  const noStackTrace = (text: string): void => {
    expect(text).not.toMatch(/^\s+at /m)
    expect(text).not.toMatch(/\b(?:TypeError|RangeError|SyntaxError|ReferenceError)\b/)
  }

  test.each([
    ['image.png', /binary/],
    ['invalid-utf8.txt', /binary/],
    ['utf16-nobom.txt', /binary/],
    ['a-directory', /directory/],
    ['no-such-file.txt', /no such file/],
  ])('%s: one clear line on stderr, exit 1, nothing on stdout', async (file, reason) => {
    for (const command of ['parse', 'classify']) {
      const {code, stdout, stderr} = await run(command, file)
      expect(code).toBe(1)
      expect(stdout).toBe('')
      expect(stderr.trimEnd().split('\n')).toHaveLength(1)
      expect(stderr).toMatch(new RegExp(`^papersift: ${file.replace('.', '\\.')}\\b.*${reason.source}`))
      noStackTrace(stderr)
    }
  })

  test.each([
    ['truncated.jsonl', /not valid JSON/],
    ['truncated.json', /JSON/],
    ['truncated.xml', /not closed|truncated/],
  ])('%s: exit 1 with one clear line, no stack trace', async (file, reason) => {
    const {code, stderr} = await run('parse', file)
    expect(code).toBe(1)
    expect(stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(stderr).toMatch(reason)
    noStackTrace(stderr)
  })

  test.each(['truncated.jsonl', 'truncated.json', 'truncated.xml'])('%s: no partial stdout before exit 1', async (file) => {
    const {code, stdout} = await run('parse', file)
    expect(code).toBe(1)
    expect(stdout).toBe('')
  })

  test('truncated XML inside the feed header: exit 1, one line, nothing on stdout', async () => {
    const {code, stdout, stderr} = await run('parse', 'truncated-header.xml')
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr.trimEnd().split('\n')).toHaveLength(1)
    noStackTrace(stderr)
  })

  test('UTF-16 with a BOM is read like UTF-8 (same papers, exit 0)', async () => {
    const utf8 = await run('parse', 'listing.txt')
    const bom = await run('parse', 'utf16-bom.txt')
    expect(bom.code).toBe(0)
    expect(bom.stdout).toBe(utf8.stdout)
    expect(bom.stdout.trimEnd().split('\n').length).toBeGreaterThan(3)
  })

  test('an empty file: exit 0, nothing on stdout, no stack trace', async () => {
    const {code, stdout, stderr} = await run('parse', 'empty.txt')
    expect(code).toBe(0)
    expect(stdout).toBe('')
    noStackTrace(stderr)
  })
})
