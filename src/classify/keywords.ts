/**
 * Keyword evidence: every topic's phrases compiled into one term trie, matched in one pass
 * over a field's terms. Exclusions cancel the phrases they contain and count against.
 */
import type {CompiledPhrase} from './rules.js'

interface TrieNode {
  next: Map<string, TrieNode>
  /** Phrases ending here. */
  phrases: CompiledPhrase[]
}

/** A match of one phrase at a span of terms. */
export interface PhraseMatch {
  phrase: CompiledPhrase
  start: number
  end: number
}

export interface PhraseMatcher {
  /** All matches in `terms`, exclusions applied: included phrases inside an exclusion of the same topic are dropped. */
  match(terms: readonly string[]): PhraseMatch[]
}

export function compileMatcher(phrases: readonly CompiledPhrase[]): PhraseMatcher {
  const root: TrieNode = {next: new Map(), phrases: []}
  let hasExclusions = false
  for (const phrase of phrases) {
    let node = root
    for (const term of phrase.terms) {
      let child = node.next.get(term)
      if (!child) {
        child = {next: new Map(), phrases: []}
        node.next.set(term, child)
      }
      node = child
    }
    node.phrases.push(phrase)
    if (phrase.exclude) hasExclusions = true
  }

  return {
    match(terms) {
      const found: PhraseMatch[] = []
      for (let start = 0; start < terms.length; start++) {
        let node = root.next.get(terms[start]!)
        let end = start + 1
        while (node) {
          for (const phrase of node.phrases) found.push({phrase, start, end})
          if (end >= terms.length) break
          node = node.next.get(terms[end]!)
          end++
        }
      }
      return hasExclusions ? applyExclusions(found) : found
    },
  }
}

/**
 * The same matcher over term ids (from a `TermTable`), for the hot path: the trie's first
 * level is an array indexed by id, deeper levels are small maps. Phrase terms must have ids
 * below `fixed` (the table's fixed part), so any other id starts no phrase.
 */
export interface IdPhraseMatcher {
  /** All matches in `ids[0..count)`, exactly as `PhraseMatcher.match` on the same terms. */
  match(ids: Int32Array, count: number): PhraseMatch[]
}

interface IdTrieNode {
  next: Map<number, IdTrieNode> | undefined
  phrases: CompiledPhrase[]
}

export function compileIdMatcher(phrases: readonly CompiledPhrase[], idOf: (term: string) => number, fixed: number): IdPhraseMatcher {
  const root: Array<IdTrieNode | undefined> = new Array<IdTrieNode | undefined>(fixed).fill(undefined)
  let hasExclusions = false
  for (const phrase of phrases) {
    let node: IdTrieNode | undefined
    for (const term of phrase.terms) {
      const id = idOf(term)
      if (id >= fixed) throw new RangeError(`phrase term "${term}" is not in the fixed vocabulary`)
      if (!node) {
        node = root[id] ??= {next: undefined, phrases: []}
        continue
      }
      node.next ??= new Map()
      let child = node.next.get(id)
      if (!child) {
        child = {next: undefined, phrases: []}
        node.next.set(id, child)
      }
      node = child
    }
    // A phrase always has at least one term (rules are validated).
    node?.phrases.push(phrase)
    if (phrase.exclude) hasExclusions = true
  }

  return {
    match(ids, count) {
      const found: PhraseMatch[] = []
      for (let start = 0; start < count; start++) {
        const first = ids[start]!
        let node = first < fixed ? root[first] : undefined
        let end = start + 1
        while (node) {
          for (const phrase of node.phrases) found.push({phrase, start, end})
          if (end >= count || !node.next) break
          node = node.next.get(ids[end]!)
          end++
        }
      }
      return hasExclusions ? applyExclusions(found) : found
    },
  }
}

/** Drop included phrases that lie inside an exclusion of the same topic. */
function applyExclusions(found: PhraseMatch[]): PhraseMatch[] {
  const exclusions = found.filter((m) => m.phrase.exclude)
  if (exclusions.length === 0) return found
  return found.filter(
    (m) => m.phrase.exclude || !exclusions.some((x) => x.phrase.topic === m.phrase.topic && x.start <= m.start && x.end >= m.end),
  )
}
