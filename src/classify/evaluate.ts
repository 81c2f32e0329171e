/**
 * Precision, recall and F1 per topic against gold labels — the same metric as the project's
 * scoring tool: papers matched by normalised title, `optional` topics neutral, a gold paper
 * without prediction predicts nothing.
 */
import {titleKey} from '../text/normalize.js'

export interface GoldPaper {
  title: string
  topics: readonly string[]
  optional?: readonly string[] | undefined
}

export interface PredictedPaper {
  title: string
  topics: ReadonlyArray<string | {id: string}>
}

export interface TopicMetrics {
  tp: number
  fp: number
  fn: number
  precision: number
  recall: number
  f1: number
}

export interface Evaluation {
  papers: number
  missing: number
  exactMatch: number
  noneAccuracy: number | null
  perTopic: Record<string, TopicMetrics>
  macroF1: number
  microF1: number
  errors: Array<{title: string; want: string[]; optional: string[]; got: string[]}>
}

const f1Of = (tp: number, fp: number, fn: number): number => (tp === 0 ? (fp + fn === 0 ? 1 : 0) : (2 * tp) / (2 * tp + fp + fn))

/**
 * Score predictions against gold labels.
 *
 * @param topics Topic ids to score (default: every id in the gold labels).
 */
export function evaluate(gold: readonly GoldPaper[], predicted: readonly PredictedPaper[], topics?: readonly string[]): Evaluation {
  const ids = topics ?? [...new Set(gold.flatMap((g) => [...g.topics, ...(g.optional ?? [])]))].sort()
  const byTitle = new Map(predicted.map((p) => [titleKey(p.title), new Set(p.topics.map((t) => (typeof t === 'string' ? t : t.id)))]))
  const counts = Object.fromEntries(ids.map((id) => [id, {tp: 0, fp: 0, fn: 0}])) as Record<string, {tp: number; fp: number; fn: number}>
  let missing = 0
  let exact = 0
  let none = 0
  let noneRight = 0
  const errors: Evaluation['errors'] = []
  for (const g of gold) {
    const got = byTitle.get(titleKey(g.title))
    if (!got) missing++
    const have = got ?? new Set<string>()
    const want = new Set(g.topics)
    const optional = new Set(g.optional ?? [])
    let ok = true
    for (const id of ids) {
      if (optional.has(id)) continue
      const c = counts[id]!
      if (want.has(id) && have.has(id)) c.tp++
      else if (want.has(id)) {
        c.fn++
        ok = false
      } else if (have.has(id)) {
        c.fp++
        ok = false
      }
    }
    if (ok) exact++
    else errors.push({title: g.title, want: [...want], optional: [...optional], got: [...have]})
    if (want.size === 0) {
      none++
      if (![...have].some((id) => ids.includes(id) && !optional.has(id))) noneRight++
    }
  }
  const perTopic: Record<string, TopicMetrics> = {}
  let sum = {tp: 0, fp: 0, fn: 0}
  for (const id of ids) {
    const {tp, fp, fn} = counts[id]!
    sum = {tp: sum.tp + tp, fp: sum.fp + fp, fn: sum.fn + fn}
    perTopic[id] = {tp, fp, fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn), f1: f1Of(tp, fp, fn)}
  }
  return {
    papers: gold.length,
    missing,
    exactMatch: gold.length ? exact / gold.length : 1,
    noneAccuracy: none ? noneRight / none : null,
    perTopic,
    macroF1: ids.length ? ids.reduce((a, id) => a + perTopic[id]!.f1, 0) / ids.length : 1,
    microF1: f1Of(sum.tp, sum.fp, sum.fn),
    errors,
  }
}
