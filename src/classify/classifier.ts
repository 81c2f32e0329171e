/**
 * `createClassifier()`: rules compiled once into a phrase trie, TF-IDF profiles fixed, and a
 * calibration per topic; classifying a paper is then one pass over its terms.
 * Nothing here names a topic id: topics are data.
 */
import {z} from 'zod'
import type {Paper} from '../schema.js'
import {compileIdMatcher, compileMatcher, type PhraseMatch, type PhraseMatcher} from './keywords.js'
import {
  ClassifierModelSchema,
  featureCount,
  featureNames,
  idfFromModel,
  idfToModel,
  priorCalibration,
  round,
  sigmoid,
  strongWeight,
  type ClassifierModel,
  type TopicModel,
} from './model.js'
import {phraseOf, TopicRuleError, validateRules, type CompiledPhrase, type TopicRule, type TopicRuleInput} from './rules.js'
import {analyze} from './text.js'
import {computeIdf, IdBuffer, norm, ProfileIndex, rocchio, TermReader, TermTable, tfidfVector, VectorScratch, type IdfTable} from './tfidf.js'

/** A piece of evidence for (or against) a topic. */
export interface Evidence {
  /** The phrase as written in the rule, or the profile term. */
  term: string
  field: 'title' | 'abstract'
  /** Contribution: phrase weight × field weight, or the term's share of the cosine. */
  weight: number
  kind: 'phrase' | 'acronym' | 'exclude' | 'tfidf'
}

/** A topic given to a paper. */
export interface TopicScore {
  id: string
  label: string
  /** Calibrated score in [0, 1]. */
  score: number
  evidence: Evidence[]
}

/** A paper with its topics, best first. */
export type ClassifiedPaper = Paper & {topics: TopicScore[]; scores?: Record<string, number>}

/** What the classifier reads of a paper. */
export type ClassifierInput = Pick<Paper, 'title'> & Partial<Pick<Paper, 'abstract'>>

export interface ClassifierOptions {
  /** Topic rules. @default defaultTopics */
  readonly topics?: readonly TopicRuleInput[] | undefined
  /** Score a topic needs, for topics whose rule sets none. @default learned per topic, else 0.5 */
  readonly threshold?: number | undefined
  /** At most this many topics per paper. @default no limit */
  readonly maxTopics?: number | undefined
  /** Learned profiles and calibration (from `learn()`); topics it lacks get profiles from their rules. */
  readonly model?: ClassifierModel | undefined
}

export interface ClassifyOptions {
  /** Keep only these topic ids. */
  readonly only?: readonly string[] | undefined
  readonly threshold?: number | undefined
  readonly maxTopics?: number | undefined
  /** Add `scores` (every topic's score) to each paper. @default false */
  readonly explain?: boolean | undefined
}

/** Full account of one topic for one paper. */
export interface Explanation {
  id: string
  label: string
  score: number
  threshold: number
  assigned: boolean
  mode: 'title' | 'full'
  features: Record<string, number>
  evidence: Evidence[]
}

export interface Classifier {
  readonly topics: readonly TopicRule[]
  /** Topics of one paper. */
  classifyPaper<P extends ClassifierInput>(paper: P, options?: ClassifyOptions): P & {topics: TopicScore[]; scores?: Record<string, number>}
  /** Topics of many papers. */
  classify<P extends ClassifierInput>(papers: readonly P[], options?: ClassifyOptions): Array<P & {topics: TopicScore[]; scores?: Record<string, number>}>
  /** Why a paper got (or did not get) a topic. @throws {TypeError} for an unknown topic id. */
  explain(paper: ClassifierInput, topicId: string): Explanation
  /** Serialisable form; `fromJSON` gives back a classifier with identical results. */
  toJSON(): ClassifierJson
}

export interface ClassifierJson {
  papersift: 'classifier'
  version: 1
  topics: TopicRule[]
  threshold?: number
  maxTopics?: number
  model: ClassifierModel
}

const defaultFieldWeights = {title: 2, abstract: 1}
/** Cosine terms shown as evidence. */
const tfidfEvidenceMax = 5

const ClassifierOptionsSchema = z.strictObject({
  topics: z.unknown().optional(),
  threshold: z.number().min(0).max(1).optional(),
  maxTopics: z.number().int().positive().optional(),
  model: z.unknown().optional(),
})

