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
      if (!hasExclusions) return found
      const exclusions = found.filter((m) => m.phrase.exclude)
      if (exclusions.length === 0) return found
      return found.filter(
        (m) =>
          m.phrase.exclude ||
          !exclusions.some((x) => x.phrase.topic === m.phrase.topic && x.start <= m.start && x.end >= m.end),
      )
    },
  }
}
