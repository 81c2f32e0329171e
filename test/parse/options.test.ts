import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, test} from 'vitest'
import {fixturesDir, listFixtures} from '../helpers/fixtures.js'
import {detectFormat, formats, isListingError, ListingError, parse, parseStream, type ParseMessage} from '../../src/index.js'

const fixture = (name: string) => readFileSync(join(fixturesDir, name), 'utf8')

/** Every fixture file except the classifier corpus. */

/** Something that is certainly not a text listing. */
const binary = '\u0000\u0001\u0002PK\u0003\u0004\u0000\u0000' + 'x'.repeat(40)

function thrown(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    return error
  }
  throw new Error('expected a throw')
}

describe('parse options', () => {
  test.each([
    [{format: 'pdf'}, /`format`.*'pdf'/],
    [{format: 'PLAIN-TEXT'}, /`format`/],
    [{format: 42}, /`format`/],
    [{format: null}, /`format`/],
    [{strict: 'yes'}, /`strict`.*'yes'/],
    [{strict: 1}, /`strict`/],
    [{strict: null}, /`strict`/],
    [{frmat: 'plain-text'}, /Unknown option `frmat`/],
    [{onMessage: 'log'}, /`onMessage`/],
  ])('should throw a TypeError naming the option for %j', (options, message) => {
    const error = thrown(() => parse('Attention Is All You Need', options as never))
    expect(error).toBeInstanceOf(TypeError)
    expect((error as Error).message).toMatch(message)
  })

  test.each([['plain-text'], [true], [[]], [42]])('should throw a TypeError for options that are not an object: %j', (options) => {
    expect(() => parse('x', options as never)).toThrow(/Expected options to be an object/)
  })

  test('should list every format in the format error', () => {
    const {message} = thrown(() => parse('x', {format: 'pdf' as never})) as TypeError
    for (const format of ['auto', ...formats]) expect(message).toContain(`'${format}'`)
  })

  test('should throw a TypeError for input that is not a string', () => {
    expect(() => parse(42 as never)).toThrow(TypeError)
    expect(() => parse(undefined as never)).toThrow(/`input`/)
    expect(() => parse(new Uint8Array([65]) as never)).toThrow(TypeError)
  })

  test('should accept undefined, null and empty options, and every format name', () => {
    const text = fixture('trending-papers.txt')
    const auto = parse(text)
    expect(parse(text, undefined)).toEqual(auto)
    expect(parse(text, null as never)).toEqual(auto)
    expect(parse(text, {})).toEqual(auto)
    expect(parse(text, {format: 'auto', strict: false})).toEqual(auto)
    expect(parse(text, {format: undefined, strict: undefined})).toEqual(auto)
    expect(parse(text, {format: 'plain-text'})).toEqual(auto)
    for (const format of formats) expect(() => parse('x', {format})).not.toThrow()
  })

  test('should throw the TypeError of parseStream when iteration starts', async () => {
    await expect(parseStream(['x'], {format: 'pdf' as never}).next()).rejects.toThrow(TypeError)
    await expect(parseStream(['x'], {strict: 'yes' as never}).next()).rejects.toThrow(/`strict`/)
    await expect(parseStream(['x'], {nope: true} as never).next()).rejects.toThrow(/Unknown option `nope`/)
    await expect(parseStream(['x'], {onMessage: 'log' as never}).next()).rejects.toThrow(/`onMessage`/)
  })
})