const ClassifyOptionsSchema = z.strictObject({
  only: z.array(z.string()).optional(),
  threshold: z.number().min(0).max(1).optional(),
  maxTopics: z.number().int().positive().optional(),
  explain: z.boolean().optional(),
})

interface CompiledTopic {
  rule: TopicRule
  index: number
  profile: Map<string, number>
  calibration: TopicModel['calibration']
  learnedThreshold: TopicModel['threshold']
  fields: {title: number; abstract: number}
  /** The rule has anchors (else the anchor features stay 0). */
  hasAnchors: boolean
}

/** Internal: features and evidence of one paper for every topic. */
export interface PaperFeatures {
  mode: 'title' | 'full'
  /** Per topic: [title, abstract, exclude, cosine, 1]. */
  rows: number[][]
  titleMatches: PhraseMatch[]
  abstractMatches: PhraseMatch[]
  vector: Map<string, number>
  /**
   * Hot path (optional): the norm of `vector` and, for one topic, `[term, value · weight / norm]`
   * for the vector's terms in the topic's profile, in vector order (as computed from `vector`).
   */
  shares?: ((topic: number) => {norm: number; shares: Array<[string, number]>}) | undefined
}

/** Compiled rules and profiles: what both `createClassifier` and `learn` run. */
export interface Engine {
  topics: CompiledTopic[]
  idf: IdfTable
  /** Reference matcher over terms (compiled on first use; the hot path matches term ids). */
  readonly matcher: PhraseMatcher
  features(paper: ClassifierInput): PaperFeatures
}

