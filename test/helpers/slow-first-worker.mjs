// A stand-in for the classify worker in pool tests: answers every batch at once, except the
// first, which it answers only after `workerData.delay` ms — so the others finish before it.
import {parentPort, workerData} from 'node:worker_threads'

parentPort.on('message', ({seq, papers}) => {
  const answer = () => parentPort.postMessage({seq, text: papers.map((paper) => `${paper.title}\n`).join('')})
  if (seq === 0) setTimeout(answer, workerData.delay)
  else answer()
})
