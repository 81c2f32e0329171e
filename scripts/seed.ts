/**
 * The seed listing (fixtures/trending-papers.txt) with its gold labels, as learn() examples.
 * Its real arXiv abstracts train the default model; its quality is therefore measured by
 * k-fold cross-fitting (each fold scored by a model that never saw it), never in-sample.
 */
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {parse} from '../src/parse/index.js'
import {hash32, titleKey} from '../src/text/normalize.js'
import {learn, type LearnExample} from '../src/classify/learn.js'
import {defaultTopics} from '../src/classify/default-topics.js'
import {evaluate, type Evaluation} from '../src/classify/evaluate.js'

export interface SeedPaper {
  title: string
  abstract?: string
  topics: string[]
  optional: string[]
}

export function loadSeed(): SeedPaper[] {
  const text = readFileSync(fileURLToPath(new URL('../fixtures/trending-papers.txt', import.meta.url)), 'utf8')
  const labels = new Map(
    readFileSync(fileURLToPath(new URL('../fixtures/trending-papers.labels.jsonl', import.meta.url)), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as {title: string; topics: string[]; optional?: string[]})
      .map((g) => [titleKey(g.title), g]),
  )
  return parse(text).papers.map((paper) => {
    const gold = labels.get(titleKey(paper.title))
    if (!gold) throw new Error(`no label for ${paper.title}`)
    return {title: paper.title, ...(paper.abstract ? {abstract: paper.abstract} : {}), topics: gold.topics, optional: gold.optional ?? []}
  })
}

/** Fold of a seed paper for cross-fitting. */
export function seedFold(title: string, folds: number): number {
  return Number.parseInt(hash32('seed:' + titleKey(title)), 16) % folds
}

/**
 * Seed quality by k-fold cross-fitting: each fold of the seed is classified by a model learned
 * from `base` examples plus the other folds.
 */
export function crossFitSeed(base: readonly LearnExample[], seed: readonly SeedPaper[], folds: number): Evaluation {
  const predicted = []
  for (let fold = 0; fold < folds; fold++) {
    const rest = seed.filter((p) => seedFold(p.title, folds) !== fold)
    const {classifier} = learn([...base, ...rest.map((p) => ({paper: {title: p.title, ...(p.abstract ? {abstract: p.abstract} : {})}, topics: p.topics, optional: p.optional}))], {
      topics: defaultTopics,
      idf: 'examples',
    })
    predicted.push(...classifier.classify(seed.filter((p) => seedFold(p.title, folds) === fold)))
  }
  return evaluate(seed, predicted, defaultTopics.map((t) => t.id))
}
