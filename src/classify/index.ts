/**
 * The classify layer's public face: the default classifier, `createClassifier`, `classify`.
 */
import type {Paper} from '../schema.js'
import {parse} from '../parse/index.js'
import type {ParseOptions} from '../parse/options.js'
import {createClassifierFrom, type ClassifiedPaper, type Classifier, type ClassifierOptions, type ClassifyOptions} from './classifier.js'
import {defaultTopics} from './default-topics.js'
import {learn as learnFrom, type LearnExample, type LearnOptions, type LearnResult} from './learn.js'
import type {ClassifierModel} from './model.js'
import type {TopicRuleInput} from './rules.js'
import defaultModelJson from './default-model.json' with {type: 'json'}

/** The profiles, IDF and calibration of the default topics, learned with `learn()` from the bundled corpus. */
export const defaultModel = defaultModelJson as unknown as ClassifierModel

/**
 * Compile topic rules once and return a frozen classifier.
 *
 * @param options `topics` (default `defaultTopics`), `threshold`, `maxTopics`, `model` (default: the learned default model).
 * @throws {TopicRuleError} for a bad rule, naming its path (`topics[2].phrases[4]: …`).
 * @example
 *   const classifier = createClassifier({topics: [...defaultTopics, {id: 'agents', label: 'LLM agents', phrases: ['LLM agent', 'tool use']}]})
 *   classifier.classifyPaper({title: 'ReAct: Synergizing Reasoning and Acting in Language Models'})
 */
export function createClassifier(options: ClassifierOptions = {}): Classifier {
  const {topics = defaultTopics, model = defaultModel, ...rest} = options ?? {}
  return createClassifierFrom(topics, {...rest, model})
}

let defaultClassifier: Classifier | undefined
/** The default classifier, compiled on first use. */
export function getDefaultClassifier(): Classifier {
  defaultClassifier ??= createClassifier()
  return defaultClassifier
}

// Compiled classifiers by rule array, so repeated `classify(…, {topics})` calls compile once.
const compiled = new WeakMap<readonly TopicRuleInput[], Classifier>()
function classifierFor(topics: readonly TopicRuleInput[]): Classifier {
  let classifier = compiled.get(topics)
  if (!classifier) {
    classifier = createClassifier({topics})
    compiled.set(topics, classifier)
  }
  return classifier
}

export interface ClassifyCallOptions extends ClassifyOptions, Pick<ClassifierOptions, 'topics'> {
  /** Options for parsing when the input is listing text. */
  readonly parse?: ParseOptions | undefined
}

/**
 * Tag papers with topics.
 *
 * @param input A `Paper`, an array of papers, or listing text (parsed first).
 * @param options `topics` (rules; default `defaultTopics`), `threshold`, `maxTopics`, `only`, `explain`.
 * @returns Papers with `topics: [{id, label, score, evidence}]`, best first.
 * @example
 *   classify({title: 'DARTS: Differentiable Architecture Search', authors: [], …}).topics[0].id // => 'nas'
 */
export function classify(input: string, options?: ClassifyCallOptions): ClassifiedPaper[]
export function classify(input: readonly Paper[], options?: ClassifyCallOptions): ClassifiedPaper[]
export function classify(input: Paper, options?: ClassifyCallOptions): ClassifiedPaper
export function classify(input: string | Paper | readonly Paper[], options: ClassifyCallOptions = {}): ClassifiedPaper | ClassifiedPaper[] {
  const {topics, parse: parseOptions, ...rest} = options
  const classifier = topics ? classifierFor(topics) : getDefaultClassifier()
  if (typeof input === 'string') return classifier.classify(parse(input, parseOptions).papers, rest)
  if (Array.isArray(input)) return classifier.classify(input as readonly Paper[], rest)
  if (input && typeof input === 'object' && typeof (input as Paper).title === 'string') return classifier.classifyPaper(input as Paper, rest)
  throw new TypeError('Expected `input` to be a paper, an array of papers or listing text')
}

/**
 * Learn topic profiles and calibration from labelled papers (Rocchio centroids + logistic
 * calibration, cross-fitted), starting from the default classifier unless `base` is given.
 */
export function learn(examples: readonly LearnExample[], options: LearnOptions = {}): LearnResult {
  return learnFrom(examples, {...options, defaultBase: getDefaultClassifier})
}

export {defaultTopics}
