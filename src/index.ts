/**
 * papersift: parse paper listings into typed records and sift them by topic.
 * This file is the public surface: re-exports by name only (test/api.test.ts locks the list).
 */
export {
  PaperSchema,
  LinkSchema,
  MetricsSchema,
  SourceSchema,
  FormatSchema,
  LinkRoleSchema,
  formats,
  linkRoles,
} from './schema.js'
export type {Paper, Link, LinkRole, Metrics, Source, Format} from './schema.js'
export {ListingError, isListingError, messageCodes} from './message.js'
export type {ParseMessage, MessageCode, Severity} from './message.js'
export {parse, parseStream, detectFormat} from './parse/index.js'
export type {ParseOptions, ParseResult, ParseStreamOptions, ChunkSource} from './parse/index.js'
export {classify, createClassifier, learn, defaultTopics, defaultModel} from './classify/index.js'
export type {ClassifyCallOptions} from './classify/index.js'
export {fromJSON} from './classify/classifier.js'
export type {
  Classifier,
  ClassifierOptions,
  ClassifyOptions,
  ClassifiedPaper,
  ClassifierInput,
  ClassifierJson,
  TopicScore,
  Evidence,
  Explanation,
} from './classify/classifier.js'
export {TopicRuleSchema, PhraseSchema, TopicRuleError, ruleLimits} from './classify/rules.js'
export type {TopicRule, TopicRuleInput, Phrase} from './classify/rules.js'
export type {LearnExample, LearnOptions, LearnResult, TopicReport} from './classify/learn.js'
export type {ClassifierModel} from './classify/model.js'
export {evaluate} from './classify/evaluate.js'
export type {Evaluation, GoldPaper, PredictedPaper, TopicMetrics} from './classify/evaluate.js'
