/**
 * The development corpus in fixtures/corpus: real papers with labels by shared/topics.md.
 * Split deterministically by title hash: 70 % to train the default model, 30 % held out.
 */
import {readFileSync, readdirSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {hash32, titleKey} from '../src/text/normalize.js'

export interface CorpusPaper {
  title: string
  abstract?: string
  topics: string[]
  optional: string[]
}

export const corpusDirectory = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url))

/** All corpus papers, de-duplicated by title (abstract entries first). */
export function loadCorpus(): CorpusPaper[] {
  const files = readdirSync(corpusDirectory).filter((f) => f.endsWith('.jsonl')).sort((a, b) => (a.startsWith('abstracts') ? -1 : b.startsWith('abstracts') ? 1 : a < b ? -1 : 1))
  const seen = new Set<string>()
  const out: CorpusPaper[] = []
  for (const file of files) {
    for (const line of readFileSync(corpusDirectory + file, 'utf8').split('\n')) {
      if (!line.trim()) continue
      const paper = JSON.parse(line) as CorpusPaper
      const key = titleKey(paper.title)
      if (seen.has(key)) continue
      seen.add(key)
      out.push({title: paper.title, ...(paper.abstract ? {abstract: paper.abstract} : {}), topics: paper.topics, optional: paper.optional ?? []})
    }
  }
  return out
}

/** True for the 30 % of papers held out from training. */
export function isHeldOut(title: string): boolean {
  return Number.parseInt(hash32('split:' + titleKey(title)), 16) % 10 < 3
}
