/**
 * Learn the default model (src/classify/default-model.json) from the training part of the
 * development corpus with `learn()`, then report held-out quality. Run: npm run train
 */
import {writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {learn} from '../src/classify/learn.js'
import {defaultTopics} from '../src/classify/default-topics.js'
import {evaluate} from '../src/classify/evaluate.js'
import {isHeldOut, loadCorpus} from './corpus.js'

const corpus = loadCorpus()
const train = corpus.filter((p) => !isHeldOut(p.title))
const held = corpus.filter((p) => isHeldOut(p.title))
const {classifier, report, suggestions} = learn(
  train.map((p) => ({paper: {title: p.title, ...(p.abstract ? {abstract: p.abstract} : {})}, topics: p.topics, optional: p.optional})),
  {topics: defaultTopics, idf: 'examples'},
)
const json = classifier.toJSON()
writeFileSync(fileURLToPath(new URL('../src/classify/default-model.json', import.meta.url)), JSON.stringify(json.model) + '\n')
console.log(`trained on ${train.length} papers (${train.filter((p) => p.abstract).length} with abstracts); held out ${held.length}`)
for (const [id, r] of Object.entries(report)) console.log(id.padEnd(11), 'cv title', JSON.stringify(r.title), 'full', JSON.stringify(r.full))
if (process.argv.includes('--suggest')) console.log(JSON.stringify(suggestions, null, 1))

const ids = defaultTopics.map((t) => t.id)
const show = (name: string, papers: typeof held, titleOnly: boolean): void => {
  const predicted = classifier.classify(papers.map((p) => ({title: p.title, ...(p.abstract && !titleOnly ? {abstract: p.abstract} : {})})))
  const result = evaluate(papers, predicted, ids)
  console.log(`\n${name}: ${papers.length} papers, macro-F1 ${result.macroF1.toFixed(3)} micro-F1 ${result.microF1.toFixed(3)} none-acc ${result.noneAccuracy?.toFixed(3)}`)
  for (const id of ids) {
    const m = result.perTopic[id]!
    console.log(`  ${id.padEnd(11)} P ${m.precision.toFixed(3)} R ${m.recall.toFixed(3)} F1 ${m.f1.toFixed(3)}  (tp ${m.tp} fp ${m.fp} fn ${m.fn})`)
  }
  if (process.argv.includes('--errors')) for (const e of result.errors) console.log(`    miss: ${e.title.slice(0, 80)} want [${e.want}] got [${e.got}]`)
}
show('held-out, with abstracts', held.filter((p) => p.abstract), false)
show('held-out, titles only', held, true)
