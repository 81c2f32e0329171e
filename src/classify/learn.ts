/**
 * `learn()`: build or refine topics from labelled papers.
 *
 * For every topic with enough examples it fits a Rocchio profile (centroid of the positives'
 * TF-IDF vectors minus a share of the negatives'), then a logistic calibration of the
 * evidence (phrases in title and abstract, exclusions, profile cosine) with k-fold
 * cross-fitting, so the cosine it calibrates is the one unseen papers will get. It picks the
 * threshold that maximises cross-validated F1 and suggests discriminative phrases.
 */
import {z} from 'zod'
import {
  compileEngine,
  createClassifierFrom,
  scoreRow,
  type Classifier,
  type ClassifierInput,
  type ClassifierJson,
} from './classifier.js'
import {abstractFeatures, featureNames, titleFeatures, fitLogistic, idfFromModel, idfToModel, round, type ClassifierModel, type TopicModel} from './model.js'
import {phraseOf, validateRules, type TopicRule, type TopicRuleInput} from './rules.js'
import {analyze} from './text.js'
import {computeIdf, cosine, norm, rocchio, tfidfVector, type IdfTable} from './tfidf.js'
import {hash32} from '../text/normalize.js'

/** A labelled example: a paper (title, abstract) or a text, and the topics it belongs to. */
export interface LearnExample {
  paper?: ClassifierInput | undefined
  /** Free text (used as the title when there is no paper). */
  text?: string | undefined
  topics: readonly string[]
  /** Topics a careful reader could go either way on: neither positive nor negative. */
  optional?: readonly string[] | undefined
}

export interface LearnOptions {
  /** Classifier (or its JSON) whose rules and IDF to start from. @default the default classifier */
  base?: Classifier | ClassifierJson | undefined
  /** Rules to learn for (replaces the base's); topic ids only in the examples get an empty rule. */
  topics?: readonly TopicRuleInput[] | undefined
  /** Where IDF comes from: the base model, or the examples. @default 'base' when the base has a model */
  idf?: 'base' | 'examples' | undefined
  /** Folds for cross-fitting. @default 5 */
  folds?: number | undefined
  /** Positive examples a topic needs to be learned (else it keeps its base model). @default 3 */
  minExamples?: number | undefined
  /** Profile size in terms. @default 400 */
  profileSize?: number | undefined
}

/** Cross-validated quality of a learned topic. */
export interface TopicReport {
  positives: number
  title: {precision: number; recall: number; f1: number; threshold: number}
  full?: {precision: number; recall: number; f1: number; threshold: number} | undefined
}

export interface LearnResult {
  classifier: Classifier
  /** Per topic: words and two-word phrases that separate its examples from the rest, best first. */
  suggestions: Record<string, string[]>
  report: Record<string, TopicReport>
}

const LearnExampleSchema = z
  .strictObject({
    paper: z.looseObject({title: z.string().min(1), abstract: z.string().optional()}).optional(),
    text: z.string().min(1).optional(),
    topics: z.array(z.string().min(1)),
    optional: z.array(z.string().min(1)).optional(),
  })
  .refine((example) => example.paper !== undefined || example.text !== undefined, {error: 'expected `paper` or `text`'})

const LearnOptionsSchema = z.strictObject({
  base: z.unknown().optional(),
  topics: z.unknown().optional(),
  idf: z.enum(['base', 'examples']).optional(),
  folds: z.number().int().min(2).max(20).optional(),
  minExamples: z.number().int().min(1).optional(),
  profileSize: z.number().int().min(10).max(20_000).optional(),
})

interface Example {
  title: string
  abstract: string | undefined
  topics: Set<string>
  optional: Set<string>
  fold: number
}

/**
 * Learn topic profiles and calibration from labelled examples.
 *
 * @throws {TypeError} for bad examples or options, naming the place.
 * @example
 *   const {classifier} = learn(examples, {topics: [...defaultTopics, {id: 'agents', label: 'LLM agents', phrases: ['LLM agent']}]})
 */
