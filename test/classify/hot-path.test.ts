/**
 * The hot path (term ids, one trie pass, profile postings, a reusable TF-IDF scratch) must
 * give exactly what the reference functions give: `analyze`, `compileMatcher`,
 * `tfidfVector`, `norm`, `cosine`. These properties hold it to that, bit for bit.
 */
import fc from 'fast-check'
import {describe, expect, test} from 'vitest'
import {defaultModel, defaultTopics} from '../../src/index.js'
import {compileEngine} from '../../src/classify/classifier.js'
import {featureNames, idfFromModel} from '../../src/classify/model.js'
import {validateRules} from '../../src/classify/rules.js'
import {analyze} from '../../src/classify/text.js'
import {cosine, IdBuffer, norm, TermReader, TermTable, tfidfVector} from '../../src/classify/tfidf.js'
import {createDeduper} from '../../src/parse/dedupe.js'
import {currentPaperSchemaHash, fastPathOn, paperSchemaHash} from '../../src/parse/draft.js'
import type {Paper} from '../../src/schema.js'

const pieces = [
  'neural', 'architecture', 'search', 'Search', 'graph', 'GNNs', 'MoE', 'LoRA', 'DiT', 'ProxylessNAS', 'GNNExplainer',
  'mixture-of-experts', 'diffusion', 'Diffusion', 'routing', 'networking', 'generation', 'NAS-Bench-201', '5G', 'P4',
  "model's", "don't", 'O’Neil', 'it’s', 'naïve', 'Ångström', 'e\u0301', 'ﬁne', '日本語', '𝐀𝐁', 'the', 'of', 'a', 'x2',
  'ATTENTION', 'IS', 'ALL', 'YOU', 'NEED', 'SPARSELY-GATED', ' ', ' ', ' ', ', ', '. ', '-', '/', '(', ')', '\n', '\t', "'", '’', '_',
]
const text = fc.array(fc.constantFrom(...pieces), {maxLength: 40}).map((parts) => parts.join(''))
const anyText = fc.oneof(text, fc.string({maxLength: 60}), fc.string({unit: 'grapheme', maxLength: 30}))

describe('TermReader', () => {
  test('should read the same terms as analyze, also once its tables are trimmed', () => {
    const idf = idfFromModel(defaultModel.idf)
    // A tiny dynamic part, so the tables are trimmed and refilled many times.
    const table = new TermTable(idf, 8)
    const reader = new TermReader(table)
    const out = new IdBuffer()
    fc.assert(
      fc.property(anyText, (value) => {
        reader.maintain()
        reader.read(value, out)
        const terms = Array.from(out.ids.subarray(0, out.count), (id) => table.terms[id])
        expect(terms).toEqual(analyze(value))
      }),
      {numRuns: 3000},
    )
  })

  test('should read every word right when its word table fills up and starts afresh', () => {
    const table = new TermTable(idfFromModel(defaultModel.idf))
    const reader = new TermReader(table)
    const out = new IdBuffer()
    // More distinct words than a word table keeps (65 536), each read once, then all again.
    const words = Array.from({length: 70_000}, (_, i) => `w${i}q`)
    for (const round of [1, 2]) {
      for (const word of words) {
        reader.read(word, out)
        const terms = Array.from(out.ids.subarray(0, out.count), (id) => table.terms[id])
        if (terms.length !== 1 || terms[0] !== word) expect({round, word, terms}).toEqual({round, word, terms: [word]})
      }
    }
  })
})

describe('compileEngine features', () => {
  const rules = validateRules(defaultTopics)
  const engine = compileEngine(rules, defaultModel)
  const cosineAt = featureNames.indexOf('cosine')

  test('should match the reference matcher, vector and cosines exactly', () => {
    fc.assert(
      fc.property(text, fc.option(text, {nil: undefined}), (title, abstract) => {
        const features = engine.features({title, ...(abstract === undefined ? {} : {abstract})})
        const titleTerms = analyze(title)
        const abstractTerms = abstract ? analyze(abstract) : []
        expect(features.mode).toBe(abstractTerms.length > 0 ? 'full' : 'title')
        expect(features.titleMatches).toEqual(engine.matcher.match(titleTerms))
        expect(features.abstractMatches).toEqual(abstractTerms.length > 0 ? engine.matcher.match(abstractTerms) : [])
        const vector = tfidfVector(
          [
            {terms: titleTerms, weight: 2},
            {terms: abstractTerms, weight: 1},
          ],
          engine.idf,
        )
        expect([...features.vector]).toEqual([...vector])
        const vectorNorm = norm(vector)
        for (const topic of engine.topics) {
          expect(features.rows[topic.index]![cosineAt]).toBe(cosine(vector, vectorNorm, topic.profile))
          const shares = features.shares?.(topic.index)
          if (shares) {
            expect(shares.norm).toBe(vectorNorm)
            const reference: Array<[string, number]> = []
            for (const [term, value] of vector) {
              const weight = topic.profile.get(term)
              if (weight !== undefined) reference.push([term, (value * weight) / vectorNorm])
            }
            expect(shares.shares).toEqual(vectorNorm > 0 ? reference : [])
          }
        }
      }),
      {numRuns: 1500},
    )
  })

  test('should take the cosine in profile order when the paper has more terms than a profile', () => {
    const small = compileEngine(
      validateRules([{id: 'tiny', label: 'Tiny', phrases: ['graph'], examples: ['graph neural network']}]),
      undefined,
    )
    const abstract = Array.from({length: 300}, (_, i) => `graph term${i} neural`).join(' ')
    const features = small.features({title: 'Graph networks', abstract})
    const vector = tfidfVector(
      [
        {terms: analyze('Graph networks'), weight: 2},
        {terms: analyze(abstract), weight: 1},
      ],
      small.idf,
    )
    expect(vector.size).toBeGreaterThan(small.topics[0]!.profile.size)
    expect(features.rows[0]![cosineAt]).toBe(cosine(vector, norm(vector), small.topics[0]!.profile))
  })
})

describe('createDeduper', () => {
  const paper = (line: number, arxivId: string | undefined, title: string): Paper => ({
    id: `x${line}`,
    title,
    authors: [],
    links: [],
    source: {format: 'plain-text', line, endLine: line},
    ...(arxivId ? {arxivId} : {}),
  })

  test('should report the first line of every repeated key across table growth', () => {
    const deduper = createDeduper()
    const first = new Map<string, number>()
    for (let i = 1; i <= 30_000; i++) {
      // Every 7th paper repeats an earlier arXiv id; titles are unique and long enough to count.
      const n = i % 7 === 0 ? Math.floor(i / 3) : i
      const id = `2401.${String(n).padStart(5, '0')}`
      const result = deduper.check(paper(i, id, `A unique paper title number ${i}`))
      if (first.has(id)) expect(result?.firstLine).toBe(first.get(id))
      else {
        expect(result).toBeUndefined()
        first.set(id, i)
      }
    }
  })
})

describe('finalizeDraft fast path', () => {
  test('should be written for the current PaperSchema (else it stays off and parsing is slower)', () => {
    // After changing src/schema.ts: update checkedPaper in src/parse/draft.ts to the new rules,
    // then set paperSchemaHash to the value printed here.
    expect(currentPaperSchemaHash(), 'PaperSchema changed: update checkedPaper and paperSchemaHash in src/parse/draft.ts').toBe(paperSchemaHash)
    expect(fastPathOn).toBe(true)
  })
})