/** Check options and rules, compile everything once. */
export function compileEngine(rules: readonly TopicRule[], model: ClassifierModel | undefined, idfOverride?: IdfTable): Engine {
  const idf = idfOverride ?? (model ? idfFromModel(model.idf) : computeIdf(rules.map((rule) => analyze(ruleText(rule)))))
  const learned = new Map(model?.topics ?? [])
  const phrases: CompiledPhrase[] = []
  const topics: CompiledTopic[] = rules.map((rule, index) => {
    // Phrases that normalise to the same terms (`router`, `routers`) are one phrase: the heaviest.
    const byTerms = new Map<string, CompiledPhrase>()
    const add = (list: TopicRule['phrases'] | undefined, exclude: boolean, anchor = false): void => {
      for (const phrase of list ?? []) {
        const {text, weight} = anchor ? {text: phrase as string, weight: 0} : phraseOf(phrase)
        const terms = analyze(text)
        const key = `${anchor ? '^' : exclude ? '-' : '+'}${terms.join(' ')}`
        const previous = byTerms.get(key)
        if (previous && previous.weight >= weight) continue
        const compiled = {topic: index, text, terms, weight, exclude, acronym: terms.length === 1 && terms[0] !== terms[0]!.toLowerCase(), anchor}
        if (previous) phrases[phrases.indexOf(previous)] = compiled
        else phrases.push(compiled)
        byTerms.set(key, compiled)
      }
    }
    add(rule.phrases, false)
    add(rule.exclude, true)
    add(rule.anchors, false, true)
    const topicModel = learned.get(rule.id)
    return {
      rule,
      index,
      profile: topicModel ? new Map(topicModel.profile) : ruleProfile(rule, idf),
      calibration: topicModel?.calibration ?? priorCalibration,
      learnedThreshold: topicModel?.threshold,
      fields: {title: rule.fields?.title ?? defaultFieldWeights.title, abstract: rule.fields?.abstract ?? defaultFieldWeights.abstract},
      hasAnchors: (rule.anchors?.length ?? 0) > 0,
    }
  })
  // The string matcher is the reference the id matcher is tested against: built only if asked for.
  let matcher: PhraseMatcher | undefined
  // The hot path runs on term ids: the same terms, matches, vector and cosines as `analyze`,
  // `matcher.match`, `tfidfVector` and `cosine`, without per-paper maps or regexes.
  const termTable = new TermTable(idf)
  for (const phrase of phrases) for (const term of phrase.terms) termTable.id(term)
  const profiles = new ProfileIndex(
    topics.map((topic) => topic.profile),
    termTable,
  )
  termTable.freeze()
  const idMatcher = compileIdMatcher(phrases, (term) => termTable.id(term), termTable.fixed)
  const reader = new TermReader(termTable)
  const titleIds = new IdBuffer()
  const abstractIds = new IdBuffer()
  const scratch = new VectorScratch()
  const cosines = new Float64Array(topics.length)

  return {
    topics,
    idf,
    get matcher() {
      matcher ??= compileMatcher(phrases)
      return matcher
    },
    features(paper) {
      reader.maintain()
      reader.read(paper.title, titleIds)
      if (paper.abstract) reader.read(paper.abstract, abstractIds)
      else abstractIds.count = 0
      const mode = abstractIds.count > 0 ? 'full' : 'title'
      const titleMatches = idMatcher.match(titleIds.ids, titleIds.count)
      const abstractMatches = abstractIds.count > 0 ? idMatcher.match(abstractIds.ids, abstractIds.count) : []
      // Title terms count twice, as in `tfidfVector([{title, weight: 2}, {abstract, weight: 1}])`.
      scratch.reset(termTable.size)
      scratch.add(titleIds.ids, titleIds.count, 2, termTable)
      scratch.add(abstractIds.ids, abstractIds.count, 1, termTable)
      const vectorNorm = scratch.finish(termTable)
      profiles.cosines(scratch, vectorNorm, cosines)
      // The vector as plain arrays (the scratch is reused); the term → weight map only for
      // those who read it.
      const count = scratch.count
      const vectorIds = new Array<number>(count)
      const vectorValues = new Array<number>(count)
      for (let i = 0; i < count; i++) {
        const id = scratch.ids[i]!
        vectorIds[i] = id
        vectorValues[i] = scratch.values[id]!
      }
      const vectorTerms = termTable.terms
      let vector: Map<string, number> | undefined
      const rows = topics.map((topic) => {
        const title = sumMatches(titleMatches, topic.index)
        const abstract = sumMatches(abstractMatches, topic.index)
        const exclude = topic.fields.title * title.exclude + topic.fields.abstract * abstract.exclude
        // Anchors are read with an abstract only: a title is too short for a missing one to mean much.
        const full = mode === 'full'
        const anchored = full && (title.anchored || abstract.anchored)
        const titleWeak = log2Half(topic.fields.title * title.weak)
        const abstractWeak = log2Half(topic.fields.abstract * abstract.weak)
        return [
          log2Half(topic.fields.title * title.strong),
          titleWeak,
          log2Half(topic.fields.abstract * abstract.strongCount),
          abstractWeak,
          log2Half(exclude),
          cosines[topic.index]!,
          anchored ? 1 : 0,
          // Weak words of a topic that has anchors, none of which occurs: usually a side sense.
          full && topic.hasAnchors && !anchored ? titleWeak + abstractWeak : 0,
          1,
        ]
      })
      return {
        mode,
        rows,
        titleMatches,
        abstractMatches,
        get vector() {
          if (!vector) {
            vector = new Map()
            for (let i = 0; i < vectorIds.length; i++) vector.set(vectorTerms[vectorIds[i]!]!, vectorValues[i]!)
          }
          return vector
        },
        shares(topic) {
          const shares: Array<[string, number]> = []
          if (vectorNorm > 0) {
            for (let i = 0; i < count; i++) {
              const weight = profiles.weightOf(topic, vectorIds[i]!)
              if (weight !== undefined) shares.push([vectorTerms[vectorIds[i]!]!, (vectorValues[i]! * weight) / vectorNorm])
            }
          }
          return {norm: vectorNorm, shares}
        },
      }
    },
  }
}

function ruleText(rule: TopicRule): string {
  return [rule.label, rule.description ?? '', ...rule.phrases.map((p) => phraseOf(p).text), ...(rule.examples ?? [])].join('\n')
}

/** Profile of a topic nobody has learned: its label, description, phrases and examples. */
function ruleProfile(rule: TopicRule, idf: IdfTable): Map<string, number> {
  const documents = [
    analyze([rule.label, rule.description ?? '', ...rule.phrases.map((p) => phraseOf(p).text)].join('\n')),
    ...(rule.examples ?? []).map((text) => analyze(text)),
  ]
  return rocchio(
    documents.map((terms) => new Map(tfidfVector([{terms, weight: 1}], idf))),
    [],
  )
}

/** `log2(1 + x) / 2`: evidence saturates, one more phrase matters less than the first. */
function log2Half(value: number): number {
  return Math.log1p(value) / Math.LN2 / 2
}

/**
 * Phrase evidence of one topic in one field: strong and weak included weight with each phrase
 * counted once (repeats add little and reward verbosity), how often strong phrases occur
 * (there repeats count), exclusion weight.
 */
