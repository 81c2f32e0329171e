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
  // hash → line of the first record with that key.
  const seen = new Map<number, number>()
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
