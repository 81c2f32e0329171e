/**
 * Topic rules are data: JSON-serialisable, checked by `TopicRuleSchema`, compiled once.
 */
import {z} from 'zod'
import {analyze} from './text.js'

/** Limits that keep untrusted rules cheap to compile and run. */
export const ruleLimits = {
  topics: 200,
  phrasesPerTopic: 5000,
  /** Phrases and exclusions over all topics: bounds compile time and memory. */
  phrasesTotal: 20_000,
  phraseLength: 200,
  phraseTerms: 12,
  examplesPerTopic: 5000,
  exampleLength: 20_000,
} as const

const idPattern = /^[a-z0-9][a-z0-9_-]{0,63}$/
const reservedKeys = new Set(['__proto__', 'constructor', 'prototype'])

const PhraseTextSchema = z
  .string({error: 'expected a phrase string'})
  .max(ruleLimits.phraseLength, {error: `expected at most ${ruleLimits.phraseLength} characters`})
  .refine((text) => analyze(text).length > 0, {error: 'expected a phrase with at least one word'})
  .refine((text) => analyze(text).length <= ruleLimits.phraseTerms, {
    error: `expected at most ${ruleLimits.phraseTerms} words`,
  })

/** A phrase: a string (weight 1) or `{text, weight}`. */
export const PhraseSchema = z.union([
  PhraseTextSchema,
  z.strictObject({text: PhraseTextSchema, weight: z.number().finite().min(0).max(10)}),
])
export type Phrase = z.infer<typeof PhraseSchema>

export const TopicRuleSchema = z.strictObject({
  /** Stable id: lower case letters, digits, `-`, `_`. */
  id: z
    .string()
    .regex(idPattern, {error: 'expected lower-case letters, digits, "-" or "_" (at most 64)'})
    .refine((id) => !reservedKeys.has(id), {error: 'reserved id'}),
  label: z.string().min(1).max(200),
  description: z.string().max(5000).optional(),
  /** Words and phrases that speak for the topic, with weights (1 = ordinary evidence). */
  phrases: z.array(PhraseSchema).max(ruleLimits.phrasesPerTopic),
  /** Phrases that mean the words are used in another sense: they cancel phrases inside them and count against. */
  exclude: z.array(PhraseSchema).max(ruleLimits.phrasesPerTopic).optional(),
  /**
   * The topic's own words (`expert` for mixture of experts): a paper that uses none of them,
   * outside exclusions, has the topic's other words in a side sense more often. They add no
   * weight themselves; the learned calibration weighs their presence (features `anchor` and
   * `unanchoredWeak`, read for papers with an abstract).
   */
  anchors: z.array(PhraseTextSchema).max(ruleLimits.phrasesPerTopic).optional(),
  /** Score in [0, 1] a paper needs to get the topic. */
  threshold: z.number().min(0).max(1).optional(),
  /** Weight of evidence by field. @default {title: 2, abstract: 1} */
  fields: z.strictObject({title: z.number().min(0).max(10).optional(), abstract: z.number().min(0).max(10).optional()}).optional(),
  /** Example texts (title + abstract) that seed the topic's TF-IDF profile. */
  examples: z.array(z.string().max(ruleLimits.exampleLength)).max(ruleLimits.examplesPerTopic).optional(),
})

/** A topic rule, as written by users. */
export type TopicRule = z.infer<typeof TopicRuleSchema>
/** Input form of a topic rule. */
export type TopicRuleInput = z.input<typeof TopicRuleSchema>

function tooManyPhrases(total: number): string {
  return `expected at most ${ruleLimits.phrasesTotal} phrases, exclusions and anchors over all topics, got ${total}`
}

export const TopicRulesSchema = z
  .array(TopicRuleSchema)
  .max(ruleLimits.topics)
  .superRefine((rules, context) => {
    const total = rules.reduce((sum, rule) => sum + rule.phrases.length + (rule.exclude?.length ?? 0) + (rule.anchors?.length ?? 0), 0)
    if (total > ruleLimits.phrasesTotal) {
      context.addIssue({code: 'custom', path: [], message: tooManyPhrases(total)})
    }
    const seen = new Set<string>()
    rules.forEach((rule, index) => {
      if (seen.has(rule.id)) context.addIssue({code: 'custom', path: [index, 'id'], message: `duplicate topic id "${rule.id}"`})
      seen.add(rule.id)
    })
  })

/** Raised when topic rules or classifier options are invalid; the message names the path. */
export class TopicRuleError extends TypeError {
  override name = 'TopicRuleError' as const
  readonly code = 'ERR_PAPERSIFT_RULE' as const
  readonly issues: readonly z.core.$ZodIssue[]
  constructor(issues: readonly z.core.$ZodIssue[], root: string) {
    const first = issues[0]
    super(first ? `${formatPath(root, first.path)}: ${first.message}` : `${root}: invalid`)
    this.issues = issues
  }
}

function formatPath(root: string, path: readonly PropertyKey[]): string {
  let out = root
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `.${String(key)}`
  return out
}

/** Reject `__proto__`/`constructor`/`prototype` keys anywhere in untrusted rule data. */
function findReservedKey(value: unknown, path: PropertyKey[], depth = 0): PropertyKey[] | undefined {
  if (depth > 8 || value === null || typeof value !== 'object') return undefined
  for (const key of Object.keys(value)) {
    if (reservedKeys.has(key)) return [...path, key]
    const found = findReservedKey((value as Record<string, unknown>)[key], [...path, Array.isArray(value) ? Number(key) : key], depth + 1)
    if (found) return found
  }
  return undefined
}

/**
 * Validate topic rules.
 *
 * @throws {TopicRuleError} e.g. `topics[2].phrases[4]: expected a phrase string`.
 */
export function validateRules(value: unknown, root = 'topics'): TopicRule[] {
  const reserved = findReservedKey(value, [])
  if (reserved) {
    throw new TopicRuleError([{code: 'custom', path: reserved, message: 'reserved key is not allowed', input: undefined} as z.core.$ZodIssue], root)
  }
  // Count before checking each phrase: validating a million phrases would itself take minutes.
  if (Array.isArray(value)) {
    let total = 0
    for (const rule of value as unknown[]) {
      const {phrases, exclude, anchors} = (rule ?? {}) as {phrases?: unknown; exclude?: unknown; anchors?: unknown}
      for (const list of [phrases, exclude, anchors]) total += Array.isArray(list) ? list.length : 0
    }
    if (total > ruleLimits.phrasesTotal) {
      throw new TopicRuleError(
        [{code: 'custom', path: [], message: tooManyPhrases(total), input: undefined} as z.core.$ZodIssue],
        root,
      )
    }
  }
  const result = TopicRulesSchema.safeParse(value)
  if (!result.success) throw new TopicRuleError(result.error.issues, root)
  return result.data
}

/** A compiled phrase. */
export interface CompiledPhrase {
  topic: number
  text: string
  terms: string[]
  weight: number
  exclude: boolean
  acronym: boolean
  /** One of the topic's anchors: no weight, marks the topic's own vocabulary as present. */
  anchor: boolean
}

/** Phrase → `{text, weight}`. */
export function phraseOf(phrase: Phrase): {text: string; weight: number} {
  return typeof phrase === 'string' ? {text: phrase, weight: 1} : phrase
}
