/**
 * TF-IDF evidence, computed once where it is cheap: IDF comes from a background corpus and
 * topic profiles are fixed vectors, so a paper costs one pass over its terms (no per-paper
 * IDF scan, unlike natural's `TfIdf`, which also needs `fs`). Vectors are sparse maps of
 * term → weight; profiles are unit-length.
 */

import {scanWords, termsOf} from './text.js'

/** Terms too common to carry topic information; the rest get their weight from IDF. */
const stopTerms = new Set(
  'a an the of for and or in on to with via by from at as is are be we our this that these it its into using use based'
    .split(' '),
)

export interface IdfTable {
  /** Documents the table was computed from. */
  documents: number
  idf: ReadonlyMap<string, number>
  /** IDF of a term never seen in the background (rarest). */
  unseen: number
}

/** IDF from document frequencies: `ln((N + 1) / (df + 1)) + 1`. */
export function computeIdf(documents: Iterable<readonly string[]>): IdfTable {
  const df = new Map<string, number>()
  let count = 0
  for (const terms of documents) {
    count++
    for (const term of new Set(terms)) df.set(term, (df.get(term) ?? 0) + 1)
  }
  const idf = new Map<string, number>()
  for (const [term, n] of df) idf.set(term, Math.log((count + 1) / (n + 1)) + 1)
  return {documents: count, idf, unseen: Math.log(count + 1) + 1}
}

/** Weighted bag of terms of one document: fields with weights (title counts more). */
export interface WeightedField {
  terms: readonly string[]
  weight: number
}

/**
 * TF-IDF vector of a document: `(1 + ln tf) · idf`, summed over fields by field weight.
 * `into` is reused by callers on the hot path to avoid allocating a map per paper.
 */
export function tfidfVector(fields: readonly WeightedField[], table: IdfTable, into = new Map<string, number>()): Map<string, number> {
  into.clear()
  for (const field of fields) {
    if (field.weight === 0) continue
    for (const term of field.terms) {
      if (stopTerms.has(term) || (term.length < 2 && !/\d/.test(term))) continue
      into.set(term, (into.get(term) ?? 0) + field.weight)
    }
  }
  for (const [term, tf] of into) into.set(term, (1 + Math.log(tf)) * (table.idf.get(term) ?? table.unseen))
  return into
}

/** Euclidean norm of a sparse vector. */
export function norm(vector: ReadonlyMap<string, number>): number {
  let sum = 0
  for (const value of vector.values()) sum += value * value
  return Math.sqrt(sum)
}

/** Scale a vector to unit length (in place). */
export function normalize(vector: Map<string, number>): Map<string, number> {
  const length = norm(vector)
  if (length > 0) for (const [term, value] of vector) vector.set(term, value / length)
  return vector
}

/** Cosine of a document vector (any length) with a unit-length profile. */
export function cosine(vector: ReadonlyMap<string, number>, vectorNorm: number, profile: ReadonlyMap<string, number>): number {
  if (vectorNorm === 0) return 0
  let dot = 0
  // Iterate the smaller side.
  if (vector.size <= profile.size) {
    for (const [term, value] of vector) {
      const weight = profile.get(term)
      if (weight !== undefined) dot += value * weight
    }
  } else {
    for (const [term, weight] of profile) {
      const value = vector.get(term)
      if (value !== undefined) dot += value * weight
    }
  }
  return dot / vectorNorm
}

/**
 * Rocchio profile: centroid of the positive documents' unit vectors minus `beta` times the
 * centroid of the negatives', negative weights dropped, top `size` terms kept, unit length.
 */
export function rocchio(
  positives: readonly ReadonlyMap<string, number>[],
  negatives: readonly ReadonlyMap<string, number>[],
  options: {beta?: number; size?: number} = {},
): Map<string, number> {
  const {beta = 0.3, size = 400} = options
  const sum = new Map<string, number>()
  const add = (vectors: readonly ReadonlyMap<string, number>[], scale: number): void => {
    if (vectors.length === 0) return
    for (const vector of vectors) {
      const length = norm(vector) || 1
      for (const [term, value] of vector) sum.set(term, (sum.get(term) ?? 0) + (scale * value) / length / vectors.length)
    }
  }
  add(positives, 1)
  add(negatives, -beta)
  const kept = [...sum].filter(([, value]) => value > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, size)
  return normalize(new Map(kept))
}

/** Would `tfidfVector` leave this term out? */
export function isSkippedTerm(term: string): boolean {
  return stopTerms.has(term) || (term.length < 2 && !/\d/.test(term))
}