export function learn(examples: readonly LearnExample[], options: LearnOptions & {defaultBase?: () => Classifier} = {}): LearnResult {
  const {defaultBase, ...rest} = options
  const checked = LearnOptionsSchema.safeParse(rest)
  if (!checked.success) {
    const issue = checked.error.issues[0]!
    throw new TypeError(`Invalid learn options: \`${issue.path.join('.')}\`: ${issue.message}`)
  }
  if (!Array.isArray(examples)) throw new TypeError('Expected `examples` to be an array')
  const data: Example[] = examples.map((raw, index) => {
    const parsed = LearnExampleSchema.safeParse(raw)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      throw new TypeError(`examples[${index}]${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}: ${issue.message}`)
    }
    const {paper, text} = parsed.data
    const title = paper?.title ?? text!
    return {
      title,
      abstract: paper?.abstract || undefined,
      topics: new Set(parsed.data.topics),
      optional: new Set(parsed.data.optional ?? []),
      fold: 0,
    }
  })
  const folds = rest.folds ?? 5
  // Deterministic folds from the title, so the same examples always give the same model.
  for (const example of data) example.fold = Number.parseInt(hash32(example.title.toLowerCase()), 16) % folds

  const base = resolveBase(rest.base, defaultBase)
  const baseJson = base?.toJSON()
  let rules: TopicRule[] = validateRules(rest.topics ?? baseJson?.topics ?? [])
  const known = new Set(rules.map((rule) => rule.id))
  for (const example of data) {
    for (const id of example.topics) {
      if (!known.has(id)) {
        known.add(id)
        rules = [...rules, ...validateRules([{id, label: id, phrases: []}], 'examples')]
      }
    }
  }

  const useBaseIdf = (rest.idf ?? (baseJson ? 'base' : 'examples')) === 'base' && baseJson !== undefined
  const idf: IdfTable = useBaseIdf
    ? idfFromModel(baseJson!.model.idf)
    : computeIdf(data.map((example) => analyze(`${example.title}\n${example.abstract ?? ''}`)))
  const engine = compileEngine(rules, undefined, idf)

  // Per example, computed once: keyword features and the two TF-IDF vectors.
  const prepared = data.map((example) => {
    const titleTerms = analyze(example.title)
    const abstractTerms = example.abstract ? analyze(example.abstract) : []
    const titleOnly = engine.features({title: example.title})
    const full = example.abstract ? engine.features({title: example.title, abstract: example.abstract}) : undefined
    // The anchors of the abstract alone, for the title-blind rows below.
    const blind = example.abstract ? engine.features({title: '', abstract: example.abstract}) : undefined
    const titleVector = new Map(tfidfVector([{terms: titleTerms, weight: 2}], idf))
    const fullVector = new Map(tfidfVector([{terms: titleTerms, weight: 2}, {terms: abstractTerms, weight: 1}], idf))
    return {titleRows: titleOnly.rows, fullRows: full?.rows, blindRows: blind?.rows, titleVector, titleNorm: norm(titleVector), fullVector, fullNorm: norm(fullVector)}
  })

  const minExamples = rest.minExamples ?? 3
  const profileSize = rest.profileSize ?? 400
  const baseModels = new Map(baseJson?.model.topics ?? [])
  const topicModels: [string, TopicModel][] = []
  const suggestions: Record<string, string[]> = {}
  const report: Record<string, TopicReport> = {}

  for (const topic of engine.topics) {
    const id = topic.rule.id
    const label = (example: Example): number | undefined =>
      example.optional.has(id) ? undefined : example.topics.has(id) ? 1 : 0
    const positives = data.filter((example) => label(example) === 1).length
    if (positives < minExamples) {
      const kept = baseModels.get(id)
      if (kept) topicModels.push([id, kept])
      continue
    }
    const ruleVector = new Map(tfidfVector([{terms: analyze(ruleText(topic.rule)), weight: 1}], idf))
    const profileFor = (exclude: number | undefined): Map<string, number> => {
      const pos: Map<string, number>[] = [ruleVector]
      const neg: Map<string, number>[] = []
      data.forEach((example, i) => {
        if (example.fold === exclude) return
        const value = label(example)
        if (value === 1) pos.push(prepared[i]!.fullVector)
        else if (value === 0) neg.push(prepared[i]!.fullVector)
      })
      return rocchio(pos, neg, {size: profileSize})
    }

    // Cross-fitted feature rows.
    const titleRows: number[][] = []
    const titleLabels: number[] = []
    const fullRows: number[][] = []
    const fullLabels: number[] = []
    for (let fold = 0; fold < folds; fold++) {
      const profile = profileFor(fold)
      data.forEach((example, i) => {
        const value = label(example)
        if (example.fold !== fold || value === undefined) return
        const p = prepared[i]!
        const titleRow = [...p.titleRows[topic.index]!]
        titleRow[cosineIndex] = cosine(p.titleVector, p.titleNorm, profile)
        titleRows.push(titleRow)
        titleLabels.push(value)
        if (p.fullRows) {
          const fullRow = [...p.fullRows[topic.index]!]
          fullRow[cosineIndex] = cosine(p.fullVector, p.fullNorm, profile)
          fullRows.push(fullRow)
          fullLabels.push(value)
          // The same paper under a title that names nothing: the calibration must also learn
          // to trust the abstract, as many real titles do not name their topic.
          const blindRow = [...fullRow]
          for (const j of titleFeatureIndexes) blindRow[j] = 0
          blindRow[anchorIndex] = p.blindRows![topic.index]![anchorIndex]!
          blindRow[unanchoredIndex] = p.blindRows![topic.index]![unanchoredIndex]!
          fullRows.push(blindRow)
          fullLabels.push(value)
        }
      })
    }

    const titleMask = featureNames.map((name) => !abstractFeatures.has(name))
    const titleCalibration = fitLogistic(titleRows, titleLabels, {mask: titleMask})
    const haveFull = fullLabels.filter((v) => v === 1).length >= minExamples && fullLabels.some((v) => v === 0)
    const fullCalibration = haveFull ? fitLogistic(fullRows, fullLabels) : (baseModels.get(id)?.calibration.full ?? topic.calibration.full)
    const titleBest = bestThreshold(titleRows.map((row) => scoreRow(row, titleCalibration)), titleLabels)
    const fullBest = haveFull ? bestThreshold(fullRows.filter((_, i) => i % 2 === 0).map((row) => scoreRow(row, fullCalibration)), fullLabels.filter((_, i) => i % 2 === 0)) : undefined

    const profile = profileFor(undefined)
    topicModels.push([
      id,
      {
        profile: [...profile].map(([term, weight]) => [term, round(weight)] as [string, number]),
        calibration: {title: titleCalibration, full: fullCalibration},
        threshold: {title: titleBest.threshold, full: fullBest?.threshold ?? baseModels.get(id)?.threshold?.full ?? 0.5},
      },
    ])
    report[id] = {positives, title: titleBest, full: fullBest}
    suggestions[id] = suggestPhrases(data, (example) => label(example), topic.rule)
  }

  const model: ClassifierModel = {version: 1, idf: useBaseIdf ? baseJson!.model.idf : idfToModel(idf), topics: topicModels}
  const classifierOptions: {model: ClassifierModel; threshold?: number; maxTopics?: number} = {model}
  if (baseJson?.threshold !== undefined) classifierOptions.threshold = baseJson.threshold
  if (baseJson?.maxTopics !== undefined) classifierOptions.maxTopics = baseJson.maxTopics
  return {classifier: createClassifierFrom(rules, classifierOptions), suggestions, report}
}

