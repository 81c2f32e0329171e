import {readFileSync} from 'node:fs'
import {describe, expect, test} from 'vitest'
import {parse, PaperSchema, type Paper, type ParseMessage} from '../../src/index.js'

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')

/** `[code, line]` of each message, in the order reported. */
const codes = (messages: readonly ParseMessage[]) => messages.map((m) => [m.code, m.line])

function expectValid(papers: readonly Paper[]) {
  for (const paper of papers) expect(PaperSchema.safeParse(paper).success).toBe(true)
}

describe('plain-text: fixtures/trending-papers.txt', () => {
  const text = fixture('trending-papers.txt')
  const result = parse(text)
  const lines = text.split('\n')
  // Five header lines, then title / blank / abstract entries.
  const entries: Array<{title: string; titleLine: number; abstract: string; abstractLine: number}> = []
  const data = lines.map((line, index) => ({line: line.trim(), number: index + 1})).filter((l) => l.line.length > 0)
  for (let i = 5; i < data.length; i += 2) {
    entries.push({title: data[i]!.line, titleLine: data[i]!.number, abstract: data[i + 1]!.line, abstractLine: data[i + 1]!.number})
  }

  test('should read exactly 71 papers as plain text', () => {
    expect(result.format).toBe('plain-text')
    expect(entries).toHaveLength(71)
    expect(result.papers).toHaveLength(71)
    expectValid(result.papers)
  })

  test('should take every title line as the title and every abstract line as the complete abstract', () => {
    expect(result.papers.map((p) => p.title)).toEqual(entries.map((e) => e.title))
    expect(result.papers.map((p) => p.abstract)).toEqual(entries.map((e) => e.abstract))
    expect(result.papers.map((p) => [p.source.line, p.source.endLine])).toEqual(entries.map((e) => [e.titleLine, e.abstractLine]))
    expect(result.papers.every((p) => p.authors.length === 0)).toBe(true)
  })

  test('should skip the page chrome with one info message each, and make no paper of it', () => {
    expect(result.messages.map((m) => [m.code, m.severity, m.line])).toEqual([
      ['noise-line', 'info', 1],
      ['noise-line', 'info', 3],
      ['noise-line', 'info', 5],
      ['noise-line', 'info', 7],
      ['noise-line', 'info', 9],
    ])
    const chrome = ['new', 'Get trending papers in your email inbox!', 'Subscribe', 'byAK and the research community', 'Mar 11']
    for (const paper of result.papers) expect(chrome).not.toContain(paper.title)
  })

  test('should make every GitHub URL of an abstract a code link', () => {
    let seen = 0
    for (const paper of result.papers) {
      const urls = paper.abstract?.match(/https:\/\/github\.com\/[\w.-]+\/[\w.-]+/g) ?? []
      for (const url of urls) {
        const bare = url.replace(/\.$/, '')
        expect(paper.links).toContainEqual({url: bare, role: 'code'})
        seen++
      }
    }
    expect(seen).toBeGreaterThanOrEqual(15)
  })

  test('should read PC-DARTS exactly', () => {
    expect(result.papers[0]).toEqual({
      id: 'title:pc-darts-partial-channel-connections-for-memory-efficient-8aef9c77',
      title: 'PC-DARTS: Partial Channel Connections for Memory-Efficient Architecture Search',
      abstract:
        'Differentiable architecture search (DARTS) provided a fast solution in finding effective network architectures, but suffered from large memory and computing overheads in jointly training a super-network and searching for an optimal architecture. In this paper, we present a novel approach, namely, Partially-Connected DARTS, by sampling a small part of super-network to reduce the redundancy in exploring the network space, thereby performing a more efficient search without comprising the performance. In particular, we perform operation search in a subset of channels while bypassing the held out part in a shortcut. This strategy may suffer from an undesired inconsistency on selecting the edges of super-net caused by sampling different channels. We alleviate it using edge normalization, which adds a new set of edge-level parameters to reduce uncertainty in search. Thanks to the reduced memory cost, PC-DARTS can be trained with a larger batch size and, consequently, enjoys both faster speed and higher training stability. Experimental results demonstrate the effectiveness of the proposed method. Specifically, we achieve an error rate of 2.57% on CIFAR10 with merely 0.1 GPU-days for architecture search, and a state-of-the-art top-1 error rate of 24.2% on ImageNet (under the mobile setting) using 3.8 GPU-days for search. Our code has been made available at: https://github.com/yuhuixu1993/PC-DARTS.',
      authors: [],
      links: [{url: 'https://github.com/yuhuixu1993/PC-DARTS', role: 'code'}],
      source: {format: 'plain-text', line: 11, endLine: 13},
    } satisfies Paper)
  })

  test('should read FiTv2 exactly, with the code URL in the middle of its abstract', () => {
    expect(result.papers[5]).toEqual({
      id: 'title:fitv2-scalable-and-improved-flexible-vision-transformer-for-14aaeabd',
      title: 'FiTv2: Scalable and Improved Flexible Vision Transformer for Diffusion Model',
      abstract: lines[32],
      authors: [],
      links: [{url: 'https://github.com/whlzy/FiT', role: 'code'}],
      source: {format: 'plain-text', line: 31, endLine: 33},
    } satisfies Paper)
    expect(lines[32]).toMatch(/^Nature is infinitely resolution-free\. .* arbitrary-resolution image generation\.$/)
  })
})

