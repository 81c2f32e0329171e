import {readFileSync} from 'node:fs'
import {describe, expect, test} from 'vitest'
import {
  classify,
  createClassifier,
  defaultTopics,
  fromJSON,
  learn,
  TopicRuleError,
  type Paper,
} from '../../src/index.js'
import {analyze} from '../../src/classify/text.js'

const paper = (title: string, abstract?: string): Paper => ({
  id: 'x',
  title,
  authors: [],
  links: [],
  source: {format: 'plain-text', line: 1, endLine: 1},
  ...(abstract ? {abstract} : {}),
})

describe('analyze', () => {
  test.each([
    ['Sparse Mixture-of-Experts for GNNs', ['spars', 'mixtur', 'of', 'expert', 'for', 'GNN']],
    ['ProxylessNAS on NAS-Bench-201', ['proxyless', 'NAS', 'on', 'NAS', 'bench', '201']],
    ['DiT and MoE, LoRA vs LoRa, 5G and P4', ['DiT', 'and', 'MoE', 'LoRA', 'vs', 'LoRa', '5G', 'and', 'P4']],
    ['ATTENTION IS ALL YOU NEED', ['attent', 'is', 'all', 'you', 'need']],
    ['networking networks', ['networking', 'network']],
    ['graph edges at the edge', ['graph', 'edges', 'at', 'the', 'edg']],
    ['IPv6 is no IP; production is no product', ['ipv6', 'is', 'no', 'IP', 'production', 'is', 'no', 'product']],
    ['GreedyNASv2, DARTSv2 and MoEv2 but MobileNetV3', ['greedi', 'NAS', 'DARTS', 'and', 'MoE', 'but', 'mobilenetv3']],
  ])('should normalise %j', (text, terms) => {
    expect(analyze(text)).toEqual(terms)
  })
})

describe('classify', () => {
  test('should find topics with evidence that carried them', () => {
    const result = classify(paper('DARTS: Differentiable Architecture Search'))
    expect(result.topics.map((t) => t.id)).toEqual(['nas'])
    const evidence = result.topics[0]!.evidence
    expect(evidence.some((e) => e.kind !== 'tfidf' && e.weight > 0 && e.field === 'title')).toBe(true)
  })

  test.each([
    ['Denoising Diffusion Probabilistic Models', ['diffusion']],
    ['Diffusion Tensor Imaging of White Matter Tracts', []],
    ['Semi-Supervised Classification with Graph Convolutional Networks', ['gnn']],
    ['Outrageously Large Neural Networks: The Sparsely-Gated Mixture-of-Experts Layer', ['moe']],
    ['BBR: Congestion-Based Congestion Control', ['networking']],
    ['Network-Attached Storage Performance in Small Offices', []],
    ['Deep Residual Learning for Image Recognition', []],
  ])('should classify %j', (title, topics) => {
    expect(classify(paper(title)).topics.map((t) => t.id)).toEqual(topics)
  })

  test('should explain every assigned topic with positive evidence', () => {
    const text = readFileSync(new URL('../../fixtures/trending-papers.txt', import.meta.url), 'utf8')
    for (const result of classify(text)) {
      for (const topic of result.topics) {
        expect(topic.evidence.some((e) => e.weight > 0), `${result.title} ${topic.id}`).toBe(true)
        expect(topic.score).toBeGreaterThanOrEqual(0)
        expect(topic.score).toBeLessThanOrEqual(1)
      }
    }
  })

  test('should give the same scores in any batch and order', () => {
    const papers = [paper('DARTS: Differentiable Architecture Search'), paper('Graph Attention Networks'), paper('Attention Is All You Need')]
    const forward = classify(papers, {explain: true})
    const backward = classify([...papers].reverse(), {explain: true}).reverse()
    expect(backward).toEqual(forward)
    expect(classify(papers[1]!, {explain: true})).toEqual(forward[1])
  })

  test('should honour only, threshold and maxTopics', () => {
    const p = paper('Graph Neural Architecture Search with Mixture of Experts')
    expect(classify(p, {only: ['gnn']}).topics.map((t) => t.id)).toEqual(['gnn'])
    const all = classify(p).topics
    // A threshold just above the weakest assigned topic's score drops that topic.
    const cut = Math.min(...all.map((t) => t.score)) + 0.0001
    const strict = classify(p, {threshold: cut}).topics
    expect(strict.every((t) => t.score >= cut)).toBe(true)
    expect(strict.map((t) => t.id)).toEqual(all.filter((t) => t.score >= cut).map((t) => t.id))
    expect(strict.length).toBeLessThan(all.length)
    expect(classify(p, {maxTopics: 1}).topics).toHaveLength(1)
  })
})

