import {readFileSync} from 'node:fs'
import {describe, expect, test} from 'vitest'
import type {ParseMessage} from '../../src/message.js'
import {createListingParser} from '../../src/parse/engine.js'
import {detectFormat, parse} from '../../src/parse/index.js'
import {arxivEmailFormat} from '../../src/parse/arxiv-email.js'
import type {Paper} from '../../src/schema.js'

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/arxiv-email/${name}`, import.meta.url), 'utf8')
const mail = fixture('cs-daily.txt')
const listPage = fixture('list-page.txt')
const rule = '-'.repeat(78)

function read(text: string) {
  return parse(text, {format: 'arxiv-email'})
}

const codes = (messages: readonly ParseMessage[]) => messages.map((m) => [m.code, m.severity, m.line])

describe('arxiv-email: daily mailing', () => {
  const result = parse(mail)

  test('should detect the mailing and read every entry, with no messages', () => {
    expect(result.format).toBe('arxiv-email')
    expect(result.messages).toEqual([])
    expect(result.papers.map((p) => p.id)).toEqual([
      'arxiv:2401.09417',
      'arxiv:2401.10020',
      'arxiv:2401.04088',
      'arxiv:cs/9605103',
      'arxiv:1301.3781',
      'arxiv:2109.00301',
      'arxiv:1502.05336',
      'arxiv:1406.2661',
      'arxiv:1706.03762',
      'arxiv:2112.10752',
    ])
  })

  test('should read a new entry with a wrapped title, wrapped authors and a wrapped code URL', () => {
    expect(result.papers[0]).toEqual({
      id: 'arxiv:2401.09417',
      title: 'Vision Mamba: Efficient Visual Representation Learning with Bidirectional State Space Model',
      abstract:
        'Vim swaps the self-attention of a vision backbone for bidirectional Mamba state space blocks and tags image patches with position embeddings. It matches or beats DeiT on ImageNet, COCO and ADE20k while using far less GPU memory on high-resolution images.',
      authors: ['Lianghui Zhu', 'Bencheng Liao', 'Qian Zhang', 'Xinlong Wang', 'Wenyu Liu', 'Xinggang Wang'],
      arxivId: '2401.09417',
      links: [
        {url: 'https://arxiv.org/abs/2401.09417', role: 'abstract'},
        {url: 'https://github.com/hustvl/Vim', role: 'code'},
      ],
      published: '2024-01-17',
      year: 2024,
      categories: ['cs.CV', 'cs.LG'],
      comments: 'Work in progress. Code is available at https://github.com/hustvl/Vim',
      source: {format: 'arxiv-email', line: 19, endLine: 35},
    } satisfies Paper)
  })

  test('should read an old-style id, authors joined by `and`, Journal-ref and DOI', () => {
    expect(result.papers[3]).toEqual({
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

  test('should read a replaced cross-listing without abstract, and no message about it', () => {
    expect(result.papers[9]).toEqual({
      id: 'arxiv:2112.10752',
      title: 'High-Resolution Image Synthesis with Latent Diffusion Models',
      authors: ['Robin Rombach', 'Andreas Blattmann', 'Dominik Lorenz', 'Patrick Esser', 'Björn Ommer'],
      arxivId: '2112.10752',
      links: [{url: 'https://arxiv.org/abs/2112.10752', role: 'abstract'}],
      // The date of the revised version; the year is the first submission's, from the id.
      published: '2022-04-13',
      year: 2021,
      categories: ['cs.CV', 'cs.LG'],
      comments: 'CVPR 2022',
      source: {format: 'arxiv-email', line: 157, endLine: 166},
    } satisfies Paper)
    expect(result.papers[8]).toMatchObject({id: 'arxiv:1706.03762', published: '2023-08-02', year: 2017})
    expect(result.papers[8]!.abstract).toBeUndefined()
  })

  test('should decode TeX accents and join names split over lines', () => {
    const byId = new Map(result.papers.map((p) => [p.id, p]))
    expect(byId.get('arxiv:1301.3781')!.authors[0]).toBe('Tomáš Mikolov')
    expect(byId.get('arxiv:1502.05336')!.authors).toEqual(['José Miguel Hernández-Lobato', 'Ryan P. Adams'])
    expect(byId.get('arxiv:2109.00301')!.authors).toEqual(['Pedro Henrique Martins', 'Zita Marinho', 'André F. T. Martins'])
    const mixtral = byId.get('arxiv:2401.04088')!
    expect(mixtral.authors).toHaveLength(26)
    expect(mixtral.authors).toEqual(
      expect.arrayContaining(['Guillaume Lample', 'Lélio Renard Lavaud', 'Pierre Stock', 'Théophile Gervet', 'Timothée Lacroix', 'William El Sayed']),
    )
    expect(byId.get('arxiv:2401.10020')!.authors).toContain('Sainbayar Sukhbaatar')
  })

  test('should keep $…$ math in titles and abstracts', () => {
    const paper = result.papers.find((p) => p.id === 'arxiv:2109.00301')!
    expect(paper.title).toBe('$\\infty$-former: Infinite Memory Transformer')
    expect(paper.abstract).toMatch(/^The \$\\infty\$-former gives/)
  })

  test('should read cross-listings like new entries, primary category first', () => {
    expect(result.papers[6]).toEqual({
      id: 'arxiv:1502.05336',
      title: 'Probabilistic Backpropagation for Scalable Learning of Bayesian Neural Networks',
      abstract:
        'Probabilistic backpropagation pushes distributions instead of point values through a network: a forward pass computes the marginal likelihood and a backward pass its gradients, which gives scalable Bayesian neural networks.',
      authors: ['José Miguel Hernández-Lobato', 'Ryan P. Adams'],
      arxivId: '1502.05336',
      links: [{url: 'https://arxiv.org/abs/1502.05336', role: 'abstract'}],
      published: '2015-02-18',
      year: 2015,
      categories: ['stat.ML', 'cs.LG'],
      source: {format: 'arxiv-email', line: 117, endLine: 129},
    } satisfies Paper)
  })

  test('should give the same records for CRLF line endings', () => {
    const crlf = parse(mail.replace(/\n/g, '\r\n'))
    expect(crlf.format).toBe('arxiv-email')
    expect(crlf.messages).toEqual([])
    expect(crlf.papers).toEqual(result.papers)
  })

  test('should give the same records for any chunking, emitting each entry when its trailer arrives', () => {
    const papers: Paper[] = []
    const messages: ParseMessage[] = []
    const parser = createListingParser('arxiv-email', {onPaper: (p) => papers.push(p), onMessage: (m) => messages.push(m)})
    // Up to and including the first trailer line (line 35) plus the rule after it.
    const firstEntryEnd = mail.split('\n').slice(0, 36).join('\n').length + 1
    parser.write(mail.slice(0, firstEntryEnd))
    expect(papers.map((p) => p.id)).toEqual(['arxiv:2401.09417'])
    for (let i = firstEntryEnd; i < mail.length; i += 37) parser.write(mail.slice(i, i + 37))
    parser.end()
    expect(messages).toEqual([])
    expect(papers).toEqual(result.papers)
  })
})

describe('arxiv-email: damaged mail', () => {
  const entry = (id: string, title: string, abstract = '  Some abstract text.') =>
    ['\\\\', `arXiv:${id}`, 'Date: Mon, 8 Jan 2024 18:47:34 GMT   (10kb)', '', `Title: ${title}`, 'Authors: Ada Lovelace', 'Categories: cs.LG', '\\\\', abstract, `\\\\ ( https://arxiv.org/abs/${id} ,  10kb)`]

  test('should accept continuation lines indented by one space, a tab or a no-break space', () => {
    const text = [
      '\\\\',
      'arXiv:2401.04088v2',
      'Date: Mon, 8 Jan 2024 18:47:34 GMT   (2281kb,D)',
      '',
      'Title: Mixtral of',
      '\u00A0Experts',
      'Authors: Albert Q. Jiang, Alexandre',
      ' Sablayrolles and Antoine Roux',
      'Categories: cs.LG',
      'Comments: code at',
      '\thttps://github.com/mistralai/mistral-src',
      '\\\\',
      '  Abstract.',
      '\\\\ ( https://arxiv.org/abs/2401.04088 ,  2281kb)',
    ].join('\n')
    const {papers, messages} = read(text)
    expect(messages).toEqual([])
    expect(papers[0]).toMatchObject({
      arxivId: '2401.04088',
      arxivVersion: 2,
      title: 'Mixtral of Experts',
      authors: ['Albert Q. Jiang', 'Alexandre Sablayrolles', 'Antoine Roux'],
      links: [
        {url: 'https://arxiv.org/abs/2401.04088', role: 'abstract'},
        {url: 'https://github.com/mistralai/mistral-src', role: 'code'},
      ],
    })
  })

  test('should emit a truncated last entry with a truncated-entry warning', () => {
    const lines = [...entry('2401.00001', 'First Paper About Things'), rule, ...entry('2401.00002', 'Second Paper About Things').slice(0, 9)]
    const {papers, messages} = read(lines.join('\n'))
    expect(papers.map((p) => [p.id, p.source.line, p.source.endLine])).toEqual([
      ['arxiv:2401.00001', 1, 10],
      ['arxiv:2401.00002', 12, 20],
    ])
    expect(papers[1]!.abstract).toBe('Some abstract text.')
    expect(messages).toEqual([expect.objectContaining({code: 'truncated-entry', severity: 'warning', line: 12, endLine: 20})])
  })

  test('should close an entry whose trailer is missing when the next entry starts', () => {
    const first = entry('2401.00001', 'First Paper About Things').slice(0, 9)
    const {papers, messages} = read([...first, ...entry('2401.00002', 'Second Paper About Things')].join('\n'))
    expect(papers.map((p) => [p.id, p.abstract, p.source.line, p.source.endLine])).toEqual([
      ['arxiv:2401.00001', 'Some abstract text.', 1, 9],
      ['arxiv:2401.00002', 'Some abstract text.', 10, 19],
    ])
    expect(codes(messages)).toEqual([['truncated-entry', 'warning', 1]])
  })

  test('should report unknown lines as noise-line info, never drop them silently', () => {
    const lines = ['Forwarded message follows', rule, ...entry('2401.00001', 'First Paper About Things')]
    lines.splice(8, 0, 'Widget: something odd')
    lines.push('-- ', 'Sent from my phone')
    const {papers, messages} = read(lines.join('\n'))
    expect(papers).toHaveLength(1)
    expect(codes(messages)).toEqual([
      ['noise-line', 'info', 1],
      ['noise-line', 'info', 9],
      ['noise-line', 'info', 14],
      ['noise-line', 'info', 15],
    ])
  })

  test('should warn about a new entry without abstract, but not about a replacement', () => {
    const newEntry = entry('2401.00001', 'First Paper About Things')
    newEntry.splice(7, 2) // drop `\\` and the abstract
    const replaced = ['\\\\', 'arXiv:2301.00002', 'replaced with revised version Tue, 9 Jan 2024 10:00:00 GMT   (20kb)', '', 'Title: A Replaced Paper', 'Authors: Ada Lovelace', '\\\\ ( https://arxiv.org/abs/2301.00002 ,  20kb)']
    const {papers, messages} = read([...newEntry, rule, ...replaced].join('\n'))
    expect(papers.map((p) => [p.id, p.published, p.year])).toEqual([
      ['arxiv:2401.00001', '2024-01-08', 2024],
      ['arxiv:2301.00002', '2024-01-09', 2023],
    ])
    expect(codes(messages)).toEqual([['missing-abstract', 'warning', 1]])
  })

  test('should take the first date line and accept revised-date lines after it', () => {
    const lines = entry('0704.0001', 'An Older Paper With Versions')
    lines[2] = 'Date: Mon, 2 Apr 2007 19:18:42 GMT   (37kb)'
    lines.splice(3, 0, 'Date (revised v2): Tue, 24 Jul 2007 20:10:27 GMT   (39kb)')
    const {papers, messages} = read(lines.join('\n'))
    expect(messages).toEqual([])
    expect(papers[0]).toMatchObject({id: 'arxiv:0704.0001', published: '2007-04-02', year: 2007})
  })

  test('should keep a `[1] arXiv:` reference line inside a mail abstract', () => {
    const lines = entry('2401.00001', 'First Paper About Things')
    lines.splice(9, 0, '[1] arXiv:1706.03762 showed attention suffices.')
    const {papers, messages} = read(lines.join('\n'))
    expect(messages).toEqual([])
    expect(papers.map((p) => p.abstract)).toEqual(['Some abstract text. [1] arXiv:1706.03762 showed attention suffices.'])
  })

  test('should drop nested affiliation parentheses from author lists', () => {
    const lines = entry('2401.00001', 'First Paper About Things')
    lines[5] = 'Authors: Ada Lovelace (1), Alan Turing (2) ((1) University of London, (2)'
    lines.splice(6, 0, '  University of Cambridge)')
    const {papers} = read(lines.join('\n'))
    expect(papers[0]!.authors).toEqual(['Ada Lovelace', 'Alan Turing'])
  })
})

