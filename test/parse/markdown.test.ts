import {readFileSync} from 'node:fs'
import {describe, expect, test} from 'vitest'
import type {ParseMessage} from '../../src/message.js'
import {detectFormat, parse, parseStream} from '../../src/parse/index.js'
import {markdownFormat} from '../../src/parse/markdown.js'
import {resolveParts, type Part} from '../../src/parse/markdown/inline.js'
import {PaperSchema, type Paper} from '../../src/schema.js'

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8')
const markdown = (name: string) => fixture(`markdown/${name}.md`)

function read(text: string) {
  return parse(text, {format: 'markdown'})
}

/** `[code, line, endLine]` of each message. */
const codes = (messages: readonly ParseMessage[]) => messages.map((m) => [m.code, m.line, m.endLine ?? m.line])
/** `[title, line]` of each paper, in output order. */
const titles = (papers: readonly Paper[]) => papers.map((p) => [p.title, p.source.line])
const byTitle = (papers: readonly Paper[], title: string) => papers.find((p) => p.title === title)

const fixtureNames = ['awesome-diffusion', 'gnn-papers-numbered', 'tables', 'reference-links', 'details-and-quotes', 'noise-and-badges', 'large-list']

describe('markdown: detection', () => {
  test.each(fixtureNames)('should detect %s as markdown', (name) => {
    expect(detectFormat(markdown(name))).toBe('markdown')
    expect(parse(markdown(name)).format).toBe('markdown')
  })

  test('should leave a copied trending page (no markdown syntax) to plain-text', () => {
    const text = fixture('trending-papers.txt')
    expect(markdownFormat.detect(text.split('\n').slice(0, 64))).toBe(0)
    expect(detectFormat(text)).not.toBe('markdown')
  })

  test.each([
    'plain-text/messy.txt',
    'plain-text/accept-list.txt',
    'plain-text/hf-daily-page.txt',
    'arxiv-email/cs-daily.txt',
    'arxiv-atom/query.xml',
    'hf-json/daily-papers.json',
    'jsonl/papers.jsonl',
  ])('should not claim %s', (path) => {
    expect(detectFormat(fixture(path))).not.toBe('markdown')
  })

  test('should score a lone heading below a plain-text guess', () => {
    expect(markdownFormat.detect(['# Notes', 'Attention Is All You Need', 'Ashish Vaswani, Noam Shazeer'])).toBeLessThanOrEqual(0.2)
  })
})

describe('markdown: awesome-list bullets, bold titles, venue links, diffusion blocks', () => {
  const result = read(markdown('awesome-diffusion'))

  test('should read every entry, holding the one with an undefined `[Jul 2023]` label until the end', () => {
    expect(titles(result.papers)).toEqual([
      ['Denoising Diffusion Probabilistic Models', 16],
      ['Denoising Diffusion Implicit Models', 17],
      ['Diffusion Models Beat GANs on Image Synthesis', 18],
      ['Scalable Diffusion Models with Transformers', 19],
      ['Elucidating the Design Space of Diffusion-Based Generative Models', 20],
      ['DreamBooth: Fine Tuning Text-to-Image Diffusion Models for Subject-Driven Generation', 21],
      ['Consistency Models', 23],
      ['High-Resolution Image Synthesis with Latent Diffusion Models', 24],
      ['Stable Video Diffusion: Scaling Latent Video Diffusion Models to Large Datasets', 29],
      ['Align your Latents: High-Resolution Video Synthesis with Latent Diffusion Models', 34],
      ['Video Diffusion Models', 39],
      ['SDXL: Improving Latent Diffusion Models for High-Resolution Image Synthesis', 22],
    ])
  })

  test('should give exact records', () => {
    expect(result.papers.filter((p) => [16, 19, 20, 23, 24, 29, 39, 22].includes(p.source.line))).toEqual([
    {
      id: 'arxiv:2006.11239',
      title: 'Denoising Diffusion Probabilistic Models',
      authors: [],
      arxivId: '2006.11239',
      links: [
        {url: 'https://arxiv.org/abs/2006.11239', role: 'abstract'},
        {url: 'https://github.com/hojonathanho/diffusion', role: 'code'},
      ],
      venue: 'NeurIPS',
      year: 2020,
      section: ['Papers', 'Image Generation'],
      source: {format: 'markdown', line: 16, endLine: 16},
    },
    {
      id: 'arxiv:2212.09748',
      title: 'Scalable Diffusion Models with Transformers',
      authors: [],
      arxivId: '2212.09748',
      links: [
        {url: 'https://arxiv.org/abs/2212.09748', role: 'abstract'},
        {url: 'https://github.com/facebookresearch/DiT', role: 'code'},
        {url: 'https://www.wpeebles.com/DiT', role: 'project'},
      ],
      section: ['Papers', 'Image Generation'],
      source: {format: 'markdown', line: 19, endLine: 19},
    },
    {
      id: 'arxiv:2206.00364',
      title: 'Elucidating the Design Space of Diffusion-Based Generative Models',
      authors: [],
      arxivId: '2206.00364',
      links: [{url: 'https://arxiv.org/abs/2206.00364', role: 'abstract'}],
      venue: 'NeurIPS',
      year: 2022,
      section: ['Papers', 'Image Generation'],
      source: {format: 'markdown', line: 20, endLine: 20},
    },
    {
      id: 'arxiv:2303.01469',
      title: 'Consistency Models',
      authors: [],
      arxivId: '2303.01469',
      links: [
        {url: 'https://arxiv.org/abs/2303.01469', role: 'abstract'},
        {url: 'https://github.com/openai/consistency_models', role: 'code'},
      ],
      year: 2023,
      metrics: {stars: 6100},
      section: ['Papers', 'Image Generation'],
      source: {format: 'markdown', line: 23, endLine: 23},
    },
    {
      id: 'arxiv:2112.10752',
      title: 'High-Resolution Image Synthesis with Latent Diffusion Models',
      authors: [],
      arxivId: '2112.10752',
      links: [
        {url: 'https://arxiv.org/abs/2112.10752', role: 'abstract'},
        {url: 'https://arxiv.org/pdf/2112.10752', role: 'pdf'},
      ],
      comments: 'the paper behind Stable Diffusion',
      section: ['Papers', 'Image Generation'],
      source: {format: 'markdown', line: 24, endLine: 25},
    },
    {
      id: 'arxiv:2311.15127',
      title: 'Stable Video Diffusion: Scaling Latent Video Diffusion Models to Large Datasets',
      authors: [
        'Andreas Blattmann',
        'Tim Dockhorn',
        'Sumith Kulal',
        'Daniel Mendelevitch',
        'Maciej Kilian',
        'Dominik Lorenz',
      ],
      arxivId: '2311.15127',
      links: [
        {url: 'https://arxiv.org/abs/2311.15127', role: 'abstract'},
        {url: 'https://github.com/Stability-AI/generative-models', role: 'code'},
      ],
      published: '2023-11-25',
      venue: 'arXiv',
      year: 2023,
      section: ['Papers', 'Video Generation'],
      source: {format: 'markdown', line: 29, endLine: 32},
    },
    {
      id: 'arxiv:2204.03458',
      title: 'Video Diffusion Models',
      authors: [
        'Jonathan Ho',
        'Tim Salimans',
        'Alexey Gritsenko',
        'William Chan',
        'Mohammad Norouzi',
        'David J. Fleet',
      ],
      arxivId: '2204.03458',
      links: [
        {url: 'https://arxiv.org/abs/2204.03458', role: 'abstract'},
        {url: 'https://video-diffusion.github.io/', role: 'project'},
      ],
      published: '2022-04-07',
      venue: 'NeurIPS',
      year: 2022,
      section: ['Papers', 'Video Generation'],
      source: {format: 'markdown', line: 39, endLine: 42},
    },
    {
      id: 'arxiv:2307.01952',
      title: 'SDXL: Improving Latent Diffusion Models for High-Resolution Image Synthesis',
      authors: [],
      arxivId: '2307.01952',
      links: [
        {url: 'https://github.com/Stability-AI/generative-models', role: 'code'},
        {url: 'https://arxiv.org/abs/2307.01952', role: 'abstract'},
      ],
      year: 2023,
      section: ['Papers', 'Image Generation'],
      source: {format: 'markdown', line: 22, endLine: 22},
    },
    ])
  })

  test('should account for the intro, the table of contents and "Contributing"', () => {
    expect(codes(result.messages)).toEqual([
      ['noise-line', 3, 3],
      ['not-a-paper', 7, 9],
      ['not-a-paper', 10, 10],
      ['noise-line', 46, 46],
    ])
    expect(result.messages[1]?.reason).toBe('"Papers" under "Contents"; skipped')
  })

  test('should take a bracketed venue link, a month link and a `[Jul 2023]` tag as venue/year, not as titles', () => {
    expect(byTitle(result.papers, 'Elucidating the Design Space of Diffusion-Based Generative Models')).toMatchObject({venue: 'NeurIPS', year: 2022})
    expect(byTitle(result.papers, 'DreamBooth: Fine Tuning Text-to-Image Diffusion Models for Subject-Driven Generation')).toMatchObject({
      venue: 'CVPR',
      year: 2023,
      links: [
        {url: 'https://arxiv.org/abs/2208.12242', role: 'abstract'},
        {url: 'https://dreambooth.github.io/', role: 'project'},
      ],
    })
    expect(byTitle(result.papers, 'SDXL: Improving Latent Diffusion Models for High-Resolution Image Synthesis')).toMatchObject({year: 2023})
    // The link title `"DDIM"` is a tooltip, not part of the title.
    expect(byTitle(result.papers, 'Denoising Diffusion Implicit Models')).toBeDefined()
  })
})

