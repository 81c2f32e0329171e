/**
 * `papersift classify --jobs N`: batches of papers go to N worker threads that classify them
 * and make the output lines; results come back in the order the batches were sent. At most
 * `inFlightPerWorker` batches wait per worker and at most twice that many finished batches
 * wait for an earlier one, so memory stays bounded whatever the input size.
 */
import {Worker} from 'node:worker_threads'
import type {ClassifiedPaper, ClassifierJson, ClassifyOptions} from '../classify/classifier.js'
import type {Paper} from '../schema.js'

/** What every worker starts from. */
export interface WorkerInit {
  classifier: ClassifierJson
  options: ClassifyOptions
  /** Leave out papers with no topic (`--only`). */
  only: boolean
  /** Lines of JSON or CSV as one string, or the records themselves. */
  output: 'jsonl' | 'csv' | 'records'
}

export interface WorkerBatch {
  seq: number
  papers: Paper[]
}

export type WorkerResult = {seq: number; text: string; records?: undefined} | {seq: number; records: ClassifiedPaper[]; text?: undefined}

const inFlightPerWorker = 2

export interface ClassifyPool {
  /**
   * Send a batch; waits while every worker is busy, or while finished batches pile up behind
   * one that is not back yet. Take what is `ready()` after each call.
   */
  submit(papers: Paper[]): Promise<void>
  /** Results that are ready, in order. */
  ready(): Generator<WorkerResult>
  /** Every remaining result, in order, as it comes. */
  rest(): AsyncGenerator<WorkerResult>
  close(): Promise<void>
  /** A worker failed (its error is what `submit` and `rest` throw). */
  readonly failed: boolean
}

export function createClassifyPool(size: number, init: WorkerInit, script: URL): ClassifyPool {
  const workers: Worker[] = []
  const load: number[] = []
  const done = new Map<number, WorkerResult>()
  let submitted = 0
  let emitted = 0
  let failure: Error | undefined
  let closing = false
  let wake: (() => void) | undefined
  const notify = (): void => {
    const resolve = wake
    wake = undefined
    resolve?.()
  }
  const wait = (): Promise<void> => new Promise((resolve) => (wake = resolve))

  for (let i = 0; i < size; i++) {
    const worker = new Worker(script, {workerData: init})
    worker.on('message', (result: WorkerResult) => {
      load[i]!--
      done.set(result.seq, result)
      notify()
    })
    worker.on('error', (error) => {
      failure ??= error
      notify()
    })
    worker.on('exit', (code) => {
      if (!closing) {
        failure ??= new Error(`a classify worker stopped (exit code ${code})`)
        notify()
      }
    })
    workers.push(worker)
    load.push(0)
  }

  const pool: ClassifyPool = {
    async submit(papers) {
      for (;;) {
        if (failure) throw failure
        let best = 0
        for (let i = 1; i < size; i++) if (load[i]! < load[best]!) best = i
        // Finished batches pile up behind a slow earlier one. When that one is back too, the
        // caller must be let go to take them (`ready()`): waiting here would wait for nothing.
        const backlog = submitted - emitted
        if (load[best]! < inFlightPerWorker && (backlog < size * inFlightPerWorker * 2 || done.has(emitted))) {
          load[best]!++
          const batch: WorkerBatch = {seq: submitted++, papers}
          workers[best]!.postMessage(batch)
          return
        }
        await wait()
      }
    },
    *ready() {
      for (let result = done.get(emitted); result; result = done.get(emitted)) {
        done.delete(emitted)
        emitted++
        yield result
      }
    },
    async *rest() {
      while (emitted < submitted) {
        if (failure) throw failure
        if (done.has(emitted)) yield* pool.ready()
        else await wait()
      }
    },
    async close() {
      closing = true
      await Promise.all(workers.map((worker) => worker.terminate()))
    },
    get failed() {
      return failure !== undefined
    },
  }
  return pool
}
