/**
 * TF-IDF evidence, computed once where it is cheap: IDF comes from a background corpus and
 * topic profiles are fixed vectors, so a paper costs one pass over its terms (no per-paper
 * IDF scan, unlike natural's `TfIdf`, which also needs `fs`). Vectors are sparse maps of
 * term → weight; profiles are unit-length.
 */

import {detach, dropPossessives, isAsciiAlnum, isAsciiLetter, isAsciiText, isShouting, scanWords, termsOf} from './text.js'

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
    readonly dynamicMax = 1 << 16,
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

  /** The weight of a term id in a topic's profile, or undefined. */
  weightOf(topic: number, id: number): number | undefined {
    if (id + 1 >= this.start.length) return undefined
    for (let k = this.start[id]!, end = this.start[id + 1]!; k < end; k++) if (this.topic[k] === topic) return this.weight[k]
    return undefined
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

/** Words remembered per reader (each table); past that the table starts afresh. */
const wordTableMax = 1 << 16

/**
 * Open-addressing table of words → term ids, looked up by a span of a text and its hash, so
 * a word already seen costs neither a substring nor a map look-up.
 */
class WordTable {
  private keys: Array<string | undefined>
  private hashes: Int32Array
  /** The term id of a one-term word, or -1 when the word has several (in `multi`). */
  private single: Int32Array
  private multi: Array<Int32Array | undefined>
  private mask: number
  private size = 0

  constructor(private readonly capacity = 1 << 12) {
    this.keys = new Array<string | undefined>(capacity).fill(undefined)
    this.hashes = new Int32Array(capacity)
    this.single = new Int32Array(capacity)
    this.multi = new Array<Int32Array | undefined>(capacity).fill(undefined)
    this.mask = capacity - 1
  }

  /** The slot holding the word `s[start..end)`, or the empty slot where it would go. */
  find(s: string, start: number, end: number, hash: number): number {
    const length = end - start
    const {keys, hashes, mask} = this
    let slot = hash & mask
    for (;;) {
      const key = keys[slot]
      if (key === undefined) return slot
      if (hashes[slot] === hash && key.length === length) {
        let k = 0
        while (k < length && key.charCodeAt(k) === s.charCodeAt(start + k)) k++
        if (k === length) return slot
      }
      slot = (slot + 1) & mask
    }
  }

  has(slot: number): boolean {
    return this.keys[slot] !== undefined
  }

  /** Push the ids of the word in a filled slot. */
  push(slot: number, out: IdBuffer): void {
    const id = this.single[slot]!
    if (id >= 0) out.push(id)
    else {
      const ids = this.multi[slot]!
      for (let j = 0; j < ids.length; j++) out.push(ids[j]!)
    }
  }

  /** Fill an empty slot (from `find`); the table may then grow or start afresh (so slots move). */
  set(slot: number, word: string, hash: number, ids: Int32Array): void {
    this.keys[slot] = word
    this.hashes[slot] = hash
    if (ids.length === 1) this.single[slot] = ids[0]!
    else {
      this.single[slot] = -1
      this.multi[slot] = ids
    }
    this.size++
    if (this.size * 2 > this.keys.length) {
      if (this.keys.length * 2 > wordTableMax * 2) this.clear()
      else this.grow()
    }
  }

  clear(): void {
    this.keys = new Array<string | undefined>(this.capacity).fill(undefined)
    this.hashes = new Int32Array(this.capacity)
    this.single = new Int32Array(this.capacity)
    this.multi = new Array<Int32Array | undefined>(this.capacity).fill(undefined)
    this.mask = this.capacity - 1
    this.size = 0
  }

  private grow(): void {
    const {keys, hashes, single, multi} = this
    const capacity = keys.length * 2
    this.keys = new Array<string | undefined>(capacity).fill(undefined)
    this.hashes = new Int32Array(capacity)
    this.single = new Int32Array(capacity)
    this.multi = new Array<Int32Array | undefined>(capacity).fill(undefined)
    this.mask = capacity - 1
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]
      if (key === undefined) continue
      let slot = hashes[i]! & this.mask
      while (this.keys[slot] !== undefined) slot = (slot + 1) & this.mask
      this.keys[slot] = key
      this.hashes[slot] = hashes[i]!
      this.single[slot] = single[i]!
      this.multi[slot] = multi[i]
    }
  }
}

/** FNV-1a step over one UTF-16 code unit. */
const fnvOffset = 0x811c9dc5 | 0
function fnv(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193)
}

function hashOf(word: string): number {
  let hash = fnvOffset
  for (let i = 0; i < word.length; i++) hash = fnv(hash, word.charCodeAt(i))
  return hash
}

/**
 * `analyze()` straight to term ids: each distinct word is analysed once (`termsOf`) and
 * remembered with its ids, so a word seen before costs a hash and a compare.
 */
export class TermReader {
  private readonly words: string[] = []
  private readonly plain = new WordTable()
  private readonly shouted = new WordTable()

  constructor(private readonly table: TermTable) {}

  /** Call between documents: keeps the term table (and so the word tables) bounded. */
  maintain(): void {
    if (this.table.trim()) {
      this.plain.clear()
      this.shouted.clear()
    }
  }

  /** The terms of `text` (as `analyze(text)`) as ids, into `out` (cleared first). */
  read(text: string, out: IdBuffer): void {
    out.count = 0
    if (!isAsciiText(text)) {
      // Unicode: the general word scan, then the same table by word.
      const words = this.words
      const shouting = scanWords(text, words)
      const table = shouting ? this.shouted : this.plain
      for (let i = 0; i < words.length; i++) {
        const word = words[i]!
        this.lookup(table, word, 0, word.length, hashOf(word), shouting, out)
      }
      words.length = 0
      return
    }
    // ASCII (as `scanWords`): letters and digits, then optionally an apostrophe and letters.
    const s = dropPossessives(text)
    const shouting = isShouting(s)
    const table = shouting ? this.shouted : this.plain
    const n = s.length
    let i = 0
    while (i < n) {
      let c = s.charCodeAt(i)
      if (!isAsciiAlnum(c)) {
        i++
        continue
      }
      const start = i
      let hash = fnv(fnvOffset, c)
      i++
      while (i < n) {
        c = s.charCodeAt(i)
        if (!isAsciiAlnum(c)) break
        hash = fnv(hash, c)
        i++
      }
      if (i + 1 < n && c === 39 && isAsciiLetter(s.charCodeAt(i + 1))) {
        const apostrophe = i
        i += 2
        while (i < n && isAsciiLetter(s.charCodeAt(i))) i++
        const word = s.slice(start, apostrophe) + s.slice(apostrophe + 1, i)
        this.lookup(table, word, 0, word.length, hashOf(word), shouting, out)
      } else this.lookup(table, s, start, i, hash, shouting, out)
    }
  }

  private lookup(table: WordTable, s: string, start: number, end: number, hash: number, shouting: boolean, out: IdBuffer): void {
    const slot = table.find(s, start, end, hash)
    if (table.has(slot)) {
      table.push(slot, out)
      return
    }
    // Detached: the table must not keep the listing text it was read from alive.
    const word = detach(s.slice(start, end))
    const ids = Int32Array.from(termsOf(word, shouting), (term) => this.table.id(term))
    // Pushed from here: `set` may grow or clear the table, so the word need not be in it after.
    table.set(slot, word, hash, ids)
    for (let j = 0; j < ids.length; j++) out.push(ids[j]!)
  }
}