describe('plain-text: fixtures/plain-text/hf-daily-page.txt', () => {
  const result = parse(fixture('plain-text/hf-daily-page.txt'))

  test('should read the five cards and nothing of the page chrome', () => {
    expect(result.format).toBe('plain-text')
    expectValid(result.papers)
    expect(result.papers.map((p) => p.title)).toEqual([
      'Transformers are SSMs: Generalized Models and Efficient Algorithms Through Structured State Space Duality',
      'KAN: Kolmogorov-Arnold Networks',
      'The Road Less Scheduled',
      'Grokked Transformers are Implicit Reasoners: A Mechanistic Journey to the Edge of Generalization',
      'Better & Faster Large Language Models via Multi-token Prediction',
    ])
    expect(result.messages.map((m) => [m.code, m.severity, m.line])).toEqual([
      ['noise-line', 'info', 1],
      ['noise-line', 'info', 3],
      ['noise-line', 'info', 5],
      ['noise-line', 'info', 6],
      ['noise-line', 'info', 8],
      ['noise-line', 'info', 9],
      ['noise-line', 'info', 10],
    ])
  })

  test('should put upvotes, stars, comments and the publication date on the card they belong to', () => {
    expect(result.papers.map((p) => [p.metrics, p.published, p.year])).toEqual([
      [{upvotes: 53, stars: 12_100, comments: 4}, '2024-05-31', 2024],
      [{upvotes: 121, stars: 14_800, comments: 21}, '2024-04-30', 2024],
      [{upvotes: 31, stars: 1900, comments: 2}, '2024-05-24', 2024],
      [{upvotes: 18}, '2024-05-23', 2024],
      [{upvotes: 44, comments: 3}, '2024-04-30', 2024],
    ])
  })

  test('should read the authors of every card, whether on one line or one per line', () => {
    expect(result.papers.map((p) => p.authors)).toEqual([
      ['Tri Dao', 'Albert Gu'],
      ['Ziming Liu', 'Yixuan Wang', 'Sachin Vaidya', 'Fabian Ruehle', 'James Halverson', 'Marin Soljačić', 'Thomas Y. Hou', 'Max Tegmark'],
      ['Aaron Defazio', 'Xingyu Alice Yang', 'Harsh Mehta', 'Konstantin Mishchenko', 'Ahmed Khaled', 'Ashok Cutkosky'],
      ['Boshi Wang', 'Xiang Yue', 'Yu Su', 'Huan Sun'],
      ['Fabian Gloeckle', 'Badr Youbi Idrissi', 'Baptiste Rozière', 'David Lopez-Paz', 'Gabriel Synnaeve'],
    ])
  })

  test('should read a full card exactly', () => {
    expect(result.papers[0]).toEqual({
      id: 'title:transformers-are-ssms-generalized-models-and-efficient-algor-79857208',
      title: 'Transformers are SSMs: Generalized Models and Efficient Algorithms Through Structured State Space Duality',
      abstract:
        "Transformers and state-space models such as Mamba are usually studied as separate families, but this work shows that both are tied together through structured semiseparable matrices and their decompositions. Building on this state space duality, the authors design Mamba-2, whose core layer runs 2-8x faster than Mamba's selective scan while staying competitive with Transformers on language modeling. Code: https://github.com/state-spaces/mamba.",
      authors: ['Tri Dao', 'Albert Gu'],
      links: [{url: 'https://github.com/state-spaces/mamba', role: 'code'}],
      published: '2024-05-31',
      year: 2024,
      metrics: {upvotes: 53, stars: 12_100, comments: 4},
      source: {format: 'plain-text', line: 15, endLine: 24},
    } satisfies Paper)
  })

  test('should read a card whose authors come one per line with `,` lines between', () => {
    expect(result.papers[1]).toEqual({
      id: 'title:kan-kolmogorov-arnold-networks-6f02eb03',
      title: 'KAN: Kolmogorov-Arnold Networks',
      abstract:
        'Inspired by the Kolmogorov-Arnold representation theorem, KANs put learnable activation functions on the edges of the network instead of fixed activations on its nodes, each one parametrized as a spline, and drop linear weights altogether. On small data-fitting and PDE problems much smaller KANs match or beat larger MLPs, and because they can be visualized and edited they help scientists rediscover mathematical and physical laws.',
      authors: ['Ziming Liu', 'Yixuan Wang', 'Sachin Vaidya', 'Fabian Ruehle', 'James Halverson', 'Marin Soljačić', 'Thomas Y. Hou', 'Max Tegmark'],
      links: [],
      published: '2024-04-30',
      year: 2024,
      metrics: {upvotes: 121, stars: 14_800, comments: 21},
      source: {format: 'plain-text', line: 29, endLine: 52},
    } satisfies Paper)
  })

  test('should read a card without comment count and GitHub widget', () => {
    expect(result.papers[3]).toEqual({
      id: 'title:grokked-transformers-are-implicit-reasoners-a-mechanistic-jo-5d4b8fae',
      title: 'Grokked Transformers are Implicit Reasoners: A Mechanistic Journey to the Edge of Generalization',
      abstract:
        'The paper asks whether transformers can learn to reason implicitly over knowledge stored in their parameters, and finds that they can, but only through grokking, that is, training far beyond the point of overfitting. Composition and comparison behave differently, and an analysis of the circuits formed during training explains why.',
      authors: ['Boshi Wang', 'Xiang Yue', 'Yu Su', 'Huan Sun'],
      links: [],
      published: '2024-05-23',
      year: 2024,
      metrics: {upvotes: 18},
      source: {format: 'plain-text', line: 71, endLine: 77},
    } satisfies Paper)
  })

  test('should read the code links of the abstracts', () => {
    expect(result.papers.map((p) => p.links)).toEqual([
      [{url: 'https://github.com/state-spaces/mamba', role: 'code'}],
      [],
      [{url: 'https://github.com/facebookresearch/schedule_free', role: 'code'}],
      [],
      [],
    ])
  })
})