describe('markdown: GNNPapers numbered entries, author sub-bullets, citation style', () => {
  const result = read(markdown('gnn-papers-numbered'))

  test('should read every entry with its heading path (the document title and link headings stripped)', () => {
    expect(titles(result.papers)).toEqual([
      ['Graph Neural Networks: A Review of Methods and Applications', 14],
      ['A Comprehensive Survey on Graph Neural Networks', 18],
      ['Semi-Supervised Classification with Graph Convolutional Networks', 26],
      ['Graph Attention Networks', 30],
      ['Inductive Representation Learning on Large Graphs', 34],
      ['How Powerful are Graph Neural Networks?', 38],
      ['Spectral Networks and Locally Connected Networks on Graphs', 44],
      ['Convolutional Neural Networks on Graphs with Fast Localized Spectral Filtering', 46],
      ['Do Transformers Really Perform Bad for Graph Representation?', 51],
      ['Open Graph Benchmark: Datasets for Machine Learning on Graphs', 52],
    ])
    expect(result.papers.map((p) => p.section)).toEqual([
      ['Survey Papers'],
      ['Survey Papers'],
      ['Models', 'Basic Models'],
      ['Models', 'Basic Models'],
      ['Models', 'Basic Models'],
      ['Models', 'Basic Models'],
      ['Models', 'Spectral Methods'],
      ['Models', 'Spectral Methods'],
      ['Models', 'Graph Transformers'],
      ['Models', 'Graph Transformers'],
    ])
  })

  test('should give exact records', () => {
    expect(result.papers.filter((p) => [14, 26, 44, 51].includes(p.source.line))).toEqual([
    {
      id: 'arxiv:1812.08434',
      title: 'Graph Neural Networks: A Review of Methods and Applications',
      authors: [
        'Jie Zhou',
        'Ganqu Cui',
        'Shengding Hu',
        'Zhengyan Zhang',
        'Cheng Yang',
        'Zhiyuan Liu',
        'Lifeng Wang',
        'Changcheng Li',
        'Maosong Sun',
      ],
      arxivId: '1812.08434',
      links: [
        {url: 'https://arxiv.org/abs/1812.08434', role: 'abstract'},
        {url: 'https://arxiv.org/pdf/1812.08434', role: 'pdf'},
      ],
      venue: 'AI Open',
      year: 2020,
      section: ['Survey Papers'],
      source: {format: 'markdown', line: 14, endLine: 16},
    },
    {
      id: 'arxiv:1609.02907',
      title: 'Semi-Supervised Classification with Graph Convolutional Networks',
      authors: ['Thomas N. Kipf', 'Max Welling'],
      arxivId: '1609.02907',
      links: [
        {url: 'https://arxiv.org/abs/1609.02907', role: 'abstract'},
        {url: 'https://arxiv.org/pdf/1609.02907', role: 'pdf'},
        {url: 'https://github.com/tkipf/gcn', role: 'code'},
      ],
      venue: 'ICLR',
      year: 2017,
      section: ['Models', 'Basic Models'],
      source: {format: 'markdown', line: 26, endLine: 28},
    },
    {
      id: 'arxiv:1312.6203',
      title: 'Spectral Networks and Locally Connected Networks on Graphs',
      authors: ['Joan Bruna', 'Wojciech Zaremba', 'Arthur Szlam', 'Yann LeCun'],
      arxivId: '1312.6203',
      links: [
        {url: 'https://arxiv.org/abs/1312.6203', role: 'abstract'},
        {url: 'https://arxiv.org/pdf/1312.6203', role: 'pdf'},
      ],
      venue: 'ICLR',
      year: 2014,
      section: ['Models', 'Spectral Methods'],
      source: {format: 'markdown', line: 44, endLine: 45},
    },
    {
      id: 'arxiv:2106.05234',
      title: 'Do Transformers Really Perform Bad for Graph Representation?',
      authors: [
        'Chengxuan Ying',
        'Tianle Cai',
        'Shengjie Luo',
        'Shuxin Zheng',
        'Guolin Ke',
        'Di He',
        'Yanming Shen',
        'Tie-Yan Liu',
      ],
      arxivId: '2106.05234',
      links: [
        {url: 'https://arxiv.org/abs/2106.05234', role: 'abstract'},
        {url: 'https://arxiv.org/pdf/2106.05234', role: 'pdf'},
        {url: 'https://github.com/microsoft/Graphormer', role: 'code'},
      ],
      venue: 'NeurIPS',
      year: 2021,
      section: ['Models', 'Graph Transformers'],
      source: {format: 'markdown', line: 51, endLine: 51},
    },
    ])
  })

  test('should read `NIPS 2017`, `ICLR\'14` and `NIPS\'16` venues and keep `?` titles whole', () => {
    expect(result.papers.map((p) => [p.venue, p.year])).toEqual([
      ['AI Open', 2020],
      ['IEEE TNNLS', 2020],
      ['ICLR', 2017],
      ['ICLR', 2018],
      ['NIPS', 2017],
      ['ICLR', 2019],
      ['ICLR', 2014],
      ['NIPS', 2016],
      ['NeurIPS', 2021],
      ['NeurIPS', 2020],
    ])
  })

  test('should skip the intro line and the HTML table of contents with messages', () => {
    expect(codes(result.messages)).toEqual([
      ['noise-line', 3, 3],
      ['noise-line', 7, 10],
    ])
  })
})