/**
 * Interned term ids for the hot path. Ids below `fixed` (the terms of phrases and profiles)
 * are stable; other terms get ids as they are met, and `trim()` forgets those once there are
 * too many, so memory stays bounded on any input. Per id it keeps what a vector needs: the
 * IDF weight (`idf.get(term) ?? unseen`) and whether the term is skipped.
 */
export class TermTable {
  /** Id → term. Replaced, not cut, by `trim()`, so a captured array stays valid. */
  terms: string[] = []
  idf: Float64Array = new Float64Array(1024)
  skipped: Uint8Array = new Uint8Array(1024)
  fixed = 0
  private ids = new Map<string, number>()

  constructor(
    private readonly table: IdfTable,
    /** Terms beyond the fixed ones kept before `trim()` forgets them. */
    readonly dynamicMax = 1 << 18,
  ) {}

  get size(): number {
    return this.terms.length
  }

  /** The id of a term, interned on first sight. */
  id(term: string): number {
    let id = this.ids.get(term)
    if (id === undefined) {
      id = this.terms.length
      if (id >= this.idf.length) {
        const idf = new Float64Array(this.idf.length * 2)
        idf.set(this.idf)
        this.idf = idf
        const skipped = new Uint8Array(this.skipped.length * 2)
        skipped.set(this.skipped)
        this.skipped = skipped
      }
      this.idf[id] = this.table.idf.get(term) ?? this.table.unseen
      this.skipped[id] = isSkippedTerm(term) ? 1 : 0
      this.terms.push(term)
      this.ids.set(term, id)
    }
    return id
  }

  /** Make every id so far stable. */
  freeze(): void {
    this.fixed = this.terms.length
  }

  /** Forget the non-fixed terms when there are too many; true when ids were dropped. */
  trim(): boolean {
    if (this.terms.length - this.fixed <= this.dynamicMax) return false
    this.terms = this.terms.slice(0, this.fixed)
    this.ids = new Map(this.terms.map((term, id) => [term, id]))
    return true
  }
}

/**
 * A reusable TF-IDF accumulator over term ids: exactly `tfidfVector` for fields added in the
 * same order (same values, same first-occurrence order), without a map per document.
 */
export class VectorScratch {
  /** Ids of the document's terms in first-occurrence order, `count` of them. */
  ids: Int32Array = new Int32Array(256)
  count = 0
  private tf: Float64Array = new Float64Array(1024)
  /** Per id: the weight, valid while `mark[id] === epoch`. */
  values: Float64Array = new Float64Array(1024)
  mark: Int32Array = new Int32Array(1024)
  epoch = 0

  /** Start a document. */
  reset(size: number): void {
    if (size > this.mark.length) {
      let length = this.mark.length
      while (length < size) length *= 2
      this.tf = new Float64Array(length)
      this.values = new Float64Array(length)
      this.mark = new Int32Array(length)
      this.epoch = 0
    }
    this.count = 0
    this.epoch++
    if (this.epoch === 0x7fffffff) {
      this.mark.fill(0)
      this.epoch = 1
    }
  }

  /** Count a field's terms with a weight (as `tfidfVector` does, skipped terms left out). */
  add(termIds: Int32Array, length: number, weight: number, terms: TermTable): void {
    if (weight === 0) return
    const {mark, tf, epoch} = this
    const skipped = terms.skipped
    for (let i = 0; i < length; i++) {
      const id = termIds[i]!
      if (skipped[id] === 1) continue
      if (mark[id] !== epoch) {
        mark[id] = epoch
        tf[id] = 0
        if (this.count === this.ids.length) {
          const ids = new Int32Array(this.ids.length * 2)
          ids.set(this.ids)
          this.ids = ids
        }
        this.ids[this.count++] = id
      }
      tf[id] = tf[id]! + weight
    }
  }

  /** Turn counts into weights; returns the Euclidean norm (as `norm()` of the map). */
  finish(terms: TermTable): number {
    const {ids, tf, values} = this
    const idf = terms.idf
    let sum = 0
    for (let i = 0; i < this.count; i++) {
      const id = ids[i]!
      const value = (1 + Math.log(tf[id]!)) * idf[id]!
      values[id] = value
      sum += value * value
    }
    return Math.sqrt(sum)
  }

  /** Weight of a term id in the current document, or undefined. */
  get(id: number): number | undefined {
    return id < this.mark.length && this.mark[id] === this.epoch ? this.values[id] : undefined
  }

  /** The current document as a `tfidfVector` map (term → weight, same order). */
  toMap(terms: readonly string[]): Map<string, number> {
    const map = new Map<string, number>()
    for (let i = 0; i < this.count; i++) {
      const id = this.ids[i]!
      map.set(terms[id]!, this.values[id]!)
    }
    return map
  }
}

