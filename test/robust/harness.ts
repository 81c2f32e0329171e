/**
 * Shared by the robustness tests: the library bundled once per test file with esbuild, and a
 * worker-thread runner with a hard wall-clock guard and a heap cap. A pathological input that
 * hangs or balloons is killed (`terminate()` stops even a synchronous regex) and reported as
 * `timeout` / `oom` instead of hanging the suite.
 */
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {pathToFileURL} from 'node:url'
import {Worker} from 'node:worker_threads'
import {build} from 'esbuild'

declare global {
  /** Inside a guarded body only: the last value is reported if the worker times out. */
  function progress(value: unknown): void
  /** Inside a guarded body only: V8 heap in use, MB. */
  function heapUsedMb(): number
}

export type Lib = typeof import('../../src/index.js') & {
  normalize: typeof import('../../src/text/normalize.js')
  links: typeof import('../../src/parse/links.js')
  engine: typeof import('../../src/parse/engine.js')
  formats: typeof import('../../src/parse/formats.js')
}

const root = resolve(import.meta.dirname, '../..')

/** The public API plus the internals the regex tests call directly. */
const entry = `
export * from './src/index.ts'
export * as normalize from './src/text/normalize.ts'
export * as links from './src/parse/links.ts'
export * as engine from './src/parse/engine.ts'
export * as formats from './src/parse/formats.ts'
`

const bundled = new Map<boolean, Promise<{url: string; dir: string}>>()

/**
 * Bundle src/ (and its dependencies) into one ESM file in a temp dir; once per test file.
 * With `sourcemap`, stack traces point at src/ files (slower to load).
 */
export function bundleLibrary(sourcemap = false): Promise<{url: string; dir: string}> {
  let promise = bundled.get(sourcemap)
  promise ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'papersift-robust-'))
    const outfile = join(dir, 'lib.mjs')
    await build({
      stdin: {contents: entry, resolveDir: root, loader: 'ts', sourcefile: 'robust-entry.ts'},
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outfile,
      logLevel: 'silent',
      sourcemap: sourcemap ? 'inline' : false,
      // natural is CommonJS: give the ESM bundle a `require` for its internals.
      banner: {js: "import {createRequire as __cr} from 'node:module'; const require = __cr(import.meta.url);"},
    })
    return {url: pathToFileURL(outfile).href, dir}
  })()
  bundled.set(sourcemap, promise)
  return promise
}

/** Delete the temp bundles (call from `afterAll`). */
export async function removeBundle(): Promise<void> {
  const dirs = await Promise.all([...bundled.values()].map((promise) => promise.then(({dir}) => dir, () => undefined)))
  bundled.clear()
  for (const dir of dirs) if (dir) rmSync(dir, {recursive: true, force: true})
}

export interface GuardedResult<T> {
  status: 'ok' | 'timeout' | 'oom' | 'error'
  /** Time of the body alone (not the worker start nor the bundle import), ms. */
  ms: number
  value?: T
  error?: string
  /** V8 heap in use when the body returned, MB. */
  heapMb?: number
  /** Last value the body passed to `progress()` (tells where a timeout struck). */
  progress?: unknown
}

export interface GuardOptions {
  /** Kill the worker when the body has run this long (the clock starts once the library is loaded). */
  timeoutMs: number
  /** Heap cap of the worker (old generation), MB. @default 512 */
  heapMb?: number
  /** Script run in the worker before the library is imported (e.g. to watch `RegExp`). */
  setup?: string
  /** Load the source-mapped bundle (stack traces name src/ files). */
  sourcemap?: boolean
}

/**
 * Run `fn(lib, arg)` in a fresh worker thread. `fn` must be self-contained (it is sent as
 * source text) and may be async; `arg` must be structured-cloneable.
 */
export async function guarded<A, T>(fn: (lib: Lib, arg: A) => T | Promise<T>, arg: A, options: GuardOptions): Promise<GuardedResult<T>> {
  const {url} = await bundleLibrary(options.sourcemap ?? false)
  const source = `
    const {parentPort, workerData} = require('node:worker_threads')
    const v8 = require('node:v8')
    if (workerData.sourcemap) process.setSourceMapsEnabled(true)
    globalThis.progress = (value) => parentPort.postMessage({progress: value})
    globalThis.heapUsedMb = () => v8.getHeapStatistics().used_heap_size / 1048576
    // esbuild's keepNames helper, in case the test transform wrapped a named inner function.
    globalThis.__name = (target) => target
    ;(0, eval)(workerData.setup)
    import(workerData.url).then(async (lib) => {
      const fn = (0, eval)('(' + workerData.fn + ')')
      parentPort.postMessage({ready: true})
      const start = performance.now()
      try {
        const value = await fn(lib, workerData.arg)
        const ms = performance.now() - start
        parentPort.postMessage({status: 'ok', ms, value, heapMb: v8.getHeapStatistics().used_heap_size / 1048576})
      } catch (error) {
        parentPort.postMessage({status: 'error', ms: performance.now() - start, error: String(error && error.stack || error)})
      }
    }, (error) => parentPort.postMessage({status: 'error', ms: 0, error: 'import failed: ' + String(error && error.stack || error)}))
  `
  const worker = new Worker(source, {
    eval: true,
    workerData: {url, fn: fn.toString(), arg, setup: options.setup ?? '', sourcemap: options.sourcemap ?? false},
    resourceLimits: {maxOldGenerationSizeMb: options.heapMb ?? 512, stackSizeMb: 4},
    stdout: true,
    stderr: true,
  })
  let started = performance.now()
  return new Promise((resolvePromise) => {
    let settled = false
    let progress: unknown
    const settle = (result: GuardedResult<T>): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      void worker.terminate()
      resolvePromise(result)
    }
    const expire = (): void => settle({status: 'timeout', ms: performance.now() - started, progress})
    // The guard starts once the library is loaded; loading itself gets a generous allowance.
    let timer = setTimeout(expire, 60_000)
    type Message = GuardedResult<T> | {ready: true} | {progress: unknown}
    worker.on('message', (message: Message) => {
      if ('ready' in message) {
        clearTimeout(timer)
        started = performance.now()
        timer = setTimeout(expire, options.timeoutMs)
      } else if ('status' in message) settle(message)
      else progress = message.progress
    })
    worker.on('error', (error: Error & {code?: string}) =>
      settle({status: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'oom' : 'error', ms: performance.now() - started, error: String(error.stack ?? error)}),
    )
    worker.on('exit', (code) => settle({status: 'error', ms: performance.now() - started, error: `worker exited with ${code}`}))
  })
}