describe('markdown: GFM tables', () => {
  const result = read(markdown('tables'))

  test('should map columns by header in any order, rows without a trailing pipe included', () => {
    expect(titles(result.papers)).toEqual([
      ['Neural Adaptive Video Streaming with Pensieve', 9],
      ['Learning in situ: a randomized experiment in video streaming', 10],
      ['CS2P: Improving Video Bitrate Selection and Adaptation with Data-Driven Throughput Prediction', 11],
      ['Pantheon: the training ground for Internet congestion-control research', 17],
      ['A Deep Reinforcement Learning Perspective on Internet Congestion Control', 18],
      ['Classic Meets Modern: a Pragmatic Learning-Based Congestion Control for the Internet', 19],
      ['TCP ex Machina: Computer-Generated Congestion Control', 20],
      ['Mixtral of Experts', 26],
      ['Scaling Vision with Sparse Mixture of Experts', 28],
    ])
  })

  test('should give exact records', () => {
    expect(result.papers.filter((p) => [10, 11, 17, 26, 28].includes(p.source.line))).toEqual([
    {
      id: 'title:learning-in-situ-a-randomized-experiment-in-video-e7cb238e',
      title: 'Learning in situ: a randomized experiment in video streaming',
      authors: [],
      links: [{url: 'https://github.com/StanfordSNR/puffer', role: 'code'}],
      venue: 'NSDI',
      year: 2020,
      keywords: ['ABR', 'measurement'],
      section: ['Video Streaming'],
      source: {format: 'markdown', line: 10, endLine: 10},
    },
    {
      id: 'title:cs2p-improving-video-bitrate-selection-and-adaptation-with-036623b9',
      title: 'CS2P: Improving Video Bitrate Selection and Adaptation with Data-Driven Throughput Prediction',
      authors: [],
      links: [],
      venue: 'SIGCOMM',
      year: 2016,
      keywords: ['Throughput prediction'],
      section: ['Video Streaming'],
      source: {format: 'markdown', line: 11, endLine: 11},
    },
    {
      id: 'title:pantheon-the-training-ground-for-internet-congestion-control-f7924b0f',
      title: 'Pantheon: the training ground for Internet congestion-control research',
      authors: [],
      links: [
        {url: 'https://www.usenix.org/conference/atc18/presentation/yan-francis', role: 'abstract'},
        {url: 'https://github.com/StanfordSNR/pantheon', role: 'code'},
      ],
      venue: 'USENIX ATC',
      year: 2018,
      keywords: ['congestion control'],
      section: ['Congestion Control'],
      source: {format: 'markdown', line: 17, endLine: 17},
    },
    {
      id: 'arxiv:2401.04088',
      title: 'Mixtral of Experts',
      authors: ['Albert Q. Jiang', 'Alexandre Sablayrolles', 'Antoine Roux'],
      arxivId: '2401.04088',
      links: [
        {url: 'https://arxiv.org/abs/2401.04088', role: 'abstract'},
        {url: 'https://arxiv.org/pdf/2401.04088', role: 'pdf'},
        {url: 'https://github.com/mistralai/mistral-src', role: 'code'},
      ],
      published: '2024-01-08',
      year: 2024,
      metrics: {stars: 9500},
      section: ['Mixture of Experts'],
      source: {format: 'markdown', line: 26, endLine: 26},
    },
    {
      id: 'arxiv:2106.05974',
      title: 'Scaling Vision with Sparse Mixture of Experts',
      authors: ['Carlos Riquelme', 'Joan Puigcerver', 'Basil Mustafa'],
      arxivId: '2106.05974',
      links: [
        {url: 'https://arxiv.org/abs/2106.05974', role: 'abstract'},
        {url: 'https://github.com/google-research/vmoe', role: 'code'},
      ],
      published: '2021-06-10',
      year: 2021,
      section: ['Mixture of Experts'],
      source: {format: 'markdown', line: 28, endLine: 28},
    },
    ])
  })

  test('should treat a badge-only title cell as no title and a table without a title column as noise', () => {
    expect(codes(result.messages)).toEqual([
      ['noise-line', 3, 3],
      ['not-a-paper', 27, 27],
      ['noise-line', 32, 34],
    ])
    expect(result.messages[1]?.reason).toBe('Table row without a title; skipped')
  })
})