function sumMatches(matches: readonly PhraseMatch[], topic: number): {strong: number; weak: number; strongCount: number; exclude: number; anchored: boolean} {
  let strong = 0
  let weak = 0
  let exclude = 0
  let strongCount = 0
  let anchored = false
  const seen = new Set<CompiledPhrase>()
  for (const match of matches) {
    const phrase = match.phrase
    if (phrase.topic !== topic) continue
    if (phrase.anchor) {
      anchored = true
      continue
    }
    const isStrong = phrase.weight >= strongWeight
    if (!phrase.exclude && isStrong) strongCount++
    if (seen.has(phrase)) continue
    seen.add(phrase)
    if (phrase.exclude) exclude += phrase.weight
    else if (isStrong) strong += phrase.weight
    else weak += phrase.weight
  }
  return {strong, weak, strongCount, exclude, anchored}
}

/** Score of one topic from its feature row. */
export function scoreRow(row: readonly number[], coefficients: readonly number[]): number {
  let z = 0
  for (let j = 0; j < featureCount; j++) z += coefficients[j]! * row[j]!
  return sigmoid(z)
}

function evidenceFor(engine: Engine, topic: CompiledTopic, features: PaperFeatures): Evidence[] {
  const evidence: Evidence[] = []
  const push = (matches: readonly PhraseMatch[], field: 'title' | 'abstract'): void => {
    const seen = new Set<CompiledPhrase>()
    for (const {phrase} of matches) {
      if (phrase.topic !== topic.index || phrase.anchor || seen.has(phrase)) continue
      seen.add(phrase)
      const weight = round(phrase.weight * topic.fields[field], 3) * (phrase.exclude ? -1 : 1)
      evidence.push({term: phrase.text, field, weight, kind: phrase.exclude ? 'exclude' : phrase.acronym ? 'acronym' : 'phrase'})
    }
  }
  push(features.titleMatches, 'title')
  push(features.abstractMatches, 'abstract')
  // The profile terms that carry most of the cosine.
  const fast = features.shares?.(topic.index)
  const vectorNorm = fast ? fast.norm : norm(features.vector)
  if (vectorNorm > 0) {
    let shares: [string, number][] = []
    if (fast) shares = fast.shares
    else {
      for (const [term, value] of features.vector) {
        const weight = topic.profile.get(term)
        if (weight !== undefined) shares.push([term, (value * weight) / vectorNorm])
      }
    }
    shares.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    for (const [term, share] of shares.slice(0, tfidfEvidenceMax)) {
      if (share < 0.005) break
      evidence.push({term, field: features.mode === 'full' ? 'abstract' : 'title', weight: round(share, 3), kind: 'tfidf'})
    }
  }
  void engine
  return evidence.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
}

function thresholdOf(topic: CompiledTopic, mode: 'title' | 'full', override: number | undefined, global: number | undefined): number {
  return override ?? topic.rule.threshold ?? global ?? topic.learnedThreshold?.[mode] ?? 0.5
}

/** Validate classifier options, naming the option. */
function checkOptions<T>(schema: z.ZodType<T>, value: unknown, root: string): T {
  const result = schema.safeParse(value ?? {})
  if (!result.success) {
    const issue = result.error.issues[0]!
    const path = issue.path.length > 0 ? `\`${issue.path.map(String).join('.')}\`` : root
    throw new TypeError(`Invalid ${root}: ${path}: ${issue.message}`)
  }
  return result.data
}

/**
 * Compile topic rules once and return a frozen classifier.
 *
 * @throws {TopicRuleError} for a bad rule, naming its path (`topics[2].phrases[4]: …`).
 * @throws {TypeError} for bad options.
 */