describe('plain-text: fixtures/plain-text/accept-list.txt', () => {
  const result = parse(fixture('plain-text/accept-list.txt'))
  const neurips = 'NeurIPS 2023 Accepted Papers'
  const iccv = 'ICCV 2023 Open Access Repository'

  test('should read nine papers with authors and no abstracts, under their session headings', () => {
    expect(result.format).toBe('plain-text')
    expectValid(result.papers)
    expect(result.papers.map((p) => [p.title, p.section, p.authors.length, p.source.line])).toEqual([
      ['Direct Preference Optimization: Your Language Model is Secretly a Reward Model', [neurips, 'Oral Session 3'], 6, 5],
      ['QLoRA: Efficient Finetuning of Quantized LLMs', [neurips, 'Oral Session 3'], 4, 8],
      ['Tree of Thoughts: Deliberate Problem Solving with Large Language Models', [neurips, 'Oral Session 3'], 7, 11],
      ['Visual Instruction Tuning', [neurips, 'Poster'], 4, 16],
      ['Reflexion: Language Agents with Verbal Reinforcement Learning', [neurips, 'Poster'], 5, 19],
      ['Toolformer: Language Models Can Teach Themselves to Use Tools', [neurips, 'Poster'], 8, 22],
      ['Segment Anything', [iccv], 12, 27],
      ['Adding Conditional Control to Text-to-Image Diffusion Models', [iccv], 3, 30],
      ['Scalable Diffusion Models with Transformers', [iccv], 2, 33],
    ])
    expect(result.papers.some((p) => p.abstract !== undefined)).toBe(false)
  })

  test('should report headings as not-a-paper and link labels as noise, and no missing abstract', () => {
    expect(result.messages.map((m) => [m.code, m.severity, m.line])).toEqual([
      ['not-a-paper', 'info', 1],
      ['not-a-paper', 'info', 3],
      ['not-a-paper', 'info', 14],
      ['not-a-paper', 'info', 25],
      ['noise-line', 'info', 29],
      ['noise-line', 'info', 32],
      ['noise-line', 'info', 35],
    ])
  })

  test('should split NeurIPS authors on ` · `', () => {
    expect(result.papers[0]).toEqual({
      id: 'title:direct-preference-optimization-your-language-model-is-secret-b0369746',
      title: 'Direct Preference Optimization: Your Language Model is Secretly a Reward Model',
      authors: ['Rafael Rafailov', 'Archit Sharma', 'Eric Mitchell', 'Christopher D Manning', 'Stefano Ermon', 'Chelsea Finn'],
      links: [],
      section: [neurips, 'Oral Session 3'],
      source: {format: 'plain-text', line: 5, endLine: 6},
    } satisfies Paper)
  })

  test('should read a title that looks like a name right after a heading as a title', () => {
    expect(result.papers[3]).toEqual({
      id: 'title:visual-instruction-tuning-d9d82846',
      title: 'Visual Instruction Tuning',
      authors: ['Haotian Liu', 'Chunyuan Li', 'Qingyang Wu', 'Yong Jae Lee'],
      links: [],
      section: [neurips, 'Poster'],
      source: {format: 'plain-text', line: 16, endLine: 17},
    } satisfies Paper)
  })

  test('should read CVF entries: comma-separated authors, then a line of link labels', () => {
    expect(result.papers[6]).toEqual({
      id: 'title:segment-anything-37612b50',
      title: 'Segment Anything',
      authors: [
        'Alexander Kirillov',
        'Eric Mintun',
        'Nikhila Ravi',
        'Hanzi Mao',
        'Chloe Rolland',
        'Laura Gustafson',
        'Tete Xiao',
        'Spencer Whitehead',
        'Alexander C. Berg',
        'Wan-Yen Lo',
        'Piotr Dollár',
        'Ross Girshick',
      ],
      links: [],
      section: [iccv],
      source: {format: 'plain-text', line: 27, endLine: 28},
    } satisfies Paper)
    expect(result.papers[8]).toEqual({
      id: 'title:scalable-diffusion-models-with-transformers-d46337ad',
      title: 'Scalable Diffusion Models with Transformers',
      authors: ['William Peebles', 'Saining Xie'],
      links: [],
      section: [iccv],
      source: {format: 'plain-text', line: 33, endLine: 34},
    } satisfies Paper)
  })
})