describe('markdown: reference-style links', () => {
  const result = read(markdown('reference-links'))

  test('should resolve labels defined at the bottom of the file, holding an entry with an undefined label to the end', () => {
    expect(titles(result.papers)).toEqual([
      ['Outrageously Large Neural Networks: The Sparsely-Gated Mixture-of-Experts Layer', 7],
      ['GShard: Scaling Giant Models with Conditional Computation and Automatic Sharding', 8],
      ['Switch Transformers: Scaling to Trillion Parameter Models with Simple and Efficient Sparsity', 9],
      ['GLaM: Efficient Scaling of Language Models with Mixture-of-Experts', 10],
      ['Mixture-of-Experts with Expert Choice Routing', 11],
      ['FasterMoE: Modeling and Optimizing Training of Large-Scale Dynamic Pre-Trained Models', 16],
      ['Tutel: Adaptive Mixture-of-Experts at Scale', 17],
      ['MegaBlocks: Efficient Sparse Training with Mixture-of-Experts', 18],
      ['DeepSpeed-MoE: Advancing Mixture-of-Experts Inference and Training to Power Next-Generation AI Scale', 19],
      // Held to the end: its `[slides]` might be defined further down.
      ['BASE Layers: Simplifying Training of Large, Sparse Models', 12],
    ])
  })

  test('should give exact records (shortcut, full, collapsed references; `[[PPoPP2022]][x]` without a space)', () => {
    expect(result.papers.filter((p) => [7, 8, 9, 10, 11, 12, 16].includes(p.source.line))).toEqual([
    {
      id: 'arxiv:1701.06538',
      title: 'Outrageously Large Neural Networks: The Sparsely-Gated Mixture-of-Experts Layer',
      authors: [],
      arxivId: '1701.06538',
      links: [{url: 'https://arxiv.org/abs/1701.06538', role: 'abstract'}],
      venue: 'ICLR',
      year: 2017,
      section: ['Sparse Layers and Routing'],
      source: {format: 'markdown', line: 7, endLine: 7},
    },
    {
      id: 'arxiv:2006.16668',
      title: 'GShard: Scaling Giant Models with Conditional Computation and Automatic Sharding',
      authors: [],
      arxivId: '2006.16668',
      links: [{url: 'https://arxiv.org/abs/2006.16668', role: 'abstract'}],
      venue: 'ICLR',
      year: 2021,
      section: ['Sparse Layers and Routing'],
      source: {format: 'markdown', line: 8, endLine: 8},
    },
    {
      id: 'arxiv:2101.03961',
      title: 'Switch Transformers: Scaling to Trillion Parameter Models with Simple and Efficient Sparsity',
      authors: [],
      arxivId: '2101.03961',
      links: [
        {url: 'https://arxiv.org/abs/2101.03961', role: 'abstract'},
        {url: 'https://github.com/google-research/t5x', role: 'code'},
      ],
      venue: 'JMLR',
      year: 2022,
      section: ['Sparse Layers and Routing'],
      source: {format: 'markdown', line: 9, endLine: 9},
    },
    {
      id: 'arxiv:2112.06905',
      title: 'GLaM: Efficient Scaling of Language Models with Mixture-of-Experts',
      authors: [],
      arxivId: '2112.06905',
      links: [{url: 'https://arxiv.org/abs/2112.06905', role: 'abstract'}],
      venue: 'ICML',
      year: 2022,
      section: ['Sparse Layers and Routing'],
      source: {format: 'markdown', line: 10, endLine: 10},
    },
    {
      id: 'arxiv:2202.09368',
      title: 'Mixture-of-Experts with Expert Choice Routing',
      authors: [],
      arxivId: '2202.09368',
      links: [{url: 'https://arxiv.org/abs/2202.09368', role: 'abstract'}],
      venue: 'NeurIPS',
      year: 2022,
      section: ['Sparse Layers and Routing'],
      source: {format: 'markdown', line: 11, endLine: 11},
    },
    {
      id: 'title:fastermoe-modeling-and-optimizing-training-of-large-scale-42242bb2',
      title: 'FasterMoE: Modeling and Optimizing Training of Large-Scale Dynamic Pre-Trained Models',
      authors: [],
      links: [
        {url: 'https://dl.acm.org/doi/10.1145/3503221.3508418', role: 'abstract'},
        {url: 'https://github.com/thu-pacman/FasterMoE', role: 'code'},
      ],
      venue: 'PPoPP',
      year: 2022,
      section: ['Training Systems'],
      source: {format: 'markdown', line: 16, endLine: 16},
    },
    {
      id: 'arxiv:2103.16716',
      title: 'BASE Layers: Simplifying Training of Large, Sparse Models',
      authors: [],
      arxivId: '2103.16716',
      links: [
        {url: 'https://arxiv.org/abs/2103.16716', role: 'abstract'},
        {url: 'https://github.com/facebookresearch/fairseq', role: 'code'},
      ],
      venue: 'ICML',
      year: 2021,
      section: ['Sparse Layers and Routing'],
      source: {format: 'markdown', line: 12, endLine: 12},
    },
    ])
  })

  test('should leave an undefined `[slides]` as text and report the HTML comment', () => {
    expect(codes(result.messages)).toEqual([
      ['noise-line', 3, 3],
      ['noise-line', 21, 21],
    ])
  })

  test('should resolve a definition that precedes its use in an earlier section', () => {
    const text = '# List\n\n[ddpm]: https://arxiv.org/abs/2006.11239\n\n## Image\n\n- Denoising Diffusion Probabilistic Models, NeurIPS 2020 [paper][ddpm]\n'
    expect(read(text).papers).toEqual([
      {
        id: 'arxiv:2006.11239',
        title: 'Denoising Diffusion Probabilistic Models',
        authors: [],
        arxivId: '2006.11239',
        links: [{url: 'https://arxiv.org/abs/2006.11239', role: 'abstract'}],
        venue: 'NeurIPS',
        year: 2020,
        section: ['Image'],
        source: {format: 'markdown', line: 7, endLine: 7},
      },
    ])
  })
})

