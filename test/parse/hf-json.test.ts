import {readFileSync} from 'node:fs'
import {describe, expect, test} from 'vitest'
import type {ParseMessage} from '../../src/message.js'
import {hfJsonFormat, scanJsonElements} from '../../src/parse/hf-json.js'
import {detectFormat, parse} from '../../src/parse/index.js'
import type {Paper} from '../../src/schema.js'

const daily = readFileSync(new URL('../../fixtures/hf-json/daily-papers.json', import.meta.url), 'utf8')
const elements = JSON.parse(daily) as unknown[]

const codes = (messages: readonly ParseMessage[]) => messages.map((m) => [m.code, m.severity, m.line])

function read(text: string) {
  return parse(text, {format: 'hf-json'})
}

const depthAnything: Paper = {
  id: 'arxiv:2401.10891',
  title: 'Depth Anything: Unleashing the Power of Large-Scale Unlabeled Data',
  abstract:
    'A monocular depth foundation model trained on 1.5M labelled and about 62M automatically annotated unlabelled images. Strong augmentations and a semantic-feature constraint make the unlabelled data pay off, and zero-shot depth improves across six public benchmarks.',
  authors: ['Lihe Yang', 'Bingyi Kang', 'Zilong Huang', 'Xiaogang Xu', 'Jiashi Feng', 'Hengshuang Zhao'],
  arxivId: '2401.10891',
  links: [
    {url: 'https://arxiv.org/abs/2401.10891', role: 'abstract'},
    {url: 'https://github.com/LiheYoung/Depth-Anything', role: 'code'},
    {url: 'https://depth-anything.github.io', role: 'project'},
  ],
  published: '2024-01-19',
  year: 2024,
  keywords: ['monocular depth estimation', 'unlabeled data', 'data augmentation', 'zero-shot'],
  metrics: {upvotes: 46, stars: 7012, comments: 3},
  source: {format: 'hf-json', line: 2, endLine: 36},
}

describe('hf-json: daily papers array', () => {
  const result = parse(daily)

  test('should detect the JSON and read every element with its lines', () => {
    expect(result.format).toBe('hf-json')
    expect(result.messages).toEqual([])
    expect(result.papers.map((p) => [p.id, p.source.line, p.source.endLine])).toEqual([
      ['arxiv:2401.10891', 2, 36],
      ['arxiv:2401.09417', 37, 62],
      ['arxiv:2401.04088', 63, 80],
      ['arxiv:2401.10020', 81, 96],
      ['arxiv:2401.02954', 97, 103],
    ])
  })

  test('should read paper fields, metrics, code and project links', () => {
    expect(result.papers[0]).toEqual(depthAnything)
  })

  test('should read a "1.2k" upvote count at top level', () => {
    expect(result.papers[2]).toEqual({
      id: 'arxiv:2401.04088',
      title: 'Mixtral of Experts',
      abstract:
        'Mixtral 8x7B routes every token to two of eight feed-forward experts per layer, so it uses 13B active parameters out of 47B and still matches or beats Llama 2 70B and GPT-3.5 on most benchmarks.',
      authors: ['Albert Q. Jiang', 'Alexandre Sablayrolles', 'Antoine Roux', 'Arthur Mensch'],
      arxivId: '2401.04088',
      links: [{url: 'https://arxiv.org/abs/2401.04088', role: 'abstract'}],
      published: '2024-01-08',
      year: 2024,
      metrics: {upvotes: 1200, comments: 14},
      source: {format: 'hf-json', line: 63, endLine: 80},
    } satisfies Paper)
  })

  test('should fall back to top-level fields when paper fields are null', () => {
    expect(result.papers[3]).toEqual({
      id: 'arxiv:2401.10020',
      title: 'Self-Rewarding Language Models',
      abstract:
        'A language model judges its own answers with an LLM-as-a-judge prompt and is then trained on those judgements with iterative DPO, improving both its answers and its judging.',
      authors: [],
      arxivId: '2401.10020',
      links: [{url: 'https://arxiv.org/abs/2401.10020', role: 'abstract'}],
      published: '2024-01-18',
      year: 2024,
      metrics: {upvotes: 137},
      source: {format: 'hf-json', line: 81, endLine: 96},
    } satisfies Paper)
  })

  test('should collapse a hard line break in a title', () => {
    expect(result.papers[4]!.title).toBe('DeepSeek LLM: Scaling Open-Source Language Models with Longtermism')
  })

  test('should read the same array printed on one line', () => {
    const oneLine = parse(JSON.stringify(elements))
    expect(oneLine.format).toBe('hf-json')
    expect(oneLine.messages).toEqual([])
    expect(oneLine.papers.map((p) => p.source)).toEqual(result.papers.map(() => ({format: 'hf-json', line: 1, endLine: 1})))
    expect(oneLine.papers.map(({source, ...rest}) => rest)).toEqual(result.papers.map(({source, ...rest}) => rest))
  })

  test('should give the same records for CRLF line endings', () => {
    expect(parse(daily.replace(/\n/g, '\r\n')).papers).toEqual(result.papers)
  })
})

