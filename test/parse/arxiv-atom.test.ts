import {readFileSync} from 'node:fs'
import {describe, expect, test} from 'vitest'
import type {ParseMessage} from '../../src/message.js'
import {arxivAtomFormat, decodeXmlEntities} from '../../src/parse/arxiv-atom.js'
import {createListingParser} from '../../src/parse/engine.js'
import {detectFormat, parse} from '../../src/parse/index.js'
import type {Paper} from '../../src/schema.js'

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/arxiv-atom/${name}`, import.meta.url), 'utf8')
const query = fixture('query.xml')

const codes = (messages: readonly ParseMessage[]) => messages.map((m) => [m.code, m.severity, m.line])

function read(text: string) {
  return parse(text, {format: 'arxiv-atom'})
}

const feedHead = '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
const entry = (id: string, title: string, extra = '') =>
  `  <entry>\n    <id>http://arxiv.org/abs/${id}</id>\n    <published>2024-01-08T18:47:34Z</published>\n    <title>${title}</title>\n    <summary>Short abstract.</summary>\n    <author><name>Ada Lovelace</name></author>${extra}\n  </entry>`

describe('arxiv-atom: API feed', () => {
  const result = parse(query)

  test('should detect the feed and read every entry, skipping the feed header', () => {
    expect(result.format).toBe('arxiv-atom')
    expect(result.messages).toEqual([])
    expect(result.papers.map((p) => [p.id, p.arxivVersion, p.source.line, p.source.endLine])).toEqual([
      ['arxiv:2112.10752', 2, 10, 43],
      ['arxiv:1610.02415', 3, 44, 94],
      ['arxiv:1706.03762', 7, 95, 134],
      ['arxiv:2401.09417', 2, 135, 170],
    ])
  })

  test('should read title, summary, entities, comment links and categories', () => {
    expect(result.papers[0]).toEqual({
      id: 'arxiv:2112.10752',
      title: 'High-Resolution Image Synthesis with Latent Diffusion Models',
      abstract:
        'Diffusion models give excellent image synthesis but training and sampling them in pixel space is expensive. Running the diffusion process in the latent space of a pretrained autoencoder, and adding cross-attention for conditioning on text & boxes, keeps the quality at a fraction of the compute (<1 GPU-day for some tasks). Code is available at https://github.com/CompVis/latent-diffusion .',
      authors: ['Robin Rombach', 'Andreas Blattmann', 'Dominik Lorenz', 'Patrick Esser', 'Björn Ommer'],
      arxivId: '2112.10752',
      arxivVersion: 2,
      links: [
        {url: 'https://arxiv.org/abs/2112.10752v2', role: 'abstract'},
        {url: 'https://arxiv.org/pdf/2112.10752v2', role: 'pdf'},
        {url: 'https://github.com/CompVis/latent-diffusion', role: 'code'},
      ],
      published: '2021-12-20',
      year: 2021,
      categories: ['cs.CV'],
      comments: 'CVPR 2022',
      source: {format: 'arxiv-atom', line: 10, endLine: 43},
    } satisfies Paper)
  })

  test('should read DOI, journal ref, DOI link and several categories, primary first', () => {
    expect(result.papers[1]).toEqual({
      id: 'arxiv:1610.02415',
      title: 'Automatic chemical design using a data-driven continuous representation of molecules',
      abstract:
        'A variational autoencoder maps discrete SMILES strings of molecules to a continuous latent space and back. Gradient-based search in that space, guided by a property predictor trained jointly, proposes new drug-like molecules.',
      authors: [
        'Rafael Gómez-Bombarelli',
        'Jennifer N. Wei',
        'David Duvenaud',
        'José Miguel Hernández-Lobato',
        'Benjamín Sánchez-Lengeling',
        'Dennis Sheberla',
        'Jorge Aguilera-Iparraguirre',
        'Timothy D. Hirzel',
        'Ryan P. Adams',
        'Alán Aspuru-Guzik',
      ],
      arxivId: '1610.02415',
      arxivVersion: 3,
      doi: '10.1021/acscentsci.7b00572',
      links: [
        {url: 'https://arxiv.org/abs/1610.02415v3', role: 'abstract'},
        {url: 'https://dx.doi.org/10.1021/acscentsci.7b00572', role: 'abstract'},
        {url: 'https://arxiv.org/pdf/1610.02415v3', role: 'pdf'},
      ],
      published: '2016-10-07',
      venue: 'ACS Central Science 4 (2018) 268-276',
      year: 2016,
      categories: ['cs.LG', 'physics.chem-ph'],
      comments: '26 pages, 10 figures',
      source: {format: 'arxiv-atom', line: 44, endLine: 94},
    } satisfies Paper)
  })

  test('should take a code link from a wrapped comment', () => {
    expect(result.papers[3]!.comments).toBe('Work in progress. Code is available at https://github.com/hustvl/Vim')
    expect(result.papers[3]!.links).toContainEqual({url: 'https://github.com/hustvl/Vim', role: 'code'})
    expect(result.papers[3]!.title).toBe('Vision Mamba: Efficient Visual Representation Learning with Bidirectional State Space Model')
  })

  test('should give the same records when the feed is minified onto one line', () => {
    const oneLine = read(query.replace(/\n\s*/g, ' '))
    expect(oneLine.messages).toEqual([])
    expect(oneLine.papers.map((p) => [p.id, p.source.line])).toEqual(result.papers.map((p) => [p.id, 1]))
    expect(oneLine.papers.map(({source, ...rest}) => rest)).toEqual(result.papers.map(({source, ...rest}) => rest))
  })

  test('should give the same records for any chunking, emitting each entry when it closes', () => {
    const papers: Paper[] = []
    const parser = createListingParser('arxiv-atom', {onPaper: (p) => papers.push(p), onMessage: () => {}})
    const firstEnd = query.indexOf('</entry>') + '</entry>'.length + 1
    parser.write(query.slice(0, firstEnd))
    expect(papers.map((p) => p.id)).toEqual(['arxiv:2112.10752'])
    for (let i = firstEnd; i < query.length; i += 101) parser.write(query.slice(i, i + 101))
    parser.end()
    expect(papers).toEqual(result.papers)
  })
})