function resolveBase(base: unknown, fallback: (() => Classifier) | undefined): Classifier | undefined {
  if (base === undefined) return fallback?.()
  if (base && typeof (base as Classifier).toJSON === 'function' && typeof (base as Classifier).classify === 'function') return base as Classifier
  throw new TypeError('Expected `base` to be a classifier (from createClassifier, fromJSON or learn)')
}

function ruleText(rule: TopicRule): string {
  return [rule.label, rule.description ?? '', ...rule.phrases.map((p) => phraseOf(p).text)].join('\n')
}

/**
 * Threshold in [0.2, 0.8] with the best cross-validated F1. F1 is flat near its top, and the
 * exact best point is noise: take the middle of the thresholds within 0.005 of the best.
 */
function bestThreshold(scores: readonly number[], labels: readonly number[]): {threshold: number; precision: number; recall: number; f1: number} {
  const at = (t: number): {precision: number; recall: number; f1: number} => {
    let tp = 0
    let fp = 0
    let fn = 0
    scores.forEach((score, i) => {
      const predicted = score >= t
      if (predicted && labels[i] === 1) tp++
      else if (predicted) fp++
      else if (labels[i] === 1) fn++
    })
    return {precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn), f1: tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn)}
  }
  const grid: number[] = []
  for (let i = 20; i <= 80; i++) grid.push(i / 100)
  const f1s = grid.map((t) => at(t).f1)
  const top = Math.max(...f1s)
  const near = grid.filter((_, i) => f1s[i]! >= top - 0.005)
  const threshold = round(near[Math.floor((near.length - 1) / 2)]!, 2)
  const best = at(threshold)
  return {threshold, precision: round(best.precision, 4), recall: round(best.recall, 4), f1: round(best.f1, 4)}
}