describe('strict', () => {
  test('should report binary input as an error message, without throwing by default', () => {
    const result = parse(binary)
    expect(result.papers).toEqual([])
    expect(result.messages).toEqual([
      {code: 'unknown-format', severity: 'error', line: 1, reason: 'Input is binary, not a text listing', source: 'papersift'},
    ] satisfies ParseMessage[])
  })

  test('should throw a ListingError carrying the messages on binary input', () => {
    const error = thrown(() => parse(binary, {strict: true}))
    expect(isListingError(error)).toBe(true)
    expect(error).toBeInstanceOf(ListingError)
    const listing = error as ListingError
    expect(listing.name).toBe('ListingError')
    expect(listing.code).toBe('ERR_PAPERSIFT_LISTING')
    expect(listing.messages).toEqual(parse(binary).messages)
    expect(listing.message).toMatch(/line 1: .*\(unknown-format\)/)
  })

  test.each([
    ['arxiv-atom', '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n<entry><title>Broken', 'invalid-xml'],
    ['hf-json', '[{"paper": {"id": "2401.01234", "title": "Broken"', 'invalid-json'],
  ] as const)('should throw a ListingError on invalid %s input', (format, text, code) => {
    const error = thrown(() => parse(text, {format, strict: true}))
    expect(isListingError(error)).toBe(true)
    expect((error as ListingError).messages).toContainEqual(expect.objectContaining({code, severity: 'error'}))
    // Without strict, the same messages come back.
    expect(parse(text, {format}).messages).toEqual((error as ListingError).messages)
  })

  test('should not throw for info and warning messages', () => {
    const messy = fixture('plain-text/messy.txt')
    const result = parse(messy, {strict: true})
    expect(result.papers).toHaveLength(5)
    expect(result.messages.some((m) => m.severity === 'warning')).toBe(true)
    expect(result.messages.some((m) => m.severity === 'error')).toBe(false)
  })

  test('should throw from parseStream at the end, after yielding what it read', async () => {
    const seen: ParseMessage[] = []
    const papers: unknown[] = []
    let error: unknown
    try {
      for await (const paper of parseStream([new Uint8Array([0, 1, 2, 3, 0, 0, 80, 75])], {strict: true, onMessage: (m) => seen.push(m)})) papers.push(paper)
    } catch (caught) {
      error = caught
    }
    expect(papers).toEqual([])
    expect(isListingError(error)).toBe(true)
    expect((error as ListingError).messages).toEqual(seen)
    expect(seen.map((m) => m.code)).toEqual(['unknown-format'])
  })

  test('should tell a ListingError from other errors', () => {
    expect(isListingError(new Error('x'))).toBe(false)
    expect(isListingError({code: 'ERR_PAPERSIFT_LISTING'})).toBe(false)
    expect(isListingError(undefined)).toBe(false)
    expect(isListingError(new ListingError([]))).toBe(true)
  })
})

describe('empty input', () => {
  test.each([[''], ['\n'], ['\r\n\r\n'], ['   \n\t\n'], ['\uFEFF']])('should read no papers and report no error for %j', (text) => {
    const result = parse(text)
    expect(result.papers).toEqual([])
    expect(result.format).toBe('plain-text')
    expect(result.messages.filter((m) => m.severity === 'error')).toEqual([])
    expect(() => parse(text, {strict: true})).not.toThrow()
  })

  test.each(formats.map((format) => [format]))('should read no papers from empty %s input', (format) => {
    const result = parse('', {format})
    expect(result.papers).toEqual([])
    expect(result.format).toBe(format)
  })

  test('should yield nothing from an empty stream', async () => {
    const papers: unknown[] = []
    for await (const paper of parseStream([])) papers.push(paper)
    for await (const paper of parseStream(['', new Uint8Array(0)])) papers.push(paper)
    expect(papers).toEqual([])
  })
})

describe('detectFormat', () => {
  test.each([
    ['trending-papers.txt', 'plain-text'],
    ['plain-text/hf-daily-page.txt', 'plain-text'],
    ['plain-text/accept-list.txt', 'plain-text'],
    ['plain-text/wrapped-abstracts.txt', 'plain-text'],
    ['plain-text/messy.txt', 'plain-text'],
    ['arxiv-email/cs-daily.txt', 'arxiv-email'],
    ['arxiv-email/list-page.txt', 'arxiv-email'],
    ['arxiv-atom/query.xml', 'arxiv-atom'],
    ['arxiv-atom/error.xml', 'arxiv-atom'],
  ])('should detect %s as %s', (name, format) => {
    expect(detectFormat(fixture(name))).toBe(format)
  })

  test('should agree with the format parse() reads, for every fixture', () => {
    const names = listFixtures()
    expect(names.length).toBeGreaterThanOrEqual(12)
    for (const name of names) {
      const text = fixture(name)
      expect([name, parse(text).format]).toEqual([name, detectFormat(text)])
    }
  })

  test('should detect the documented example and fall back to plain text', () => {
    expect(detectFormat('\\\\\narXiv:2401.01234\nDate: Mon, 1 Jan 2024')).toBe('arxiv-email')
    expect(detectFormat('')).toBe('plain-text')
    expect(detectFormat('Attention Is All You Need\nAshish Vaswani, Noam Shazeer')).toBe('plain-text')
  })

  test('should not care about a BOM or CRLF line endings', () => {
    for (const name of ['arxiv-email/cs-daily.txt', 'arxiv-atom/query.xml', 'trending-papers.txt']) {
      const text = fixture(name)
      expect(detectFormat('\uFEFF' + text.replace(/\r?\n/g, '\r\n'))).toBe(detectFormat(text))
    }
  })

  test('should only look at the head of a huge single line', () => {
    const huge = 'word '.repeat(2_000_000)
    const start = performance.now()
    expect(detectFormat(huge)).toBe('plain-text')
    expect(performance.now() - start).toBeLessThan(2000)
  })
})