describe('arxiv-atom: errors and traps', () => {
  test('should turn an API error entry into a feed-error message, not a paper', () => {
    const {papers, messages} = parse(fixture('error.xml'))
    expect(papers).toEqual([])
    expect(messages).toEqual([
      expect.objectContaining({code: 'feed-error', severity: 'error', line: 10, endLine: 19, reason: 'arXiv API error: incorrect id format for 1234.12345'}),
    ])
  })

  test('should not expand DOCTYPE entities (billion laughs)', () => {
    const entities = ['<!ENTITY lol "lol">']
    for (let i = 2; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i === 2 ? '' : i - 1};`.repeat(10)}">`)
    const text = [
      '<?xml version="1.0"?>',
      `<!DOCTYPE feed [${entities.join('')}]>`,
      '<feed xmlns="http://www.w3.org/2005/Atom">',
      '<title>&lol9;</title>',
      entry('2401.04088v1', 'Mixtral of Experts &lol9;', '\n    <arxiv:comment xmlns:arxiv="http://arxiv.org/schemas/atom">&lol9;&lol5;</arxiv:comment>'),
      '</feed>',
    ].join('\n')
    const started = performance.now()
    const {papers, messages, format} = parse(text)
    expect(performance.now() - started).toBeLessThan(1000)
    expect(format).toBe('arxiv-atom')
    expect(messages).toEqual([])
    expect(papers).toHaveLength(1)
    expect(papers[0]!.title).toBe('Mixtral of Experts &lol9;')
    expect(papers[0]!.comments).toBe('&lol9;&lol5;')
  })

  test('should report a malformed entry as invalid-xml at its line and keep the others', () => {
    const broken = entry('2401.00002v1', 'Broken Entry').replace('</summary>', '</summry>')
    const text = [feedHead, entry('2401.00001v1', 'First Good Entry'), broken, entry('2401.00003v1', 'Third Good Entry'), '</feed>'].join('\n')
    const {papers, messages} = read(text)
    expect(papers.map((p) => p.id)).toEqual(['arxiv:2401.00001', 'arxiv:2401.00003'])
    // The broken entry spans lines 10-16; its summary is on line 14.
    expect(codes(messages)).toEqual([['invalid-xml', 'error', 14]])
    expect(messages[0]!.endLine).toBe(16)
  })

  test('should report a truncated feed as invalid-xml at the open entry, keeping the closed ones', () => {
    const text = [feedHead, entry('2401.00001v1', 'First Good Entry'), entry('2401.00002v1', 'Cut Entry').slice(0, 120)].join('\n')
    const {papers, messages} = read(text)
    expect(papers.map((p) => p.id)).toEqual(['arxiv:2401.00001'])
    expect(codes(messages)).toEqual([['invalid-xml', 'error', 10]])
  })

  test('should report an entry that never closes before the next one starts', () => {
    const unclosed = entry('2401.00001v1', 'Unclosed Entry').replace('  </entry>', '')
    const {papers, messages} = read([feedHead, unclosed, entry('2401.00002v1', 'Second Entry'), '</feed>'].join('\n'))
    expect(papers.map((p) => p.id)).toEqual(['arxiv:2401.00002'])
    expect(codes(messages)).toEqual([['invalid-xml', 'error', 3]])
  })

  test('should read https ids, numeric and hex character references', () => {
    // Newer responses use https ids; the arxiv namespace may be declared on <feed> only.
    const body = entry('2401.09417v2', 'Caf&#xE9; &#233;t&#233; &amp;amp; &lt;b&gt;', '\n    <arxiv:doi>10.1000/XYZ123</arxiv:doi>')
    const text = [feedHead, body.replace('http://arxiv.org/abs/', 'https://arxiv.org/abs/'), '</feed>'].join('\n')
    const {papers, messages} = read(text)
    expect(messages).toEqual([])
    expect(papers[0]).toMatchObject({id: 'arxiv:2401.09417', arxivVersion: 2, doi: '10.1000/xyz123', title: 'Café été &amp; <b>'})
  })

  test('should report text between entries as noise', () => {
    const {papers, messages} = read([feedHead, entry('2401.00001v1', 'First Good Entry'), 'stray text', '</feed>'].join('\n'))
    expect(papers).toHaveLength(1)
    expect(codes(messages)).toEqual([['noise-line', 'info', 10]])
  })

  test('should report a plain-text answer such as `Rate exceeded.` as a feed error', () => {
    const {papers, messages} = read('Rate exceeded.\n')
    expect(papers).toEqual([])
    expect(codes(messages)).toEqual([['feed-error', 'error', 1]])
  })

  test('should accept an empty feed and report a broken one', () => {
    expect(read(`${feedHead}\n  <title>ArXiv Query</title>\n</feed>`).messages).toEqual([])
    expect(codes(read(`${feedHead}\n  <title>ArXiv Query</titel>\n</feed>`).messages)).toEqual([['invalid-xml', 'error', 3]])
  })

  test('should decode only the predefined and numeric entities, once', () => {
    expect(decodeXmlEntities('&amp;lt; &#x1F600; &#0; &nbsp; &quot;&apos;')).toBe('&lt; 😀 &#0; &nbsp; "\'')
  })
})

describe('arxiv-atom: detect', () => {
  test.each([
    ['an Atom feed', ['<?xml version="1.0"?>', '<feed xmlns="http://www.w3.org/2005/Atom">'], 0.95],
    ['a bare arXiv entry', ['<entry>', '<id>http://arxiv.org/abs/2401.01234v1</id>'], 0.9],
    ['some other XML', ['<rss version="2.0">'], 0],
  ])('should score %s', (_name, head, score) => {
    expect(arxivAtomFormat.detect(head)).toBe(score)
  })

  test('should beat the plain-text fallback', () => {
    expect(detectFormat(query)).toBe('arxiv-atom')
  })
})