describe('markdown: abstracts from <details>, block quotes and sub-bullets', () => {
  const result = read(markdown('details-and-quotes'))

  test('should give exact records', () => {
    expect(result.papers.filter((p) => p.source.line !== 62)).toEqual([
    {
      id: 'arxiv:1611.01578',
      title: 'Neural Architecture Search with Reinforcement Learning',
      abstract: 'A recurrent controller writes out layer hyperparameters token by token; each generated model is trained and its validation accuracy is the reward for a policy-gradient update of the controller.',
      authors: ['Barret Zoph', 'Quoc V. Le'],
      arxivId: '1611.01578',
      links: [{url: 'https://arxiv.org/abs/1611.01578', role: 'abstract'}],
      venue: 'ICLR',
      year: 2017,
      section: ['Week 1: Reinforcement Learning and Evolution'],
      source: {format: 'markdown', line: 7, endLine: 10},
    },
    {
      id: 'arxiv:1802.03268',
      title: 'Efficient Neural Architecture Search via Parameter Sharing',
      abstract: 'Child models share one set of weights inside a large computational graph, so a controller can search for a good subgraph without training every candidate from scratch.',
      authors: [],
      arxivId: '1802.03268',
      links: [{url: 'https://arxiv.org/abs/1802.03268', role: 'abstract'}],
      venue: 'ICML',
      year: 2018,
      section: ['Week 1: Reinforcement Learning and Evolution'],
      source: {format: 'markdown', line: 12, endLine: 18},
    },
    {
      id: 'arxiv:1802.01548',
      title: 'Regularized Evolution for Image Classifier Architecture Search',
      abstract: 'Tournament selection with an aging rule removes the oldest models first instead of the worst, and evolves image classifiers that match reinforcement-learning search.',
      authors: [],
      arxivId: '1802.01548',
      links: [{url: 'https://arxiv.org/abs/1802.01548', role: 'abstract'}],
      venue: 'AAAI',
      year: 2019,
      section: ['Week 1: Reinforcement Learning and Evolution'],
      source: {format: 'markdown', line: 20, endLine: 21},
    },
    {
      id: 'arxiv:1806.09055',
      title: 'DARTS: Differentiable Architecture Search',
      abstract: 'The discrete choice among candidate operations is relaxed into a softmax-weighted mixture, so the cell structure becomes continuous and is optimized by gradient descent together with the weights.',
      authors: ['Hanxiao Liu', 'Karen Simonyan', 'Yiming Yang'],
      arxivId: '1806.09055',
      links: [
        {url: 'https://arxiv.org/abs/1806.09055', role: 'abstract'},
        {url: 'https://github.com/quark0/darts', role: 'code'},
      ],
      venue: 'ICLR',
      year: 2019,
      comments: 'second-order approximation discussed in section 2.3',
      section: ['Week 2: Differentiable Search'],
      source: {format: 'markdown', line: 25, endLine: 29},
    },
    {
      id: 'title:pc-darts-partial-channel-connections-for-memory-efficient-8aef9c77',
      title: 'PC-DARTS: Partial Channel Connections for Memory-Efficient Architecture Search',
      abstract: 'Sampling a subset of channels for the mixed operation cuts memory so that larger batches fit, and edge normalization stabilises the search.',
      authors: [],
      links: [
        {url: 'https://openreview.net/forum?id=BJlS634tPr', role: 'abstract'},
        {url: 'https://github.com/yuhuixu1993/PC-DARTS', role: 'code'},
      ],
      section: ['Week 2: Differentiable Search'],
      source: {format: 'markdown', line: 30, endLine: 32},
    },
    {
      id: 'arxiv:1908.09791',
      title: 'Once-for-All: Train One Network and Specialize it for Efficient Deployment',
      abstract: 'One supernet is trained once with progressive shrinking; specialized subnetworks are then picked for each device without retraining.',
      authors: ['Han Cai', 'Chuang Gan', 'Tianzhe Wang', 'Zhekai Zhang', 'Song Han'],
      arxivId: '1908.09791',
      links: [
        {url: 'https://arxiv.org/abs/1908.09791', role: 'abstract'},
        {url: 'https://github.com/mit-han-lab/once-for-all', role: 'code'},
      ],
      venue: 'ICLR',
      year: 2020,
      section: ['Week 3: Training-Free and Once-for-All'],
      source: {format: 'markdown', line: 36, endLine: 40},
    },
    {
      id: 'arxiv:2006.04647',
      title: 'Neural Architecture Search without Training',
      authors: ['Joseph Mellor', 'Jack Turner', 'Amos Storkey', 'Elliot J. Crowley'],
      arxivId: '2006.04647',
      links: [
        {url: 'https://arxiv.org/abs/2006.04647', role: 'abstract'},
        {url: 'https://github.com/BayesWatch/nas-without-training', role: 'code'},
      ],
      venue: 'ICML',
      year: 2021,
      section: ['Week 3: Training-Free and Once-for-All'],
      source: {format: 'markdown', line: 42, endLine: 57},
    },
    {
      id: 'arxiv:2001.00326',
      title: 'NAS-Bench-201: Extending the Scope of Reproducible Neural Architecture Search',
      authors: [],
      arxivId: '2001.00326',
      links: [
        {url: 'https://arxiv.org/abs/2001.00326', role: 'abstract'},
        {url: 'https://github.com/D-X-Y/NAS-Bench-201', role: 'code'},
      ],
      venue: 'ICLR',
      year: 2020,
      section: ['Week 3: Training-Free and Once-for-All'],
      source: {format: 'markdown', line: 63, endLine: 63},
    },
    ])
  })

  test('should read a collapsible section of entries as entries, and a quote after it as noise', () => {
    expect(titles(result.papers).slice(-2)).toEqual([
      ['Zero-Cost Proxies for Lightweight NAS', 62],
      ['NAS-Bench-201: Extending the Scope of Reproducible Neural Architecture Search', 63],
    ])
    expect(codes(result.messages)).toEqual([
      ['noise-line', 3, 3],
      ['noise-line', 67, 67],
    ])
  })
})

