/**
 * The learned part of a classifier, as plain JSON: background IDF, one TF-IDF profile per
 * topic, and a logistic calibration that turns evidence into a score in [0, 1].
 */
import {z} from 'zod'
import type {IdfTable} from './tfidf.js'

/**
 * Feature order of the calibration, each log-scaled: strong and weak phrase weight in the
 * title (each phrase once), how often strong phrases occur in the abstract (repeats count: a
 * topic an abstract keeps naming is its subject), weak phrase weight in the abstract (each
 * phrase once), exclusions, profile cosine, whether one of the topic's anchors occurs in title or
 * abstract (0 or 1, with an abstract only), the weak phrase weight of a topic none of whose
 * anchors occurs (with an abstract only), bias.
 */
export const featureNames = ['titleStrong', 'titleWeak', 'abstractStrong', 'abstractWeak', 'exclude', 'cosine', 'anchor', 'unanchoredWeak', 'bias'] as const
/**
 * Sign each coefficient must have: evidence for a topic can only raise its score and
 * exclusions only lower it, so a quirk of the training sample cannot invert a rule.
 */
export const featureSigns: readonly number[] = [1, 1, 1, 1, -1, 1, 1, -1, 0]
/** Features that exist only when a paper has an abstract. */
export const abstractFeatures: ReadonlySet<string> = new Set(['abstractStrong', 'abstractWeak'])
/** Features read from the title. */
export const titleFeatures: ReadonlySet<string> = new Set(['titleStrong', 'titleWeak'])
/** Phrases at least this heavy count as strong evidence. */
export const strongWeight = 2.5
export const featureCount = featureNames.length

/** Features of papersift 0.1.0, whose saved models had no anchor coefficients. */
const legacyFeatureCount = 7

const CoefficientsSchema = z
  .array(z.number().finite())
  .refine((list) => list.length === featureCount || list.length === legacyFeatureCount, {
    error: `expected ${featureCount} coefficients (or ${legacyFeatureCount}, as saved by papersift 0.1.0)`,
  })
  // A 0.1.0 model scores exactly as before: its anchor coefficients are 0.
  .transform((list) => (list.length === featureCount ? list : [...list.slice(0, 6), 0, 0, list[6]!]))

export const TopicModelSchema = z.strictObject({
  /** Profile terms and weights (unit length). */
  profile: z.array(z.tuple([z.string().min(1).max(100), z.number().finite()])).max(20_000),
  /** Calibration for papers with a title only, and with an abstract. */
  calibration: z.strictObject({title: CoefficientsSchema, full: CoefficientsSchema}),
  /** Learned thresholds (used when neither the rule nor the options set one). */
  threshold: z.strictObject({title: z.number().min(0).max(1), full: z.number().min(0).max(1)}).optional(),
})
export type TopicModel = z.infer<typeof TopicModelSchema>

export const ClassifierModelSchema = z.strictObject({
  version: z.literal(1),
  idf: z.strictObject({
    documents: z.number().int().nonnegative(),
    terms: z.array(z.tuple([z.string().min(1).max(100), z.number().finite().nonnegative()])).max(500_000),
  }),
  topics: z.array(z.tuple([z.string().min(1).max(64), TopicModelSchema])).max(200),
})
export type ClassifierModel = z.infer<typeof ClassifierModelSchema>

/** Calibration used for a topic nobody has learned yet: evidence of a few strong phrases or a close profile. */
export const priorCalibration: TopicModel['calibration'] = {
  title: [3, 1.5, 0, 0, -2.5, 5, 0, 0, -4.5],
  full: [1.5, 0.8, 2.5, 1, -1.5, 6, 0, 0, -5.5],
}

export function idfFromModel(model: ClassifierModel['idf']): IdfTable {
  return {documents: model.documents, idf: new Map(model.terms), unseen: Math.log(model.documents + 1) + 1}
}

export function idfToModel(table: IdfTable): ClassifierModel['idf'] {
  const terms = [...table.idf].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  return {documents: table.documents, terms: terms.map(([term, value]) => [term, round(value)] as [string, number])}
}

export function round(value: number, digits = 5): number {
  const scale = 10 ** digits
  return Math.round(value * scale) / scale
}

export function sigmoid(value: number): number {
  return 1 / (1 + Math.exp(-value))
}

/**
 * Ridge-regularised logistic regression by Newton's method (IRLS): a handful of features,
 * so each step solves a 5×5 system.
 */
export function fitLogistic(rows: readonly number[][], labels: readonly number[], options: {l2?: number; iterations?: number; mask?: readonly boolean[]} = {}): number[] {
  const {l2 = 1, iterations = 25} = options
  const d = featureCount
  const mask = options.mask ?? featureNames.map(() => true)
  let beta = new Array<number>(d).fill(0)
  for (let iteration = 0; iteration < iterations; iteration++) {
    const hessian = Array.from({length: d}, () => new Array<number>(d).fill(0))
    const gradient = new Array<number>(d).fill(0)
    for (let i = 0; i < rows.length; i++) {
      const x = rows[i]!
      let z = 0
      for (let j = 0; j < d; j++) z += beta[j]! * x[j]!
      const p = sigmoid(z)
      const w = Math.max(p * (1 - p), 1e-6)
      for (let j = 0; j < d; j++) {
        gradient[j]! += (labels[i]! - p) * x[j]!
        for (let k = 0; k < d; k++) hessian[j]![k]! += w * x[j]! * x[k]!
      }
    }
    for (let j = 0; j < d; j++) {
      // No penalty on the bias.
      const penalty = featureNames[j] === 'bias' ? 1e-6 : l2
      gradient[j]! -= penalty * beta[j]!
      hessian[j]![j]! += penalty
      if (!mask[j]) {
        for (let k = 0; k < d; k++) hessian[j]![k] = hessian[k]![j] = 0
        hessian[j]![j] = 1
        gradient[j] = 0
      }
    }
    const step = solve(hessian, gradient)
    // Projected Newton step: coefficients that would cross their sign constraint stop at 0.
    const next = beta.map((b, j) => {
      const value = b + step[j]!
      const sign = featureSigns[j]!
      return sign !== 0 && value * sign < 0 ? 0 : value
    })
    const moved = next.some((value, j) => Math.abs(value - beta[j]!) > 1e-7)
    beta = next
    if (!moved) break
  }
  return beta.map((b) => round(b))
}

/** Solve `a · x = b` by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length
  const m = a.map((row, i) => [...row, b[i]!])
  for (let col = 0; col < n; col++) {
    let pivot = col
    for (let row = col + 1; row < n; row++) if (Math.abs(m[row]![col]!) > Math.abs(m[pivot]![col]!)) pivot = row
    ;[m[col], m[pivot]] = [m[pivot]!, m[col]!]
    const p = m[col]![col]!
    if (Math.abs(p) < 1e-12) continue
    for (let row = 0; row < n; row++) {
      if (row === col) continue
      const factor = m[row]![col]! / p
      for (let k = col; k <= n; k++) m[row]![k]! -= factor * m[col]![k]!
    }
  }
  return m.map((row, i) => (Math.abs(row[i]!) < 1e-12 ? 0 : row[n]! / row[i]!))
}