describe('plain-text: fixtures/plain-text/wrapped-abstracts.txt', () => {
  const result = parse(fixture('plain-text/wrapped-abstracts.txt'))

  test('should read six papers, joining wrapped lines and paragraphs, with no messages', () => {
    expect(result.format).toBe('plain-text')
    expectValid(result.papers)
    expect(result.messages).toEqual([])
    expect(result.papers.map((p) => [p.title, p.authors, p.source.line, p.source.endLine])).toEqual([
      ['Deep Residual Learning for Image Recognition', ['Kaiming He', 'Xiangyu Zhang', 'Shaoqing Ren', 'Jian Sun'], 1, 12],
      ['Adam: A Method for Stochastic Optimization', ['Diederik P. Kingma', 'Jimmy Ba'], 14, 23],
      ['Neural Architecture Search with Reinforcement Learning', [], 25, 32],
      ['DARTS: Differentiable Architecture Search', ['Hanxiao Liu', 'Karen Simonyan', 'Yiming Yang'], 34, 44],
      ['Semi-Supervised Classification with Graph Convolutional Networks', ['Thomas N. Kipf', 'Max Welling'], 46, 57],
      ['Denoising Diffusion Probabilistic Models', ['Jonathan Ho', 'Ajay Jain', 'Pieter Abbeel'], 59, 68],
    ])
    // Each abstract is its wrapped lines joined by one space: no line break, no glued words.
    const text = fixture('plain-text/wrapped-abstracts.txt').split('\n')
    for (const paper of result.papers) {
      const body = text.slice(paper.source.line, paper.source.endLine).filter((line) => line && line !== paper.authors.join(', '))
      expect(paper.abstract).toBe(body.join(' '))
    }
  })

  test('should read an abstract of two hard-wrapped paragraphs', () => {
    expect(result.papers[0]).toEqual({
      id: 'title:deep-residual-learning-for-image-recognition-3bc8c159',
      title: 'Deep Residual Learning for Image Recognition',
      abstract:
        'Deeper neural networks are harder to train. Instead of asking each stack of layers to fit a desired mapping directly, the authors let it fit a residual with respect to its input, which is added back through an identity shortcut. Such residual networks are easier to optimize and gain accuracy from considerably greater depth. ' +
        'On ImageNet an ensemble of residual nets up to 152 layers deep reaches 3.57% top-5 error and won the ILSVRC 2015 classification task; the same representations also bring large gains on COCO detection and segmentation.',
      authors: ['Kaiming He', 'Xiangyu Zhang', 'Shaoqing Ren', 'Jian Sun'],
      links: [],
      source: {format: 'plain-text', line: 1, endLine: 12},
    } satisfies Paper)
    expect(result.papers[4]!.abstract).toBe(
      'The paper proposes a scalable approach to semi-supervised learning on graph-structured data, based on an efficient variant of convolutional networks that operate directly on graphs. The layer-wise propagation rule follows from a first-order approximation of spectral graph convolutions, and its cost grows linearly with the number of graph edges. ' +
        'Hidden representations learned this way encode both the local graph structure and the features of the nodes. On citation networks and a knowledge graph dataset the model outperforms related methods by a significant margin.',
    )
  })

  test('should read an entry without an author line', () => {
    expect(result.papers[2]).toEqual({
      id: 'title:neural-architecture-search-with-reinforcement-learning-e93ebda2',
      title: 'Neural Architecture Search with Reinforcement Learning',
      abstract:
        'A recurrent network serves as a controller that writes down descriptions of neural networks, and it is trained with reinforcement learning so that the architectures it proposes reach high accuracy on a held-out validation set. Starting from scratch, the method designs a convolutional network for CIFAR-10 that rivals the best human-designed ones and a recurrent cell for Penn Treebank that outperforms the LSTM cell.',
      authors: [],
      links: [],
      source: {format: 'plain-text', line: 25, endLine: 32},
    } satisfies Paper)
  })

  test('should keep a short closing paragraph with a URL in the abstract, and its code link', () => {
    expect(result.papers[3]).toEqual({
      id: 'title:darts-differentiable-architecture-search-39710792',
      title: 'DARTS: Differentiable Architecture Search',
      abstract:
        'Architecture search is made differentiable by relaxing the discrete choice of an operation into a softmax over all candidate operations, so that the architecture can be optimized by gradient descent together with the network weights. The search takes a few GPU days instead of thousands and finds competitive convolutional cells for image classification and recurrent cells for language modeling. Our implementation is available at https://github.com/quark0/darts.',
      authors: ['Hanxiao Liu', 'Karen Simonyan', 'Yiming Yang'],
      links: [{url: 'https://github.com/quark0/darts', role: 'code'}],
      source: {format: 'plain-text', line: 34, endLine: 44},
    } satisfies Paper)
    // A URL wrapped onto a line of its own is still part of the abstract.
    expect(result.papers[5]!.links).toEqual([{url: 'https://github.com/hojonathanho/diffusion', role: 'code'}])
    expect(result.papers[5]!.abstract).toMatch(/ProgressiveGAN\. The implementation is at https:\/\/github\.com\/hojonathanho\/diffusion\.$/)
  })
})

