/**
 * Learn the default model (src/classify/default-model.json) with `learn()` from the training
 * part of the development corpus plus the seed listing, then report quality measured honestly:
 * on the held-out 30 % of the corpus, and on the seed by 5-fold cross-fitting (each fold
 * scored by a model trained without it). Run: npm run train [-- --errors] [-- --suggest]
 */
import {writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {learn, type LearnExample} from '../src/classify/learn.js'
import {defaultTopics} from '../src/classify/default-topics.js'
import {evaluate, type Evaluation} from '../src/classify/evaluate.js'
import {isHeldOut, loadCorpus, type CorpusPaper} from './corpus.js'
import {crossFitSeed, loadSeed} from './seed.js'

const ids = defaultTopics.map((t) => t.id)
const toExample = (p: CorpusPaper): LearnExample => ({paper: {title: p.title, ...(p.abstract ? {abstract: p.abstract} : {})}, topics: p.topics, optional: p.optional})

const corpus = loadCorpus()
const train = corpus.filter((p) => !isHeldOut(p.title))
const held = corpus.filter((p) => isHeldOut(p.title))
const seed = loadSeed()
const {classifier, report, suggestions} = learn([...train, ...seed].map(toExample), {topics: defaultTopics, idf: 'examples'})
writeFileSync(fileURLToPath(new URL('../src/classify/default-model.json', import.meta.url)), JSON.stringify(classifier.toJSON().model) + '\n')
console.log(`trained on ${train.length} corpus papers (${train.filter((p) => p.abstract).length} with abstracts) + ${seed.length} seed papers; held out ${held.length}`)
for (const [id, r] of Object.entries(report)) console.log(id.padEnd(11), 'cv title', JSON.stringify(r.title), 'full', JSON.stringify(r.full))
if (process.argv.includes('--suggest')) console.log(JSON.stringify(suggestions, null, 1))

const print = (name: string, count: number, result: Evaluation): void => {
  console.log(`\n${name}: ${count} papers, macro-F1 ${result.macroF1.toFixed(3)} micro-F1 ${result.microF1.toFixed(3)} none-acc ${result.noneAccuracy?.toFixed(3)}`)
  for (const id of ids) {
    const m = result.perTopic[id]!
    console.log(`  ${id.padEnd(11)} P ${m.precision.toFixed(3)} R ${m.recall.toFixed(3)} F1 ${m.f1.toFixed(3)}  (tp ${m.tp} fp ${m.fp} fn ${m.fn})`)
  }
  if (process.argv.includes('--errors')) for (const e of result.errors) console.log(`    miss: ${e.title.slice(0, 80)} want [${e.want}] got [${e.got}]`)
}
const withAbstracts = held.filter((p) => p.abstract)
print('held-out, with abstracts', withAbstracts.length, evaluate(withAbstracts, classifier.classify(withAbstracts), ids))
print('held-out, titles only', held.length, evaluate(held, classifier.classify(held.map((p) => ({title: p.title}))), ids))
print('seed, 5-fold cross-fitted', seed.length, crossFitSeed(train.map(toExample), seed, 5))