describe('arxiv-email: list page copied as text', () => {
  const result = parse(listPage)

  test('should detect the list page and read every entry, with no messages', () => {
    expect(result.format).toBe('arxiv-email')
    expect(result.messages).toEqual([])
    expect(result.papers.map((p) => p.id)).toEqual(['arxiv:1312.6114', 'arxiv:1505.05424', 'arxiv:2006.11239', 'arxiv:1511.06434', 'arxiv:1312.6199'])
  })

  test('should read the unlabelled author line, Subjects and a multi-paragraph abstract', () => {
    expect(result.papers[1]).toEqual({
      id: 'arxiv:1505.05424',
      title: 'Weight Uncertainty in Neural Networks',
      abstract:
        'Bayes by Backprop learns a probability distribution over the weights of a neural network by minimising a variational free energy with ordinary backpropagation. It regularises as well as dropout on MNIST and helps exploration in contextual bandits.',
      authors: ['Charles Blundell', 'Julien Cornebise', 'Koray Kavukcuoglu', 'Daan Wierstra'],
      arxivId: '1505.05424',
      links: [{url: 'https://arxiv.org/abs/1505.05424', role: 'abstract'}],
      categories: ['stat.ML', 'cs.LG'],
      comments: 'In Proceedings of the 32nd International Conference on Machine Learning (ICML 2015)',
      source: {format: 'arxiv-email', line: 21, endLine: 29},
    } satisfies Paper)
  })

  test('should read a cross-list with a code link in its abstract', () => {
    expect(result.papers[2]).toEqual({
      id: 'arxiv:2006.11239',
      title: 'Denoising Diffusion Probabilistic Models',
      abstract:
        'Diffusion probabilistic models trained on a weighted variational bound, linked to denoising score matching with Langevin dynamics, synthesise high-quality images. Code: https://github.com/hojonathanho/diffusion',
      authors: ['Jonathan Ho', 'Ajay Jain', 'Pieter Abbeel'],
      arxivId: '2006.11239',
      links: [
        {url: 'https://arxiv.org/abs/2006.11239', role: 'abstract'},
        {url: 'https://github.com/hojonathanho/diffusion', role: 'code'},
      ],
      categories: ['cs.LG', 'stat.ML'],
      source: {format: 'arxiv-email', line: 31, endLine: 36},
    } satisfies Paper)
  })

  test('should end the last entry at the page footer', () => {
    expect(result.papers[4]).toEqual({
      id: 'arxiv:1312.6199',
      title: 'Intriguing properties of neural networks',
      authors: ['Christian Szegedy', 'Wojciech Zaremba', 'Ilya Sutskever', 'Joan Bruna', 'Dumitru Erhan', 'Ian Goodfellow', 'Rob Fergus'],
      arxivId: '1312.6199',
      links: [{url: 'https://arxiv.org/abs/1312.6199', role: 'abstract'}],
      categories: ['cs.CV', 'cs.LG', 'cs.NE'],
      source: {format: 'arxiv-email', line: 43, endLine: 46},
    } satisfies Paper)
  })

  test('should split fields glued onto the title line', () => {
    const text = [
      '[1] arXiv:2512.00001 [pdf, html, other]',
      'Title: A Glued TitleSubjects: Machine Learning (stat.ML); Machine Learning (cs.LG)',
      '',
      'Abstract text.',
    ].join('\n')
    const {papers, messages} = read(text)
    expect(messages).toEqual([])
    expect(papers[0]).toMatchObject({title: 'A Glued Title', categories: ['stat.ML', 'cs.LG'], abstract: 'Abstract text.'})
  })

  test('should warn when the input stops before an entry has its Subjects line', () => {
    const {papers, messages} = read(['[1] arXiv:2512.00001 [pdf]', 'Title: Cut Short Entry', 'Ada Lovelace'].join('\n'))
    expect(papers[0]).toMatchObject({title: 'Cut Short Entry', authors: ['Ada Lovelace']})
    expect(codes(messages)).toEqual([['truncated-entry', 'warning', 1]])
  })
})

describe('arxiv-email: detect', () => {
  test.each([
    ['a `\\\\` line then arXiv:', ['', '\\\\', 'arXiv:2401.01234', 'Date: Mon, 1 Jan 2024'], 0.95],
    ['the mailing header', [rule, ' Submissions to:', 'Machine Learning'], 0.9],
    ['a list page entry', ['New submissions (showing 7 of 7 entries)', '[1] arXiv:2512.00001 [pdf, html, other]', 'Title: X'], 0.95],
    ['a bare reference to an arXiv id', ['[1] arXiv:2512.00001 is cited here'], 0.6],
    ['plain text', ['Attention Is All You Need', 'Ashish Vaswani'], 0],
  ])('should score %s', (_name, head, score) => {
    expect(arxivEmailFormat.detect(head)).toBe(score)
  })

  test('should beat the plain-text fallback', () => {
    expect(detectFormat(mail)).toBe('arxiv-email')
    expect(detectFormat(listPage)).toBe('arxiv-email')
  })
})
