/**
 * TF-IDF evidence, computed once where it is cheap: IDF comes from a background corpus and
 * topic profiles are fixed vectors, so a paper costs one pass over its terms (no per-paper
 * IDF scan, unlike natural's `TfIdf`, which also needs `fs`). Vectors are sparse maps of
 * term → weight; profiles are unit-length.
 */

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