export function createClassifierFrom(rules: readonly TopicRuleInput[], options: ClassifierOptions = {}): Classifier {
  const checked = checkOptions(ClassifierOptionsSchema, options, 'classifier options')
  const topics = validateRules(rules)
  let model: ClassifierModel | undefined
  if (checked.model !== undefined) {
    const parsed = ClassifierModelSchema.safeParse(checked.model)
    if (!parsed.success) throw new TopicRuleError(parsed.error.issues, 'model')
    model = parsed.data
  }
  const engine = compileEngine(topics, model)
  // The hot path's usual call passes no options: check them once.
  const noOptions = checkOptions(ClassifyOptionsSchema, undefined, 'classify options')
  const byId = new Map(engine.topics.map((topic) => [topic.rule.id, topic]))

  function classifyOne<P extends ClassifierInput>(paper: P, options: ClassifyOptions): P & {topics: TopicScore[]; scores?: Record<string, number>} {
    const features = engine.features(paper)
    const only = options.only ? new Set(options.only) : undefined
    const assigned: TopicScore[] = []
    const scores: Record<string, number> = {}
    for (const topic of engine.topics) {
      if (only && !only.has(topic.rule.id)) continue
      const score = round(scoreRow(features.rows[topic.index]!, topic.calibration[features.mode]), 4)
      if (options.explain) scores[topic.rule.id] = score
      if (score >= thresholdOf(topic, features.mode, options.threshold, checked.threshold)) {
        assigned.push({id: topic.rule.id, label: topic.rule.label, score, evidence: evidenceFor(engine, topic, features)})
      }
    }
    assigned.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    const limit = options.maxTopics ?? checked.maxTopics
    const result = {...paper, topics: limit ? assigned.slice(0, limit) : assigned}
    return options.explain ? {...result, scores} : result
  }

  const classifier: Classifier = {
    topics: Object.freeze(topics.map((topic) => Object.freeze(topic))),
    classifyPaper(paper, options) {
      return classifyOne(paper, options === undefined ? noOptions : checkOptions(ClassifyOptionsSchema, options, 'classify options'))
    },
    classify(papers, options) {
      const resolved = checkOptions(ClassifyOptionsSchema, options, 'classify options')
      return papers.map((paper) => classifyOne(paper, resolved))
    },
    explain(paper, topicId) {
      const topic = byId.get(topicId)
      if (!topic) throw new TypeError(`Unknown topic \`${topicId}\`; expected one of ${[...byId.keys()].join(', ')}`)
      const features = engine.features(paper)
      const row = features.rows[topic.index]!
      const score = round(scoreRow(row, topic.calibration[features.mode]), 4)
      const threshold = thresholdOf(topic, features.mode, undefined, checked.threshold)
      return {
        id: topic.rule.id,
        label: topic.rule.label,
        score,
        threshold,
        assigned: score >= threshold,
        mode: features.mode,
        features: Object.fromEntries(featureNames.filter((name) => name !== 'bias').map((name, j) => [name, round(row[j]!)])),
        evidence: evidenceFor(engine, topic, features),
      }
    },
    toJSON() {
      const json: ClassifierJson = {
        papersift: 'classifier',
        version: 1,
        topics: topics.map((topic) => structuredClone(topic)),
        model: {
          version: 1,
          idf: model?.idf ?? idfToModel(engine.idf),
          topics: engine.topics.map((topic) => [
            topic.rule.id,
            {
              profile: [...topic.profile].map(([term, weight]) => [term, round(weight)] as [string, number]),
              calibration: topic.calibration,
              ...(topic.learnedThreshold ? {threshold: topic.learnedThreshold} : {}),
            },
          ]),
        },
      }
      if (checked.threshold !== undefined) json.threshold = checked.threshold
      if (checked.maxTopics !== undefined) json.maxTopics = checked.maxTopics
      return json
    },
  }
  return Object.freeze(classifier)
}

const ClassifierJsonSchema = z.strictObject({
  papersift: z.literal('classifier'),
  version: z.literal(1),
  topics: z.array(z.unknown()),
  threshold: z.number().min(0).max(1).optional(),
  maxTopics: z.number().int().positive().optional(),
  model: z.unknown(),
})

/**
 * Load a classifier saved with `toJSON()`.
 *
 * @throws {TopicRuleError} when the JSON is not a papersift classifier.
 */
export function fromJSON(json: unknown): Classifier {
  const value = typeof json === 'string' ? (JSON.parse(json) as unknown) : json
  const parsed = ClassifierJsonSchema.safeParse(value)
  if (!parsed.success) throw new TopicRuleError(parsed.error.issues, 'classifier')
  const {topics, threshold, maxTopics, model} = parsed.data
  const options: {threshold?: number; maxTopics?: number; model: ClassifierModel} = {model: model as ClassifierModel}
  if (threshold !== undefined) options.threshold = threshold
  if (maxTopics !== undefined) options.maxTopics = maxTopics
  return createClassifierFrom(topics as TopicRuleInput[], options)
}
