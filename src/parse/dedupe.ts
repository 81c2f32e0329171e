/**
 * Same paper twice in one listing (same arXiv id, DOI or normalised title): the first record
 * is kept and the later one fills the gaps it has. Memory stays bounded for any listing:
 * keys are kept as 53-bit hashes, and only the most recent records stay mergeable.
 */
import type {Paper} from '../schema.js'
import {dedupeLinks} from './links.js'
import {hash53, titleKey} from '../text/normalize.js'

/** How many recent records a later duplicate can still be merged into. */
export const mergeWindow = 4096

export interface Deduper {
  /** Returns the earlier record when `paper` duplicates one (after merging into it), else undefined. */
  check(paper: Paper): {first: Paper | undefined; firstLine: number} | undefined
}

export function createDeduper(): Deduper {
  // hash → line of the first record with that key (the one structure that grows with the input).
  const seen = new LineTable()
  // hash → record, for the most recent `mergeWindow` records.
  const recent = new Map<number, Paper>()
  const order: number[][] = []

  return {
    check(paper) {
      const keys = keysOf(paper)
      for (const key of keys) {
        const firstLine = seen.get(key)
        if (firstLine !== undefined) {
          const first = recent.get(key)
          if (first) merge(first, paper)
          return {first, firstLine}
        }
      }
      for (const key of keys) {
        seen.set(key, paper.source.line)
        recent.set(key, paper)
      }
      order.push(keys)
      if (order.length > mergeWindow) for (const key of order.shift() ?? []) recent.delete(key)
      return undefined
    },
  }
}

function keysOf(paper: Paper): number[] {
  const keys: number[] = []
  if (paper.arxivId) keys.push(hash53('a:' + paper.arxivId.toLowerCase()))
  if (paper.doi) keys.push(hash53('d:' + paper.doi.toLowerCase()))
  const title = titleKey(paper.title)
  // Very short titles ("Introduction") are too weak a key to merge on.
  if (title.length >= 12) keys.push(hash53('t:' + title))
  return keys
}

/** Fill what `first` lacks from `later`. */
function merge(first: Paper, later: Paper): void {
  if (!first.abstract && later.abstract) first.abstract = later.abstract
  if (first.authors.length === 0 && later.authors.length > 0) first.authors = [...later.authors]
  if (!first.published && later.published) first.published = later.published
  if (!first.venue && later.venue) first.venue = later.venue
  if (first.year === undefined && later.year !== undefined) first.year = later.year
  if (!first.categories && later.categories) first.categories = [...later.categories]
  if (!first.comments && later.comments) first.comments = later.comments
  if (!first.keywords && later.keywords) first.keywords = [...later.keywords]
  if (later.metrics) first.metrics = {...later.metrics, ...first.metrics}
  first.links = dedupeLinks([...first.links, ...later.links])
}

/**
 * 53-bit hash → line number, in typed arrays: 12 to 24 bytes a key, outside the JS heap, where
 * a `Map` of number keys costs several times that (a boxed key per entry) and makes the GC
 * size the heap by it. Open addressing, linear probing, at most 3/4 full. Line numbers are
 * kept up to 2^32 − 1 (a listing with more lines reports that number as the first line).
 */
class LineTable {
  private keys = new Float64Array(1 << 12)
  /** 0 marks an empty slot (lines start at 1). */
  private lines = new Uint32Array(1 << 12)
  private size = 0

  get(key: number): number | undefined {
    const mask = this.keys.length - 1
    for (let slot = (key >>> 0) & mask; ; slot = (slot + 1) & mask) {
      const line = this.lines[slot]!
      if (line === 0) return undefined
      if (this.keys[slot] === key) return line
    }
  }

  /** Set a key not in the table. */
  set(key: number, line: number): void {
    if ((this.size + 1) * 4 > this.keys.length * 3) this.grow()
    this.insert(key, line)
    this.size++
  }

  private insert(key: number, line: number): void {
    const mask = this.keys.length - 1
    let slot = (key >>> 0) & mask
    while (this.lines[slot] !== 0) slot = (slot + 1) & mask
    this.keys[slot] = key
    this.lines[slot] = Math.min(line, 0xffffffff)
  }

  private grow(): void {
    const {keys, lines} = this
    this.keys = new Float64Array(keys.length * 2)
    this.lines = new Uint32Array(lines.length * 2)
    for (let i = 0; i < keys.length; i++) if (lines[i] !== 0) this.insert(keys[i]!, lines[i]!)
  }
}
