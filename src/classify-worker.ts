/**
 * A worker thread of `papersift classify --jobs N`: it loads the classifier the main thread
 * sends (as JSON), then classifies batches of papers and answers with the output already
 * made — JSON Lines or CSV rows as one string (cheap to send back), or the records.
 */
import {parentPort, workerData} from 'node:worker_threads'
import {fromJSON, type ClassifiedPaper, type ClassifyOptions} from './classify/classifier.js'
import {toOutputLine} from './output.js'
import type {Paper} from './schema.js'
import type {WorkerBatch, WorkerInit, WorkerResult} from './cli/pool.js'

const init = workerData as WorkerInit
const classifier = fromJSON(init.classifier)
const options: ClassifyOptions = init.options

parentPort!.on('message', ({seq, papers}: WorkerBatch) => {
  const records: ClassifiedPaper[] = []
  let text = ''
  for (const paper of papers as Paper[]) {
    const record = classifier.classifyPaper(paper, options)
    // --only sifts: papers with none of those topics are left out.
    if (init.only && record.topics.length === 0) continue
    if (init.output === 'records') records.push(record)
    else text += toOutputLine(record, init.output)
  }
  const result: WorkerResult = init.output === 'records' ? {seq, records} : {seq, text}
  parentPort!.postMessage(result)
})