describe('plain-text: fixtures/plain-text/messy.txt', () => {
  const raw = fixture('plain-text/messy.txt')
  const result = parse(raw)

  test('should be a real CRLF file with a BOM and tabs', () => {
    expect(raw.charCodeAt(0)).toBe(0xfeff)
    expect(raw).toContain('\r\n')
    expect(raw.replace(/\r\n/g, '')).not.toContain('\n')
    expect(raw).toContain('\t')
  })

  test('should read five papers; numbering, tabs, CR and BOM never reach a field', () => {
    expect(result.format).toBe('plain-text')
    expectValid(result.papers)
    expect(result.papers.map((p) => p.title)).toEqual([
      '"Why Should I Trust You?": Explaining the Predictions of Any Classifier',
      'High-Resolution Image Synthesis with Latent Diffusion Models',
      'Attention Is All You Need',
      "Don't Stop Pretraining: Adapt Language Models to Domains and Tasks",
      'Recent advances in physical reservoir computing: A review',
    ])
    expect(JSON.stringify(result.papers)).not.toMatch(/\\[rt]|\\ufeff|\uFEFF/i)
  })

  test('should report banners, chrome, the entry without abstract and the duplicate', () => {
    expect(result.messages.map((m) => [m.code, m.severity, m.line, m.endLine])).toEqual([
      ['noise-line', 'info', 1, undefined], // Unsubscribe | View in browser
      ['noise-line', 'info', 3, undefined], // newsletter title
      ['noise-line', 'info', 9, undefined], // Read more
      ['missing-abstract', 'warning', 21, undefined], // Don't Stop Pretraining
      ['noise-line', 'info', 32, undefined], // cookie line
      ['noise-line', 'info', 33, undefined], // © line
      ['missing-abstract', 'warning', 29, undefined], // the second "Attention Is All You Need", closed at the end
      ['duplicate-paper', 'warning', 29, 30],
    ])
    expect(result.messages.find((m) => m.code === 'duplicate-paper')!.reason).toContain('line 16')
  })

  test('should read smart quotes, a title with a list marker and a tab', () => {
    expect(result.papers[0]).toEqual({
      id: 'title:why-should-i-trust-you-explaining-the-predictions-c96caae2',
      title: '"Why Should I Trust You?": Explaining the Predictions of Any Classifier',
      abstract:
        'LIME explains the predictions of any classifier by fitting an interpretable model locally around a single prediction, and it picks a small set of representative explanations to give a global picture of the model. Experiments with simulated and human subjects show that the explanations help people decide whether to trust a prediction, choose between models and improve an untrustworthy one.',
      authors: ['Marco Tulio Ribeiro', 'Sameer Singh', 'Carlos Guestrin'],
      links: [],
      source: {format: 'plain-text', line: 5, endLine: 8},
    } satisfies Paper)
    expect(result.papers[1]!.authors).toEqual(['Robin Rombach', 'Andreas Blattmann', 'Dominik Lorenz', 'Patrick Esser', 'Björn Ommer'])
  })

  test('should merge the duplicate into the first entry, which gains its code link', () => {
    expect(result.papers[2]).toEqual({
      id: 'title:attention-is-all-you-need-74a395cd',
      title: 'Attention Is All You Need',
      abstract:
        'The Transformer drops recurrence and convolutions and relies on attention alone. It is more parallel and faster to train than earlier sequence transduction models, and it set a new state of the art on the WMT 2014 English-to-German and English-to-French translation tasks.',
      authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar', 'Jakob Uszkoreit', 'Llion Jones', 'Aidan N. Gomez', 'Łukasz Kaiser', 'Illia Polosukhin'],
      links: [{url: 'https://github.com/tensorflow/tensor2tensor', role: 'code'}],
      source: {format: 'plain-text', line: 16, endLine: 19},
    } satisfies Paper)
  })

  test('should read an entry without abstract and a long author line with a CJK name', () => {
    expect(result.papers[3]).toEqual({
      id: 'title:don-t-stop-pretraining-adapt-language-models-to-b25265b4',
      title: "Don't Stop Pretraining: Adapt Language Models to Domains and Tasks",
      authors: ['Suchin Gururangan', 'Ana Marasović', 'Swabha Swayamdipta', 'Kyle Lo', 'Iz Beltagy', 'Doug Downey', 'Noah A. Smith'],
      links: [],
      source: {format: 'plain-text', line: 21, endLine: 22},
    } satisfies Paper)
    expect(result.papers[4]).toEqual({
      id: 'title:recent-advances-in-physical-reservoir-computing-a-review-25da3ddf',
      title: 'Recent advances in physical reservoir computing: A review',
      abstract:
        'Reservoir computing trains only a simple readout on top of a fixed dynamical system, which makes it a natural fit for physical hardware. This review surveys reservoirs built from electronic, photonic, spintronic, mechanical and biological substrates and discusses what is still missing to make them practical.',
      authors: ['田中 剛平', 'Toshiyuki Yamane', 'Jean Benoit Héroux', 'Ryosho Nakane', 'Naoki Kanazawa', 'Seiji Takeda', 'Hidetoshi Numata', 'Daiju Nakano', 'Akira Hirose'],
      links: [],
      source: {format: 'plain-text', line: 24, endLine: 27},
    } satisfies Paper)
  })

  test('should read the same papers and messages from the LF text without BOM', () => {
    const clean = parse(raw.slice(1).replace(/\r\n/g, '\n'))
    expect(clean.papers).toEqual(result.papers)
    expect(clean.messages).toEqual(result.messages)
  })
})