/**
 * Topic profiles as postings over term ids, to take the cosine of one document with every
 * profile in one pass over the document's terms.
 */
export class ProfileIndex {
  private readonly start: Int32Array
  private readonly topic: Int32Array
  private readonly weight: Float64Array
  /** Per topic: profile ids and weights in the profile's own order, and its size. */
  private readonly profileIds: Int32Array[]
  private readonly profileWeights: Float64Array[]
  readonly dots: Float64Array

  constructor(profiles: readonly ReadonlyMap<string, number>[], terms: TermTable) {
    this.profileIds = profiles.map((profile) => Int32Array.from(profile.keys(), (term) => terms.id(term)))
    this.profileWeights = profiles.map((profile) => Float64Array.from(profile.values()))
    const size = terms.size
    const counts = new Int32Array(size + 1)
    for (const ids of this.profileIds) for (const id of ids) counts[id + 1]!++
    for (let i = 0; i < size; i++) counts[i + 1]! += counts[i]!
    this.start = counts
    const total = counts[size]!
    this.topic = new Int32Array(total)
    this.weight = new Float64Array(total)
    const fill = counts.slice(0, size)
    this.profileIds.forEach((ids, t) => {
      const weights = this.profileWeights[t]!
      ids.forEach((id, k) => {
        const at = fill[id]!++
        this.topic[at] = t
        this.weight[at] = weights[k]!
      })
    })
    this.dots = new Float64Array(profiles.length)
  }

  /**
   * Cosine of the current document with every profile, into `out` (indexed by topic): the
   * same sums in the same order as `cosine()` (document order when the document has no more
   * terms than the profile, else profile order).
   */
  cosines(vector: VectorScratch, vectorNorm: number, out: Float64Array): void {
    const dots = this.dots
    dots.fill(0)
    if (vectorNorm === 0) {
      out.fill(0)
      return
    }
    const {start, topic, weight} = this
    const fixed = start.length - 1
    const ids = vector.ids
    for (let i = 0; i < vector.count; i++) {
      const id = ids[i]!
      if (id >= fixed) continue
      const value = vector.values[id]!
      for (let k = start[id]!, end = start[id + 1]!; k < end; k++) dots[topic[k]!] = dots[topic[k]!]! + value * weight[k]!
    }
    for (let t = 0; t < dots.length; t++) {
      const profileIds = this.profileIds[t]!
      if (vector.count > profileIds.length) {
        const profileWeights = this.profileWeights[t]!
        let dot = 0
        for (let k = 0; k < profileIds.length; k++) {
          const value = vector.get(profileIds[k]!)
          if (value !== undefined) dot += value * profileWeights[k]!
        }
        dots[t] = dot
      }
      out[t] = dots[t]! / vectorNorm
    }
  }
}

/** Term ids of one field, `count` of them (a reusable buffer). */
export class IdBuffer {
  ids: Int32Array = new Int32Array(256)
  count = 0

  push(id: number): void {
    if (this.count === this.ids.length) {
      const ids = new Int32Array(this.ids.length * 2)
      ids.set(this.ids)
      this.ids = ids
    }
    this.ids[this.count++] = id
  }
}

const wordCacheMax = 1 << 18

/**
 * `analyze()` straight to term ids: words memoised to their ids, so a word already seen
 * costs one map look-up.
 */
export class TermReader {
  private readonly words: string[] = []
  private readonly cache = new Map<string, number | Int32Array>()
  private readonly shoutedCache = new Map<string, number | Int32Array>()

  constructor(private readonly table: TermTable) {}

  /** Call between documents: keeps the table (and so the memo) bounded. */
  maintain(): void {
    if (this.table.trim()) {
      this.cache.clear()
      this.shoutedCache.clear()
    }
  }

  /** The terms of `text` (as `analyze(text)`) as ids, into `out` (cleared first). */
  read(text: string, out: IdBuffer): void {
    out.count = 0
    const words = this.words
    const shouting = scanWords(text, words)
    const cache = shouting ? this.shoutedCache : this.cache
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!
      let entry = cache.get(word)
      if (entry === undefined) {
        const terms = termsOf(word, shouting)
        entry = terms.length === 1 ? this.table.id(terms[0]!) : Int32Array.from(terms, (term) => this.table.id(term))
        if (cache.size >= wordCacheMax) cache.clear()
        cache.set(word, entry)
      }
      if (typeof entry === 'number') out.push(entry)
      else for (let j = 0; j < entry.length; j++) out.push(entry[j]!)
    }
    words.length = 0
  }
}