describe('createClassifier', () => {
  test('should name the path of a bad rule', () => {
    const topics = [...defaultTopics, {id: 'x', label: 'X', phrases: ['ok', 'fine', 'good', 'nice', 42]}]
    expect(() => createClassifier({topics: topics as never})).toThrow(TopicRuleError)
    expect(() => createClassifier({topics: topics as never})).toThrow(/^topics\[5\]\.phrases\[4\]/)
  })

  test('should reject unknown keys, empty phrases and reserved keys', () => {
    expect(() => createClassifier({topics: [{id: 'a', label: 'A', phrases: [], colour: 1}] as never})).toThrow(/topics\[0\]/)
    expect(() => createClassifier({topics: [{id: 'a', label: 'A', phrases: ['  ']}]})).toThrow(/topics\[0\]\.phrases\[0\]/)
    expect(() => createClassifier({topics: JSON.parse('[{"id":"a","label":"A","phrases":[],"__proto__":{"x":1}}]')})).toThrow(/__proto__/)
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  })

  test('should extend and override the defaults by spreading', () => {
    const agents = {id: 'agents', label: 'LLM agents', phrases: [{text: 'LLM agent', weight: 3}, {text: 'tool use', weight: 2}, 'agents']}
    const classifier = createClassifier({topics: [...defaultTopics, agents]})
    expect(classifier.topics.map((t) => t.id)).toEqual(['nas', 'diffusion', 'gnn', 'moe', 'networking', 'agents'])
    expect(classifier.classifyPaper(paper('AgentBench: Evaluating LLM Agents on Tool Use')).topics.map((t) => t.id)).toContain('agents')
    const darts = paper('DARTS: Differentiable Architecture Search')
    const score = createClassifier().classifyPaper(darts).topics[0]!.score
    const stricter = Math.min(1, score + 0.00005)
    const strict = createClassifier({topics: defaultTopics.map((t) => (t.id === 'nas' ? {...t, threshold: stricter} : t))})
    expect(strict.classifyPaper(darts).topics).toEqual(score < 1 ? [] : strict.classifyPaper(darts).topics)
    const noPhrases = createClassifier({topics: defaultTopics.map((t) => (t.id === 'nas' ? {...t, phrases: []} : t))})
    expect(noPhrases.explain(darts, 'nas').score).toBeLessThan(score)
  })

  test('should be frozen and round-trip through JSON with identical results', () => {
    const classifier = createClassifier()
    expect(Object.isFrozen(classifier)).toBe(true)
    const copy = fromJSON(JSON.parse(JSON.stringify(classifier.toJSON())))
    const text = readFileSync(new URL('../../fixtures/trending-papers.txt', import.meta.url), 'utf8')
    const papers = classify(text).map(({topics: _topics, ...rest}) => rest as Paper)
    expect(copy.classify(papers, {explain: true})).toEqual(classifier.classify(papers, {explain: true}))
  })

  test('should give no default phrase two weights (phrases that normalise alike are one phrase)', () => {
    for (const topic of defaultTopics) {
      for (const [kind, list] of [['phrases', topic.phrases], ['exclude', topic.exclude ?? []]] as const) {
        const weights = new Map<string, number>()
        for (const phrase of list) {
          const {text, weight} = typeof phrase === 'string' ? {text: phrase, weight: 1} : phrase
          const key = analyze(text).join(' ')
          expect(weights.get(key) ?? weight, `${topic.id} ${kind}: "${text}"`).toBe(weight)
          weights.set(key, weight)
        }
      }
    }
  })

  test('should read anchors as a feature: present, absent, or cancelled by an exclusion', () => {
    const topic = {id: 'moe2', label: 'Experts', phrases: [{text: 'routing', weight: 2}], exclude: ['human experts'], anchors: ['expert']}
    const classifier = createClassifier({topics: [topic]})
    const anchor = (title: string, abstract?: string) => classifier.explain(paper(title, abstract), 'moe2').features.anchor
    // Read with an abstract only: a title is too short for a missing anchor to mean much.
    expect(anchor('Routing among experts')).toBe(0)
    expect(anchor('Token routing for vision transformers', 'Tokens take one of two paths.')).toBe(0)
    expect(anchor('Routing among experts', 'We route tokens.')).toBe(1)
    expect(anchor('Routing questions to human experts', 'We route questions.')).toBe(0)
    expect(anchor('Token routing', 'A router picks one expert per token.')).toBe(1)
    // Weak words without an anchor are a feature of their own, read only with an abstract.
    const unanchored = (title: string, abstract?: string) => classifier.explain(paper(title, abstract), 'moe2').features.unanchoredWeak
    expect(unanchored('Token routing for vision transformers')).toBe(0)
    expect(unanchored('Token routing for vision transformers', 'Routing gates pick a path per token.')).toBeGreaterThan(0)
    expect(unanchored('Token routing', 'A router picks one expert per token.')).toBe(0)
    // Anchors add no evidence of their own.
    expect(classifier.explain(paper('Experts'), 'moe2').evidence.filter((e) => e.kind !== 'tfidf')).toEqual([])
    expect(() => createClassifier({topics: [{...topic, anchors: [' ']}]})).toThrow(/topics\[0\]\.anchors\[0\]/)
  })

  test('should load a classifier saved by papersift 0.1.0 (no anchor coefficients) and score as it did', () => {
    const json = createClassifier().toJSON()
    // As 0.1.0 saved it: seven coefficients (no anchor, no unanchoredWeak) and no anchors.
    const legacy = structuredClone(json)
    legacy.topics = legacy.topics.map(({anchors: _anchors, ...rule}) => rule)
    for (const [, model] of legacy.model.topics) {
      model.calibration = {title: [...model.calibration.title.slice(0, 6), model.calibration.title[8]!], full: [...model.calibration.full.slice(0, 6), model.calibration.full[8]!]}
    }
    const loaded = fromJSON(legacy)
    const calibration = loaded.toJSON().model.topics[0]![1].calibration
    expect(calibration.title).toHaveLength(9)
    expect(calibration.title.slice(6, 8)).toEqual([0, 0])
    const darts = paper('DARTS: Differentiable Architecture Search')
    const zeroed = structuredClone(json)
    zeroed.topics = legacy.topics
    for (const [, model] of zeroed.model.topics) for (const c of [model.calibration.title, model.calibration.full]) c[6] = c[7] = 0
    expect(loaded.explain(darts, 'nas').score).toBe(fromJSON(zeroed).explain(darts, 'nas').score)
    const bad = structuredClone(json)
    bad.model.topics[0]![1].calibration.title = [1, 2, 3]
    expect(() => fromJSON(bad)).toThrow(/expected 9 coefficients/)
  })

  test('should explain a topic that was not assigned', () => {
    const explanation = createClassifier().explain(paper('Deep Residual Learning for Image Recognition'), 'nas')
    expect(explanation.assigned).toBe(false)
    expect(explanation.score).toBeLessThan(explanation.threshold)
    expect(() => createClassifier().explain(paper('x'), 'nope')).toThrow(/Unknown topic/)
  })
})