/** Words and two-word phrases with the highest smoothed log-odds for the topic, not already in its rule. */
function suggestPhrases(data: readonly Example[], label: (example: Example) => number | undefined, rule: TopicRule): string[] {
  const inRule = new Set(rule.phrases.map((p) => analyze(phraseOf(p).text).join(' ')))
  const pos = new Map<string, number>()
  const neg = new Map<string, number>()
  let nPos = 0
  let nNeg = 0
  for (const example of data) {
    const value = label(example)
    if (value === undefined) continue
    const words = `${example.title} ${example.abstract ?? ''}`.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu) ?? []
    const grams = new Set<string>()
    words.forEach((word, i) => {
      if (word.length > 2 && !commonWords.has(word)) grams.add(word)
      const next = words[i + 1]
      if (next && !commonWords.has(word) && !commonWords.has(next)) grams.add(`${word} ${next}`)
    })
    const target = value === 1 ? pos : neg
    if (value === 1) nPos++
    else nNeg++
    for (const gram of grams) target.set(gram, (target.get(gram) ?? 0) + 1)
  }
  const scored: [string, number][] = []
  for (const [gram, count] of pos) {
    if (count < 3 || inRule.has(analyze(gram).join(' '))) continue
    const odds = Math.log((count + 0.5) / (nPos - count + 0.5)) - Math.log(((neg.get(gram) ?? 0) + 0.5) / (nNeg - (neg.get(gram) ?? 0) + 0.5))
    scored.push([gram, odds * Math.log1p(count)])
  }
  return scored
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 20)
    .map(([gram]) => gram)
}

const cosineIndex = featureNames.indexOf('cosine')
const anchorIndex = featureNames.indexOf('anchor')
const unanchoredIndex = featureNames.indexOf('unanchoredWeak')
const titleFeatureIndexes = featureNames.flatMap((name, j) => (titleFeatures.has(name) ? [j] : []))

const commonWords = new Set(
  'the a an of for and or in on to with via by from at as is are be we our this that these it its into using use based new towards toward learning model models method methods approach paper propose proposed show results'
    .split(' '),
)