describe('plain-text: small cases', () => {
  test('should attach a labelled link line to the entry above it', () => {
    const {papers} = parse('Mamba: Linear-Time Sequence Modeling with Selective State Spaces\nAlbert Gu, Tri Dao\nCode: https://github.com/state-spaces/mamba | Paper: https://arxiv.org/abs/2312.00752\n')
    expect(papers).toHaveLength(1)
    expect(papers[0]).toMatchObject({
      id: 'arxiv:2312.00752',
      arxivId: '2312.00752',
      authors: ['Albert Gu', 'Tri Dao'],
      links: [
        {url: 'https://github.com/state-spaces/mamba', role: 'code'},
        {url: 'https://arxiv.org/abs/2312.00752', role: 'abstract'},
      ],
      source: {line: 1, endLine: 3},
    })
  })

  test('should keep an abstract that talks about cookies and privacy policies', () => {
    const abstract = 'We study cookie consent banners and the privacy policy of ten thousand websites and find that most of them violate the law.'
    const {papers, messages} = parse(`Cookie Banners in the Wild\nAda Lovelace, Alan Turing\n\n${abstract}\n`)
    expect(papers.map((p) => [p.title, p.abstract])).toEqual([['Cookie Banners in the Wild', abstract]])
    expect(messages).toEqual([])
  })

  test('should not take a title that starts like a session word for a heading when it has authors', () => {
    const {papers, messages} = parse('Track Anything: Segment Anything Meets Videos\nJinyu Yang, Mingqi Gao, Zhe Li, Shang Gao, Fangjing Wang, Feng Zheng\n')
    expect(papers.map((p) => p.title)).toEqual(['Track Anything: Segment Anything Meets Videos'])
    expect(messages).toEqual([])
  })

  test('should give a card its metrics when Published and GitHub follow the abstract without a blank line', () => {
    const text = [
      'Submitted by',
      'akhaliq',
      'Upvote',
      '12',
      'Mamba: Linear-Time Sequence Modeling with Selective State Spaces',
      'Albert Gu, Tri Dao',
      '· 2 authors',
      '',
      'Mamba is a sequence model built from selective state spaces whose parameters depend on the input, so it can choose what to remember, and it scales linearly in sequence length.',
      'Published on Dec 1, 2023',
      'GitHub',
      '13.2k',
      'Submitted by',
      'taesiri',
      'Upvote',
      '7',
      'Vision Mamba: Efficient Visual Representation Learning with Bidirectional State Space Model',
      'Lianghui Zhu, Bencheng Liao, Qian Zhang, Xinlong Wang, Wenyu Liu, Xinggang Wang',
      '',
      'Vim replaces self-attention in a vision backbone with bidirectional Mamba blocks and position embeddings, and it matches DeiT while using much less memory on large images.',
    ].join('\n')
    const {papers} = parse(text)
    expect(papers.map((p) => [p.title, p.metrics, p.published ?? null, p.authors.length])).toEqual([
      ['Mamba: Linear-Time Sequence Modeling with Selective State Spaces', {upvotes: 12, stars: 13_200}, '2023-12-01', 2],
      ['Vision Mamba: Efficient Visual Representation Learning with Bidirectional State Space Model', {upvotes: 7}, null, 6],
    ])
  })
})
