import {readFileSync} from 'node:fs'
import {describe, expect, test} from 'vitest'
import type {ParseMessage} from '../../src/message.js'
import {detectFormat, parse} from '../../src/parse/index.js'
import {jsonlFormat} from '../../src/parse/jsonl.js'
import type {Paper} from '../../src/schema.js'

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8')
const papersJsonl = fixture('jsonl/papers.jsonl')
const sourceLines = papersJsonl.split('\n')

const codes = (messages: readonly ParseMessage[]) => messages.map((m) => [m.code, m.severity, m.line])

function read(text: string) {
  return parse(text, {format: 'jsonl'})
}

const toJsonl = (papers: readonly Paper[]) => papers.map((paper) => JSON.stringify(paper)).join('\n') + '\n'

describe('jsonl: papersift records', () => {
  const result = parse(papersJsonl)

  test('should detect JSON Lines and read every line', () => {
    expect(result.format).toBe('jsonl')
    expect(result.messages).toEqual([])
    expect(result.papers.map((p) => [p.id, p.source.format, p.source.line])).toEqual([
      ['arxiv:2401.09417', 'arxiv-email', 19],
      ['arxiv:cs/9605103', 'arxiv-email', 73],
      ['arxiv:1610.02415', 'arxiv-atom', 44],
      ['arxiv:2401.10891', 'hf-json', 2],
      ['arxiv:2006.16668', 'markdown', 42],
      ['title:outrageously-large-neural-networks-the-sparsely-gated-mixtur-227b7071', 'jsonl', 7],
      ['arxiv:2101.03961', 'jsonl', 8],
    ])
  })

  test('should re-emit full records exactly as written, without extra keys', () => {
    for (const [index, line] of sourceLines.slice(0, 5).entries()) {
      const {topics: _topics, ...record} = JSON.parse(line) as Paper & {topics?: unknown}
      expect(result.papers[index]).toEqual(record)
    }
    expect(result.papers[1]).not.toHaveProperty('topics')
    expect(result.papers[1]).toEqual({
      id: 'arxiv:cs/9605103',
      title: 'Reinforcement Learning: A Survey',
      abstract:
        'A survey of reinforcement learning from a computer-science point of view: the trade-off between exploration and exploitation, learning from delayed reward, building empirical models and generalising across states.',
      authors: ['L. P. Kaelbling', 'M. L. Littman', 'A. W. Moore'],
      arxivId: 'cs/9605103',
      doi: '10.1613/jair.301',
      links: [
        {url: 'https://arxiv.org/abs/cs/9605103', role: 'abstract'},
        {url: 'http://www.jair.org/', role: 'other'},
      ],
      published: '1996-05-01',
      venue: 'Journal of Artificial Intelligence Research, Vol 4, (1996), 237-285',
      year: 1996,
      categories: ['cs.AI'],
      comments: 'See http://www.jair.org/ for any accompanying files',
      source: {format: 'arxiv-email', line: 73, endLine: 87},
    } satisfies Paper)
  })

  test('should finalise minimal objects as drafts', () => {
    expect(result.papers[5]).toEqual({
      id: 'title:outrageously-large-neural-networks-the-sparsely-gated-mixtur-227b7071',
      title: 'Outrageously Large Neural Networks: The Sparsely-Gated Mixture-of-Experts Layer',
      authors: [],
      links: [],
      source: {format: 'jsonl', line: 7, endLine: 7},
    } satisfies Paper)
    expect(result.papers[6]).toEqual({
      id: 'arxiv:2101.03961',
      title: 'Switch Transformers: Scaling to Trillion Parameter Models with Simple and Efficient Sparsity',
      authors: ['William Fedus', 'Barret Zoph', 'Noam Shazeer'],
      arxivId: '2101.03961',
      links: [
        {url: 'https://arxiv.org/abs/2101.03961', role: 'abstract'},
        {url: 'https://arxiv.org/pdf/2101.03961', role: 'pdf'},
      ],
      published: '2021-01-11',
      year: 2021,
      source: {format: 'jsonl', line: 8, endLine: 8},
    } satisfies Paper)
  })

  test('should round-trip: parse(jsonl of the records) gives identical records', () => {
    for (const path of ['arxiv-email/cs-daily.txt', 'arxiv-email/list-page.txt', 'arxiv-atom/query.xml', 'hf-json/daily-papers.json', 'jsonl/papers.jsonl']) {
      const first = parse(fixture(path)).papers
      expect(first.length).toBeGreaterThan(0)
      const again = parse(toJsonl(first))
      expect(again.format).toBe('jsonl')
      expect(again.messages).toEqual([])
      expect(again.papers).toEqual(first)
    }
  })

  test('should read the classifier corpus (title + topics lines)', () => {
    const corpus = fixture('corpus/titles-b.jsonl')
    const {papers, messages, format} = parse(corpus)
    expect(format).toBe('jsonl')
    expect(messages.filter((m) => m.code !== 'duplicate-paper')).toEqual([])
    expect(papers[0]).toMatchObject({title: 'Outrageously Large Neural Networks: The Sparsely-Gated Mixture-of-Experts Layer', source: {format: 'jsonl', line: 1}})
    expect(papers[0]).not.toHaveProperty('topics')
  })
})

describe('jsonl: bad lines', () => {
  const good = sourceLines[0]!

  test('should report each bad line with its line and keep the good ones', () => {
    const badRecord = JSON.stringify({...(JSON.parse(sourceLines[2]!) as object), links: [{url: 'https://x.org', role: 'homepage'}]})
    const text = [
      good,
      '{"title": "Unclosed object"',
      '[1, 2, 3]',
      badRecord,
      '{"abstract": "An object without a title"}',
      '',
      sourceLines[3],
    ].join('\n')
    const {papers, messages} = read(text)
    expect(papers.map((p) => p.id)).toEqual(['arxiv:2401.09417', 'arxiv:2401.10891'])
    expect(codes(messages)).toEqual([
      ['invalid-json', 'error', 2],
      ['invalid-record', 'error', 3],
      ['invalid-record', 'error', 4],
      ['invalid-record', 'error', 5],
    ])
    expect(messages[0]!.reason).toBe("Line is not valid JSON at column 28: Unexpected end of JSON input: '}' missing")
    expect(messages[2]!.issues?.[0]?.path).toEqual(['links', 0, 'role'])
    expect(messages[3]!.issues?.[0]?.path).toEqual(['title'])
  })

  test('should drop a repeated record through the same duplicate check as other formats', () => {
    const {papers, messages} = read([good, good].join('\n'))
    expect(papers).toHaveLength(1)
    expect(codes(messages)).toEqual([['duplicate-paper', 'warning', 19]])
  })
})

describe('jsonl: detect', () => {
  test.each([
    ['a papersift record', [sourceLines[0]!], 0.95],
    ['a minimal object', ['', '{"title": "Attention Is All You Need", "topics": []}'], 0.95],
    ['a Hugging Face element on one line', ['{"paper": {"id": "2401.04088"}, "title": "Mixtral of Experts"}'], 0],
    ['an object without title', ['{"name": "x"}'], 0],
    ['a pretty-printed object', ['{', '  "title": "x"', '}'], 0],
    ['plain text', ['Attention Is All You Need'], 0],
  ])('should score %s', (_name, head, score) => {
    expect(jsonlFormat.detect(head)).toBe(score)
  })

  test('should beat the plain-text fallback', () => {
    expect(detectFormat(papersJsonl)).toBe('jsonl')
  })
})
