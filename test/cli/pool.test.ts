import {describe, expect, test} from 'vitest'
import {createClassifyPool, type WorkerInit} from '../../src/cli/pool.js'
import type {Paper} from '../../src/schema.js'

const worker = new URL('../helpers/slow-first-worker.mjs', import.meta.url)
const batch = (seq: number): Paper[] => [{id: `p${seq}`, title: `paper ${seq}`, authors: [], links: [], source: {format: 'plain-text', line: seq + 1, endLine: seq + 1}}]

describe('classify pool', () => {
  test('should not wait forever when later batches finish before the first (the way the CLI drives it)', async () => {
    const pool = createClassifyPool(2, {delay: 300} as unknown as WorkerInit, worker)
    const lines: string[] = []
    try {
      for (let seq = 0; seq < 40; seq++) {
        await pool.submit(batch(seq))
        for (const result of pool.ready()) lines.push(result.text!)
      }
      for await (const result of pool.rest()) lines.push(result.text!)
    } finally {
      await pool.close()
    }
    expect(lines.join('')).toBe(Array.from({length: 40}, (_, seq) => `paper ${seq}\n`).join(''))
  }, 10_000)
})