describe('markdown: noise, badges, emoji and traps', () => {
  const result = read(markdown('noise-and-badges'))

  test('should give exact records', () => {
    expect(result.papers).toEqual([
    {
      id: 'title:tcp-ex-machina-computer-generated-congestion-control-88447fa6',
      title: 'TCP ex Machina: Computer-Generated Congestion Control',
      authors: [],
      links: [
        {url: 'http://web.mit.edu/remy/', role: 'abstract'},
        {url: 'https://github.com/tcpexmachina/remy', role: 'code'},
      ],
      venue: 'SIGCOMM',
      year: 2013,
      section: ['Congestion Control'],
      source: {format: 'markdown', line: 22, endLine: 22},
    },
    {
      id: 'title:a-deep-reinforcement-learning-perspective-on-internet-conges-9daa1ddf',
      title: 'A Deep Reinforcement Learning Perspective on Internet Congestion Control',
      authors: [],
      links: [
        {url: 'http://proceedings.mlr.press/v97/jay19a.html', role: 'abstract'},
        {url: 'https://github.com/PCCproject/PCC-RL', role: 'code'},
      ],
      venue: 'ICML',
      year: 2019,
      keywords: ['RL'],
      section: ['Congestion Control'],
      source: {format: 'markdown', line: 23, endLine: 23},
    },
    {
      id: 'title:classic-meets-modern-a-pragmatic-learning-based-congestion-4140acf5',
      title: 'Classic Meets Modern: a Pragmatic Learning-Based Congestion Control for the Internet',
      authors: [],
      links: [{url: 'https://github.com/Soheil-ab/Orca', role: 'code'}],
      venue: 'SIGCOMM',
      year: 2020,
      section: ['Congestion Control'],
      source: {format: 'markdown', line: 24, endLine: 24},
    },
    {
      id: 'title:pantheon-the-training-ground-for-internet-congestion-control-f7924b0f',
      title: 'Pantheon: the training ground for Internet congestion-control research',
      authors: [],
      links: [
        {url: 'https://www.usenix.org/conference/atc18/presentation/yan-francis', role: 'abstract'},
        {url: 'https://github.com/StanfordSNR/pantheon', role: 'code'},
      ],
      metrics: {stars: 1200},
      section: ['Congestion Control'],
      source: {format: 'markdown', line: 25, endLine: 25},
    },
    {
      id: 'title:learning-in-situ-a-randomized-experiment-in-video-e7cb238e',
      title: '"Learning in situ": a randomized experiment in video streaming',
      authors: [],
      links: [
        {url: 'https://www.usenix.org/conference/nsdi20/presentation/yan', role: 'abstract'},
        {url: 'https://github.com/StanfordSNR/puffer', role: 'code'},
      ],
      venue: 'NSDI',
      year: 2020,
      section: ['Congestion Control'],
      source: {format: 'markdown', line: 26, endLine: 26},
    },
    ])
  })

  test('should account for every skipped block and line, never silently', () => {
    expect(codes(result.messages)).toEqual([
      ['noise-line', 3, 5],
      ['noise-line', 7, 7],
      ['noise-line', 9, 9],
      ['not-a-paper', 13, 13],
      ['not-a-paper', 14, 14],
      ['not-a-paper', 15, 15],
      ['not-a-paper', 16, 16],
      ['noise-line', 20, 20],
      ['unsafe-link', 24, 24],
      ['not-a-paper', 27, 27],
      ['noise-line', 29, 31],
      ['not-a-paper', 35, 35],
      ['not-a-paper', 36, 36],
      ['duplicate-paper', 37, 37],
      ['not-a-paper', 41, 41],
      ['not-a-paper', 42, 42],
      ['not-a-paper', 46, 46],
      ['not-a-paper', 47, 47],
      ['noise-line', 51, 51],
      ['noise-line', 53, 56],
      ['not-a-paper', 58, 58],
      ['not-a-paper', 59, 59],
      ['noise-line', 63, 68],
      ['noise-line', 72, 72],
    ])
    const reasons = result.messages.map((m) => m.reason)
    expect(reasons).toContain('Link to another list "Awesome Machine Learning"; skipped')
    expect(reasons).toContain('No link, venue or authors for "Learn to route, hotnets"; skipped')
    expect(reasons).toContain('No link, venue or authors for "CS2P"; skipped')
    expect(reasons).toContain('Link to a repository "Mahimahi", not a paper; skipped')
    expect(reasons).toContain('Link "ns-3" is not a paper; skipped')
    // The `# regenerate …` line inside the fenced code block is not a heading.
    expect(result.messages.find((m) => m.line === 58)?.reason).toBe('"Fork the repository" under "Contributing"; skipped')
    expect(result.messages.find((m) => m.code === 'unsafe-link')).toMatchObject({severity: 'warning', line: 24})
  })
})

describe('markdown: titles and records', () => {
  const all = fixtureNames.flatMap((name) => read(markdown(name)).papers)

  test('should produce clean titles', () => {
    for (const {title} of all) {
      expect(title).toBe(title.trim())
      expect(title).not.toMatch(/\*\*|__|^[-*+]\s|^\d+[.)]\s|\s{2}|[\[\]]|\.$|:\w+:|[\u{1F300}-\u{1FAFF}\u{2600}-\u{27BF}]|<!--|[“”‘’]/u)
    }
  })

  test('should survive a JSON round trip through PaperSchema unchanged', () => {
    for (const paper of all) expect(PaperSchema.parse(JSON.parse(JSON.stringify(paper)))).toEqual(paper)
  })

  test('should read its own JSON Lines output back to the same records', () => {
    for (const name of fixtureNames) {
      const {papers} = read(markdown(name))
      const jsonl = papers.map((paper) => JSON.stringify(paper)).join('\n') + '\n'
      const back = parse(jsonl, {format: 'jsonl'})
      expect(back.papers).toEqual(papers)
    }
  })

  test('should give the same papers and messages for any chunking of the stream', async () => {
    for (const name of ['awesome-diffusion', 'reference-links', 'details-and-quotes']) {
      const text = markdown(name)
      const chunks: string[] = []
      for (let i = 0; i < text.length; i += 37) chunks.push(text.slice(i, i + 37))
      const messages: ParseMessage[] = []
      const papers: Paper[] = []
      for await (const paper of parseStream(chunks, {format: 'markdown', onMessage: (m) => messages.push(m)})) papers.push(paper)
      const batch = read(text)
      expect(papers).toEqual(batch.papers)
      expect(messages).toEqual(batch.messages)
    }
  })

  test('should read CRLF input the same', () => {
    const text = markdown('awesome-diffusion')
    expect(read(text.replace(/\n/g, '\r\n')).papers).toEqual(read(text).papers)
  })
})