describe('learn', () => {
  const examples = readFileSync(new URL('../../fixtures/learn/llm-agents.jsonl', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as {title: string; topics: string[]})
    .map((e) => ({text: e.title, topics: e.topics}))

  test('should add a topic from ~20 examples, suggest phrases and serialise', () => {
    const {classifier, suggestions, report} = learn(examples, {
      topics: [...defaultTopics, {id: 'agents', label: 'LLM agents', phrases: ['agent', 'agents', 'tool use']}],
    })
    expect(report.agents!.positives).toBe(20)
    expect(suggestions.agents!.length).toBeGreaterThan(0)
    const unseen = [
      paper('OpenHands: An Open Platform for AI Software Developers as Generalist Agents'),
      paper('Cradle: Empowering Foundation Agents Towards General Computer Control'),
    ]
    for (const result of classifier.classify(unseen)) expect(result.topics.map((t) => t.id)).toContain('agents')
    expect(classifier.classifyPaper(paper('Scaling Laws for Autoregressive Generative Modeling')).topics.map((t) => t.id)).not.toContain('agents')
    const loaded = fromJSON(JSON.stringify(classifier.toJSON()))
    expect(loaded.classify(unseen, {explain: true})).toEqual(classifier.classify(unseen, {explain: true}))
  })

  test('should reject bad examples with their index', () => {
    expect(() => learn([{topics: ['x']} as never])).toThrow(/examples\[0\]/)
  })
})