describe('hf-json: other shapes', () => {
  test('should read {"dailyPapers": [...]}', () => {
    const text = JSON.stringify({dailyPapers: elements.slice(0, 2), lastDate: '2024-01-22'}, null, 2)
    const {papers, messages, format} = parse(text)
    expect(format).toBe('hf-json')
    expect(messages).toEqual([])
    expect(papers.map((p) => p.id)).toEqual(['arxiv:2401.10891', 'arxiv:2401.09417'])
    expect(papers[0]!.source.line).toBe(3)
  })

  test('should read a single element, and a bare paper object', () => {
    const single = JSON.stringify(elements[0], null, 2)
    expect(read(single).papers).toEqual([{...depthAnything, source: {format: 'hf-json', line: 1, endLine: single.split('\n').length}}])
    const bare = read('{"id": "2401.04088", "title": "Mixtral of Experts", "upvotes": 7}')
    expect(bare.messages).toEqual([])
    expect(bare.papers[0]).toMatchObject({id: 'arxiv:2401.04088', title: 'Mixtral of Experts', metrics: {upvotes: 7}})
  })

  test('should read one element per line (JSON Lines)', () => {
    const text = elements.map((element) => JSON.stringify(element)).join('\n')
    const {papers, messages, format} = parse(text)
    expect(format).toBe('hf-json')
    expect(messages).toEqual([])
    expect(papers.map((p) => [p.id, p.source.line])).toEqual([
      ['arxiv:2401.10891', 1],
      ['arxiv:2401.09417', 2],
      ['arxiv:2401.04088', 3],
      ['arxiv:2401.10020', 4],
      ['arxiv:2401.02954', 5],
    ])
  })
})

describe('hf-json: bad input', () => {
  test('should report invalid JSON with its line and column, keeping the elements before it', () => {
    // Drop the comma between the third and fourth elements.
    const lines = daily.split('\n')
    expect(lines[79]).toBe('  },')
    lines[79] = '  }'
    const {papers, messages} = read(lines.join('\n'))
    expect(papers.map((p) => p.id)).toEqual(['arxiv:2401.10891', 'arxiv:2401.09417', 'arxiv:2401.04088'])
    expect(codes(messages)).toEqual([['invalid-json', 'error', 81]])
    expect(messages[0]!.reason).toBe("Invalid JSON at line 81, column 3: Expected ',' or ']' after an array element")
  })

  test('should report truncated JSON at its last line', () => {
    const {papers, messages} = read(daily.slice(0, daily.indexOf('"paper": {\n      "id": "2401.10020"')))
    expect(papers).toHaveLength(3)
    expect(codes(messages)).toEqual([['invalid-json', 'error', 82]])
  })

  test('should report an element failing the schema with its index and line, and keep the others', () => {
    const text = JSON.stringify(
      [elements[0], {paper: {title: 'No id here'}, title: 'No id here'}, {paper: {id: '2401.04088', title: 42}}, 'just a string', elements[1]],
      null,
      2,
    )
    const {papers, messages} = read(text)
    expect(papers.map((p) => p.id)).toEqual(['arxiv:2401.10891', 'arxiv:2401.09417'])
    const lines = text.split('\n')
    const lineOf = (needle: string) => lines.findIndex((line) => line.includes(needle)) + 1
    expect(codes(messages)).toEqual([
      ['invalid-record', 'error', lineOf('"No id here"') - 2],
      ['invalid-record', 'error', lineOf('"title": 42') - 3],
      ['invalid-record', 'error', lineOf('"just a string"')],
    ])
    expect(messages[0]!.reason).toMatch(/^Element 1 is not a daily-papers record: paper\.id: /)
    expect(messages[1]!.reason).toMatch(/^Element 2 is not a daily-papers record: paper\.title: /)
    expect(messages[0]!.issues?.[0]?.path).toEqual(['paper', 'id'])
  })

  test('should reject an element whose id is not an arXiv id', () => {
    const {papers, messages} = read('[{"paper": {"id": "not-an-id", "title": "X"}}]')
    expect(papers).toEqual([])
    expect(codes(messages)).toEqual([['invalid-record', 'error', 1]])
  })

  test('should say nothing for whitespace-only input', () => {
    expect(read('  \n\n ')).toMatchObject({papers: [], messages: []})
  })
})

describe('hf-json: scanner', () => {
  test.each([
    ['[1, 2, {"a": [true, null]}]', [[1, 2], [4, 5], [7, 26]]],
    ['{"dailyPapers": [{"x": "\\"]"}]}', [[17, 29]]],
    ['{"a": 1}\n{"b": 2}', [[0, 8], [9, 17]]],
    ['[]', []],
  ])('should find the elements of %s', (text, spans) => {
    const result = scanJsonElements(text)
    expect(result.error).toBeUndefined()
    expect(result.elements.map((s) => [s.start, s.end])).toEqual(spans)
  })

  test.each([
    ['[1, 2', 5, "Unexpected end of JSON input: ']' missing"],
    ['{"a" 1}', 5, "Expected ':' after a property name"],
    ['["a\nb"]', 3, 'Unterminated string (line break inside a string)'],
    ['[01]', 2, "Expected ',' or ']' after an array element"],
    ['[tru]', 1, "Unexpected character 't'"],
    ['["\\x"]', 2, 'Bad escape in string'],
  ])('should locate the error in %j', (text, offset, reason) => {
    expect(scanJsonElements(text).error).toEqual({offset, reason})
  })
})

describe('hf-json: detect', () => {
  test.each([
    ['a daily-papers array', ['[', '  {', '    "paper": {'], 0.9],
    ['an embedded props object', ['{"dailyPapers": []}'], 0.9],
    ['other JSON', ['{"name": "x"}'], 0],
    ['plain text', ['Attention Is All You Need'], 0],
  ])('should score %s', (_name, head, score) => {
    expect(hfJsonFormat.detect(head)).toBe(score)
  })

  test('should beat the plain-text fallback', () => {
    expect(detectFormat(daily)).toBe('hf-json')
  })
})