describe('markdown: a large list', () => {
  const text = markdown('large-list')
  const lines = text.split('\n')
  const result = read(text)

  /** Entries counted from the source by shape, without remark. */
  function countEntries(): number {
    let count = 0
    for (const line of lines) {
      if (/^(?:[-*+]|\d+\.) .*(?:\]\(https?:|\]\[)/.test(line)) count++ // bullets with a link or reference
      else if (/^(?:[-*+]|\d+\.) \[[^\]]*$/.test(line)) count++ // a link whose text wraps to the next line
      else if (/^\| (?!Title \|)/.test(line)) count++ // table rows, not the header
      else if (/^\*\*.+\*\* \\$/.test(line)) count++ // diffusion blocks
    }
    return count
  }

  test('should lose no entry', () => {
    const expected = countEntries()
    expect(expected).toBeGreaterThanOrEqual(300)
    expect(result.papers).toHaveLength(expected)
    expect(result.messages.filter((m) => m.code !== 'noise-line' && m.code !== 'not-a-paper')).toEqual([])
    expect(new Set(result.papers.map((p) => p.id)).size).toBe(expected)
  })

  test('should account for the table of contents and "Contributing"', () => {
    const toc = lines.filter((line) => /^- \[[^\]]+\]\(#/.test(line)).length
    const notPapers = result.messages.filter((m) => m.code === 'not-a-paper')
    expect(notPapers).toHaveLength(toc + 2)
  })

  test('should point source.line at the line holding the title', () => {
    for (const paper of result.papers) {
      const block = lines.slice(paper.source.line - 1, paper.source.endLine).join(' ').replace(/\s+/g, ' ')
      expect(block).toContain(paper.title)
      expect(lines[paper.source.line - 1]).toContain(paper.title.split(' ')[0])
    }
  })

  test('should resolve references defined at the bottom, holding those entries to the end', () => {
    const definitions = new Map<string, string>()
    for (const line of lines) {
      const match = /^\[(ref-\d+)\]: (\S+)$/.exec(line)
      if (match) definitions.set(match[1]!, match[2]!)
    }
    const referenced = lines.flatMap((line, index) => {
      const match = /\[paper\]\[(ref-\d+)\]$/.exec(line)
      return match ? [{line: index + 1, url: definitions.get(match[1]!)}] : []
    })
    expect(referenced.length).toBeGreaterThan(50)
    for (const {line, url} of referenced) {
      expect(result.papers.find((p) => p.source.line === line)?.links).toEqual([{url, role: 'abstract'}])
    }
    // The first of them comes out after entries that follow it in the file.
    const first = result.papers.findIndex((p) => p.source.line === referenced[0]!.line)
    expect(result.papers.slice(0, first).some((p) => p.source.line > referenced[0]!.line)).toBe(true)
  })

  test('should attach summaries from <details> and block quotes', () => {
    const withAbstract = result.papers.filter((p) => p.abstract)
    const summaries = lines.filter((line) => /^ {2}> /.test(line)).length + lines.filter((line) => /^ {2}<details>/.test(line)).length
    expect(withAbstract).toHaveLength(summaries)
  })
})

describe('markdown: bounded sections', () => {
  // Real titles, repeated: ~400 KB without a single heading, so the parser must split
  // the list and a table inside it on its own.
  const names = [
    'Attention Is All You Need',
    'Deep Residual Learning for Image Recognition',
    'Graph Attention Networks',
    'Denoising Diffusion Probabilistic Models',
    'Switch Transformers: Scaling to Trillion Parameter Models with Simple and Efficient Sparsity',
  ]
  const bullets = Array.from({length: 2000}, (_, i) => `- [${names[i % names.length]} (part ${i})](https://example.org/${i}) - NeurIPS 2020`)
  const rows = Array.from({length: 2000}, (_, i) => `| ${names[i % names.length]} (row ${i}) | ICLR 2021 | [code](https://github.com/o/r${i}) |`)
  const text = ['# List', '', ...bullets, '', '| Title | Venue | Code |', '|---|---|---|', ...rows, ''].join('\n')
  const result = read(text)

  test('should read every bullet and every row, with the table header carried across splits', () => {
    expect(result.messages).toEqual([])
    expect(result.papers).toHaveLength(4000)
    const lastRow = result.papers[3999]
    expect(lastRow).toMatchObject({
      title: 'Switch Transformers: Scaling to Trillion Parameter Models with Simple and Efficient Sparsity (row 1999)',
      venue: 'ICLR',
      year: 2021,
      links: [{url: 'https://github.com/o/r1999', role: 'code'}],
      source: {line: 4005, endLine: 4005},
    })
    // Bullets start at line 3; rows at line 2006, after the blank line, header and delimiter.
    expect(result.papers.every((p, i) => p.source.line === (i < 2000 ? i + 3 : i + 6))).toBe(true)
    // A row read without its header would be a paragraph without venue or code column.
    expect(result.papers.slice(2000).every((p) => p.venue === 'ICLR' && p.links[0]?.role === 'code')).toBe(true)
  })
})

describe('markdown: small shapes', () => {
  test('should read a bullet with a sub-list of notes, abstract and code', () => {
    const text = [
      '## Week 1',
      '',
      '- Attention Is All You Need',
      '  - Ashish Vaswani, Noam Shazeer, Niki Parmar, Jakob Uszkoreit, Llion Jones, Aidan N. Gomez, Łukasz Kaiser, Illia Polosukhin',
      '  - NeurIPS 2017',
      '  - code: https://github.com/tensorflow/tensor2tensor',
      '  - Abstract: The Transformer relies on attention alone, without recurrence or convolutions.',
      '  - Keywords: transformer, attention',
    ].join('\n')
    expect(read(text).papers).toEqual([
      {
        id: 'title:attention-is-all-you-need-74a395cd',
        title: 'Attention Is All You Need',
        abstract: 'The Transformer relies on attention alone, without recurrence or convolutions.',
        authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar', 'Jakob Uszkoreit', 'Llion Jones', 'Aidan N. Gomez', 'Łukasz Kaiser', 'Illia Polosukhin'],
        links: [{url: 'https://github.com/tensorflow/tensor2tensor', role: 'code'}],
        venue: 'NeurIPS',
        year: 2017,
        keywords: ['transformer', 'attention'],
        section: ['Week 1'],
        source: {format: 'markdown', line: 3, endLine: 8},
      },
    ])
  })

  test('should take a category bullet as a section for the papers under it', () => {
    const text = [
      '# Papers',
      '',
      '## 2023',
      '',
      '- **Video generation**',
      '  - [Align your Latents: High-Resolution Video Synthesis with Latent Diffusion Models](https://arxiv.org/abs/2304.08818) - CVPR 2023',
      '  - [Stable Video Diffusion: Scaling Latent Video Diffusion Models to Large Datasets](https://arxiv.org/abs/2311.15127)',
    ].join('\n')
    expect(read(text).papers.map((p) => [p.title, p.section, p.source.line])).toEqual([
      ['Align your Latents: High-Resolution Video Synthesis with Latent Diffusion Models', ['2023', 'Video generation'], 6],
      ['Stable Video Diffusion: Scaling Latent Video Diffusion Models to Large Datasets', ['2023', 'Video generation'], 7],
    ])
  })

  test('should use a bold line as a pseudo-heading', () => {
    const text = ['## Congestion Control', '', '**Publication**', '', '- TCP ex Machina: Computer-Generated Congestion Control, SIGCOMM 2013', '', '**arXiv**', '', '- [A Deep Reinforcement Learning Perspective on Internet Congestion Control](https://arxiv.org/abs/1810.03259)'].join('\n')
    expect(read(text).papers.map((p) => p.section)).toEqual([
      ['Congestion Control', 'Publication'],
      ['Congestion Control', 'arXiv'],
    ])
  })

  test('should read `[paper]` links to PDFs on github.com as pdf and github.io pages as projects', () => {
    const text = '- Neural Adaptive Video Streaming with Pensieve, SIGCOMM\'17 [[paper](https://github.com/hongzimao/pensieve/blob/master/paper.pdf)] [[code](https://github.com/hongzimao/pensieve)] [[project](https://hongzimao.github.io/pensieve/)]'
    expect(read(text).papers[0]?.links).toEqual([
      {url: 'https://github.com/hongzimao/pensieve/blob/master/paper.pdf', role: 'pdf'},
      {url: 'https://github.com/hongzimao/pensieve', role: 'code'},
      {url: 'https://hongzimao.github.io/pensieve/', role: 'project'},
    ])
  })

  test('should skip YAML front matter with a message', () => {
    const text = ['---', 'title: Reading list', 'layout: page', '---', '', '- [Graph Attention Networks](https://arxiv.org/abs/1710.10903) - ICLR 2018'].join('\n')
    const result = read(text)
    expect(codes(result.messages)).toEqual([['noise-line', 1, 4]])
    expect(result.papers.map((p) => [p.title, p.source.line])).toEqual([['Graph Attention Networks', 6]])
  })

  test('should read a document that starts with a `---` rule, not front matter', () => {
    const text = ['---', '## Models', '', '- [Graph Attention Networks](https://arxiv.org/abs/1710.10903) - ICLR 2018', '', '---', ''].join('\n')
    const result = read(text)
    expect(result.messages).toEqual([])
    expect(result.papers.map((p) => [p.title, p.section, p.source.line])).toEqual([['Graph Attention Networks', ['Models'], 4]])
  })

  test('should not split at a heading inside a fenced code block or an HTML comment', () => {
    const text = ['## Models', '', '```sh', '# not a heading', '```', '', '<!--', '# also not a heading', '-->', '', '- [Graph Attention Networks](https://arxiv.org/abs/1710.10903) - ICLR 2018'].join('\n')
    const result = read(text)
    expect(result.papers[0]?.section).toEqual(['Models'])
    expect(codes(result.messages)).toEqual([
      ['noise-line', 3, 5],
      ['noise-line', 7, 9],
    ])
  })

  test('should take a later level-1 heading followed by prose as a title, and one followed by entries as a section', () => {
    const text = [
      '# Awesome GNN',
      '',
      '- [Graph Attention Networks](https://arxiv.org/abs/1710.10903) - ICLR 2018',
      '',
      '# Awesome Diffusion',
      '',
      'A second list pasted below the first.',
      '',
      '- [Denoising Diffusion Probabilistic Models](https://arxiv.org/abs/2006.11239) - NeurIPS 2020',
      '',
      '# 2023',
      '',
      '- [Consistency Models](https://arxiv.org/abs/2303.01469) - ICML 2023',
    ].join('\n')
    expect(read(text).papers.map((p) => [p.title, p.section])).toEqual([
      ['Graph Attention Networks', undefined],
      ['Denoising Diffusion Probabilistic Models', undefined],
      ['Consistency Models', ['2023']],
    ])
  })

  test('should resolve `[[PPoPP2022]][label]` (one level of brackets in the text) against the document', () => {
    const parts: Part[] = [{kind: 'text', value: 'Pre-Trained Models[[PPoPP2022]][fastermoe] [code][x] [slides]', line: 1}]
    const definitions = new Map([
      ['fastermoe', {url: 'https://dl.acm.org/doi/10.1145/3503221.3508418'}],
      ['x', {url: 'https://github.com/thu-pacman/FasterMoE'}],
    ])
    expect(resolveParts(parts, definitions, false)).toEqual({
      pending: true, // `[slides]` may be defined later
      parts: [
        {kind: 'text', value: 'Pre-Trained Models', line: 1},
        {kind: 'link', text: '[PPoPP2022]', url: 'https://dl.acm.org/doi/10.1145/3503221.3508418', strong: false, line: 1},
        {kind: 'text', value: ' ', line: 1},
        {kind: 'link', text: 'code', url: 'https://github.com/thu-pacman/FasterMoE', strong: false, line: 1},
        {kind: 'text', value: ' [slides]', line: 1},
      ],
    })
    expect(resolveParts(parts, definitions, true).pending).toBe(false)
  })
})

describe('markdown: hostile input stays bounded', () => {
  test('should skip a block too dense in brackets for remark, with a warning, and keep the rest', () => {
    const text = ['## Papers', '', '- [Graph Attention Networks](https://arxiv.org/abs/1710.10903) - ICLR 2018', '', '- ' + ']'.repeat(50_000), '', '- [Consistency Models](https://arxiv.org/abs/2303.01469) - ICML 2023'].join('\n')
    const started = performance.now()
    const result = read(text)
    expect(performance.now() - started).toBeLessThan(5_000)
    expect(result.papers.map((p) => p.title)).toEqual(['Graph Attention Networks', 'Consistency Models'])
    expect(result.messages).toMatchObject([{code: 'noise-line', severity: 'warning', line: 5}])
  })

  test('should skip a line too long for an entry, with a warning', () => {
    const text = ['- [Graph Attention Networks](https://arxiv.org/abs/1710.10903) - ICLR 2018', '- [Consistency Models](https://arxiv.org/abs/2303.01469) ' + '1,'.repeat(50_000) + 'x'].join('\n')
    const result = read(text)
    expect(result.papers.map((p) => p.title)).toEqual(['Graph Attention Networks'])
    expect(result.messages).toMatchObject([{code: 'noise-line', severity: 'warning', line: 2, reason: 'Line of 100058 characters is too long for a markdown entry; skipped'}])
  })

  test('should keep every entry of a list nested deeper than the indentation bound', () => {
    // Linked titles: a nested linked title is a paper of its own (a text line would be a detail).
    const text = Array.from({length: 60}, (_, i) => `${'  '.repeat(i)}- [Graph Attention Networks (part ${i})](https://openreview.net/forum?id=rJXMpikCZ)`).join('\n')
    const result = read(text)
    expect(result.papers.map((p) => p.source.line)).toEqual(Array.from({length: 60}, (_, i) => i + 1))
  })

  test.each([
    ['deep quotes', '>'.repeat(19_000) + ' [Graph Attention Networks](https://arxiv.org/abs/1710.10903) - ICLR 2018'],
    ['lists nested 9,000 deep on one line', '- '.repeat(9_000) + '[Graph Attention Networks](https://arxiv.org/abs/1710.10903) - ICLR 2018'],
    ['quotes and lists nested 4,500 deep on one line', '> - '.repeat(4_500) + 'Graph Attention Networks, ICLR 2018'],
    ['a 500-deep indented list', Array.from({length: 500}, (_, i) => `${'  '.repeat(i)}- [Graph Attention Networks ${i}](https://arxiv.org/abs/1710.10903)`).join('\n')],
    ['a deep staircase of lists', Array.from({length: 400}, (_, i) => ' '.repeat(i * 2) + '- Graph Attention Networks, ICLR 2018').join('\n')],
    ['many separators', '- Snort ' + ' - Lightweight'.repeat(20_000)],
    ['a long run of closing brackets in a title', '- [' + 'a]'.repeat(400) + '](https://arxiv.org/abs/1710.10903)'],
  ])('should not throw or hang on %s', (_name, text) => {
    const started = performance.now()
    expect(() => read(text)).not.toThrow()
    expect(performance.now() - started).toBeLessThan(10_000)
  })
})
