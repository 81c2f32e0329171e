import {execFile, spawn} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'
import {afterAll, describe, expect, test} from 'vitest'
import {cli, type CliIo} from '../src/cli.js'
import {defaultTopics, PaperSchema, parse, type Paper} from '../src/index.js'

const root = fileURLToPath(new URL('../', import.meta.url))
const trending = 'fixtures/trending-papers.txt'
const labels = 'fixtures/trending-papers.labels.jsonl'
const temp = mkdtempSync(join(tmpdir(), 'papersift-cli-'))
afterAll(() => rmSync(temp, {recursive: true, force: true}))

interface Run {
  code: number
  stdout: string
  stderr: string
}

/** Run the CLI in-process with fake io; `stdin` is fed as an async iterable of chunks. */
async function run(argv: readonly string[], stdin: ReadonlyArray<string | Uint8Array> = []): Promise<Run> {
  let stdout = ''
  let stderr = ''
  const io: CliIo = {
    stdin: (async function* () {
      for (const chunk of stdin) yield chunk
    })(),
    stdout: {write: (chunk: string) => (stdout += chunk)},
    stderr: {write: (chunk: string) => (stderr += chunk)},
    cwd: root,
  }
  const code = await cli(argv, io)
  return {code, stdout, stderr}
}

const jsonLines = (text: string) => text.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)
const lines = (text: string) => text.split('\n').filter((line) => line.length > 0)

/** Strip the classifier's fields, leaving the Paper. */
function paperOf(record: Record<string, unknown>): Paper {
  const {topics: _topics, scores: _scores, ...paper} = record
  return PaperSchema.parse(paper)
}

describe('papersift parse', () => {
  test('should write 71 JSON Lines, each a valid Paper, and nothing on stderr', async () => {
    const {code, stdout, stderr} = await run(['parse', trending])
    expect(code).toBe(0)
    expect(stderr).toBe('')
    expect(stdout.endsWith('\n')).toBe(true)
    const records = jsonLines(stdout)
    expect(records).toHaveLength(71)
    for (const record of records) expect(PaperSchema.safeParse(record).success).toBe(true)
    expect(records).toEqual(JSON.parse(JSON.stringify(parse(readFileSync(join(root, trending), 'utf8')).papers)))
  })

  test('should write one JSON array with --output json', async () => {
    const {code, stdout} = await run(['parse', trending, '--output', 'json'])
    expect(code).toBe(0)
    const array = JSON.parse(stdout) as unknown[]
    expect(Array.isArray(array)).toBe(true)
    expect(array).toHaveLength(71)
    for (const record of array) expect(PaperSchema.safeParse(record).success).toBe(true)
    expect(array).toEqual(jsonLines((await run(['parse', trending])).stdout))
  })

  test('should write a table with one row per paper and a count', async () => {
    const {code, stdout} = await run(['parse', trending, '-o', 'table'])
    expect(code).toBe(0)
    const rows = lines(stdout)
    expect(rows).toHaveLength(72)
    expect(rows[0]).toMatch(/^ {3}1 {2}PC-DARTS: Partial Channel Connections for Memory-Efficient Architecture Search +line 11 \[code\]$/)
    expect(rows[71]).toBe('71 papers')
  })

  test('should read standard input for `-` and for a missing FILE, in any chunking', async () => {
    const text = readFileSync(join(root, trending))
    const file = await run(['parse', trending])
    const dash = await run(['parse', '-'], [text.subarray(0, 1000), text.subarray(1000, 1001), text.subarray(1001)])
    expect(dash).toEqual(file)
    const none = await run(['parse'], [text.toString('utf8')])
    expect(none).toEqual(file)
  })

  test('should label stdin messages <stdin> and show warnings, info only with --verbose, nothing with --quiet', async () => {
    const text = readFileSync(join(root, 'fixtures/plain-text/messy.txt'))
    const normal = await run(['parse', '-'], [text])
    expect(normal.code).toBe(0)
    expect(lines(normal.stderr)).toEqual([
      expect.stringMatching(/^<stdin>:21: warning missing-abstract: /),
      expect.stringMatching(/^<stdin>:29: warning missing-abstract: /),
      expect.stringMatching(/^<stdin>:29: warning duplicate-paper: .* line 16/),
    ])
    const verbose = await run(['parse', 'fixtures/plain-text/messy.txt', '--verbose'])
    expect(lines(verbose.stderr)).toHaveLength(8)
    expect(verbose.stderr).toMatch(/^fixtures\/plain-text\/messy\.txt:1: info noise-line: /)
    const quiet = await run(['parse', 'fixtures/plain-text/messy.txt', '--quiet'])
    expect(quiet.stderr).toBe('')
    expect(quiet.stdout).toBe(normal.stdout)
  })

  test('should read a given --format', async () => {
    const {code, stdout} = await run(['parse', 'fixtures/arxiv-email/cs-daily.txt', '--format', 'arxiv-email'])
    expect(code).toBe(0)
    expect(jsonLines(stdout).every((r) => (r.source as {format: string}).format === 'arxiv-email')).toBe(true)
  })
})

describe('papersift classify', () => {
  test('should add topics to every JSON Line', async () => {
    const {code, stdout, stderr} = await run(['classify', trending, '--output', 'jsonl'])
    expect(code).toBe(0)
    expect(stderr).toBe('')
    const records = jsonLines(stdout)
    expect(records).toHaveLength(71)
    const ids = new Set(defaultTopics.map((t) => t.id))
    for (const record of records) {
      paperOf(record)
      const topics = record.topics as Array<{id: string; score: number; evidence: unknown[]}>
      expect(Array.isArray(topics)).toBe(true)
      for (const topic of topics) {
        expect(ids.has(topic.id)).toBe(true)
        expect(topic.score).toBeGreaterThanOrEqual(0)
        expect(topic.score).toBeLessThanOrEqual(1)
      }
    }
    expect((records[0]!.topics as Array<{id: string}>).map((t) => t.id)).toContain('nas')
    expect(records.filter((r) => (r.topics as unknown[]).length > 0).length).toBeGreaterThan(50)
  })

  test('should keep only the papers and topics of --only', async () => {
    const {code, stdout} = await run(['classify', trending, '--only', 'nas'])
    expect(code).toBe(0)
    const topics = jsonLines(stdout).map((r) => (r.topics as Array<{id: string}>).map((t) => t.id))
    expect(topics.length).toBeGreaterThanOrEqual(10)
    expect(topics.length).toBeLessThan(71)
    expect(topics.every((ids) => ids.length === 1 && ids[0] === 'nas')).toBe(true)
  })

  test('should reject an unknown topic in --only as usage', async () => {
    const {code, stdout, stderr} = await run(['classify', trending, '--only', 'nas,astrology'])
    expect([code, stdout]).toEqual([2, ''])
    expect(stderr).toMatch(/unknown topic 'astrology'/)
  })

  test('should apply --min-score to every topic', async () => {
    const all = jsonLines((await run(['classify', trending])).stdout).flatMap((r) => r.topics as Array<{score: number}>)
    const {code, stdout} = await run(['classify', trending, '--min-score', '0.99'])
    expect(code).toBe(0)
    const strict = jsonLines(stdout).flatMap((r) => r.topics as Array<{score: number}>)
    expect(strict.length).toBeGreaterThan(0)
    expect(strict.length).toBeLessThan(all.length)
    expect(strict.every((t) => t.score >= 0.99)).toBe(true)
    const none = jsonLines((await run(['classify', trending, '--min-score', '1'])).stdout)
    expect(none.every((r) => (r.topics as Array<{score: number}>).every((t) => t.score >= 1))).toBe(true)
  })

  test.each([['2'], ['-0.1'], ['abc'], ['']])('should reject --min-score %j as usage', async (value) => {
    const {code, stdout} = await run(['classify', trending, '--min-score', value])
    expect([code, stdout]).toEqual([2, ''])
  })

  test('should round-trip a markdown list: parse --output jsonl, then parse that as JSON Lines', async () => {
    const {code, stdout} = await run(['parse', 'fixtures/markdown/large-list.md', '--output', 'jsonl'])
    expect(code).toBe(0)
    const written = jsonLines(stdout)
    expect(written.length).toBeGreaterThanOrEqual(300)
    const back = parse(stdout)
    expect(back.format).toBe('jsonl')
    expect(back.papers).toEqual(written)
  })

  test('should write a markdown digest grouped by topic', async () => {
    const {code, stdout} = await run(['classify', trending, '--output', 'md'])
    expect(code).toBe(0)
    expect(stdout.startsWith('# Papers by topic\n\n## ')).toBe(true)
    expect(stdout).toMatch(/^## Neural architecture search \(\d+\)$/m)
    // A paper with only a code link: bold title, then the code link once.
    expect(stdout).toContain('- **PC-DARTS: Partial Channel Connections for Memory-Efficient Architecture Search** · [code](https://github.com/yuhuixu1993/PC-DARTS)\n')
    expect(stdout.match(/yuhuixu1993\/PC-DARTS/g)).toHaveLength(1)
  })

  test('should write CSV with a header and one row per paper', async () => {
    const {code, stdout} = await run(['classify', trending, '--output', 'csv'])
    expect(code).toBe(0)
    const rows = lines(stdout)
    expect(rows[0]).toBe('id,title,topics,scores,arxiv_id,url,code')
    expect(rows).toHaveLength(72)
    expect(rows[1]).toBe(
      'title:pc-darts-partial-channel-connections-for-memory-efficient-8aef9c77,PC-DARTS: Partial Channel Connections for Memory-Efficient Architecture Search,nas,1.000,,,https://github.com/yuhuixu1993/PC-DARTS',
    )
  })

  test('should write the header only for an empty listing', async () => {
    const {code, stdout} = await run(['classify', '-', '--output', 'csv'], [''])
    expect([code, stdout]).toEqual([0, 'id,title,topics,scores,arxiv_id,url,code\n'])
  })

  test('should refuse classify options on parse', async () => {
    const {code, stdout} = await run(['parse', trending, '--only', 'nas'])
    expect([code, stdout]).toEqual([2, ''])
  })
})

describe('papersift topics and eval', () => {
  test('should list every topic', async () => {
    const {code, stdout} = await run(['topics'])
    expect(code).toBe(0)
    for (const topic of defaultTopics) expect(stdout).toContain(`${topic.id} — ${topic.label}\n`)
    const moe = defaultTopics.find((topic) => topic.id === 'moe')!
    expect(stdout).toContain(`  anchors (${moe.anchors!.length}): ${moe.anchors!.join(', ')}\n`)
    const json = await run(['topics', '--output', 'json'])
    expect((JSON.parse(json.stdout) as Array<{id: string}>).map((t) => t.id)).toEqual(defaultTopics.map((t) => t.id))
  })

  test('should print per-topic scores and macro-F1 for labels and a listing', async () => {
    const {code, stdout, stderr} = await run(['eval', labels, trending])
    expect([code, stderr]).toEqual([0, ''])
    for (const topic of defaultTopics) expect(stdout).toMatch(new RegExp(`^${topic.id} +tp +\\d+ fp +\\d+ fn +\\d+ +P \\d\\.\\d{3} R \\d\\.\\d{3} F1 \\d\\.\\d{3}$`, 'm'))
    expect(stdout).toMatch(/papers 71 missing 0$/m)
    const macro = /^macro-F1 (\d\.\d{3}) micro-F1 (\d\.\d{3})$/m.exec(stdout)
    expect(macro).not.toBeNull()
    expect(Number(macro![1])).toBeGreaterThan(0.5)
  })

  test('should print the full report with --json', async () => {
    const {code, stdout} = await run(['eval', labels, trending, '--json'])
    expect(code).toBe(0)
    const report = JSON.parse(stdout) as {macroF1: number; papers: number}
    expect(report.papers).toBe(71)
    expect(report.macroF1).toBeGreaterThan(0.5)
  })
})

describe('papersift errors', () => {
  const binary = join(temp, 'listing.bin')
  writeFileSync(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0x61, 0x62, 0x00, 0x0a]))
  const control = join(temp, 'control.dat')
  writeFileSync(control, Buffer.from(Array.from({length: 400}, (_, i) => 1 + (i % 8))))
  const badRules = join(temp, 'rules.json')
  writeFileSync(badRules, '{"topics": [{"id": "nas",')
  const badJson = join(temp, 'daily.json')
  writeFileSync(badJson, '[{"paper": {"id": "2401.01234", "title": "Broken"')

  test.each([
    ['a missing file', ['parse', 'no/such/listing.txt'], /^papersift: no\/such\/listing\.txt: no such file$/],
    ['a directory', ['parse', 'fixtures'], /^papersift: fixtures: is a directory$/],
    ['a binary file with NUL bytes', ['parse', binary], /^papersift: .*listing\.bin: binary file, not a text listing$/],
    ['a binary file without NUL bytes', ['parse', control], /^papersift: .*control\.dat:1: Input is binary, not a text listing$/],
    ['a binary file to classify as csv', ['classify', binary, '--output', 'csv'], /binary file/],
    ['binary standard input', ['parse', '-', '--output', 'json'], /^papersift: <stdin>:1: Input is binary/],
    ['an invalid JSON rules file', ['classify', trending, '--rules', badRules], /^papersift: .*rules\.json: invalid JSON rules: /],
    ['an invalid JSON rules file for topics', ['topics', '--rules', badRules], /invalid JSON rules/],
    ['a missing rules file', ['classify', trending, '--rules', 'no-rules.json'], /^papersift: no-rules\.json: no such file$/],
    ['an invalid JSON listing', ['parse', badJson, '--format', 'hf-json'], /^papersift: .*daily\.json:1: Invalid JSON/],
    ['a missing gold file', ['eval', 'no-gold.jsonl'], /no such file/],
    ['a missing listing for eval', ['eval', labels, 'nope.txt'], /^papersift: nope\.txt: no such file$/],
  ])('should exit 1 with one stderr line and no stdout for %s', async (_name, argv, message) => {
    const result = await run(argv, [new Uint8Array([0, 1, 2, 3, 0, 0, 0, 0])])
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr.endsWith('\n')).toBe(true)
    expect(lines(result.stderr)).toHaveLength(1)
    expect(result.stderr.trimEnd()).toMatch(message)
  })

  test('should still exit 1 with the one line under --quiet', async () => {
    const result = await run(['parse', control, '--quiet'])
    expect(result.code).toBe(1)
    expect(lines(result.stderr)).toHaveLength(1)
  })

  test('should write nothing on stdout for a broken JSON line, report it once and exit 1, whatever the chunking', async () => {
    const good = readFileSync(join(root, 'fixtures/jsonl/papers.jsonl'), 'utf8').trimEnd().split('\n')
    const text = [...good.slice(0, 3), '{"title": broken', ...good.slice(3)].join('\n') + '\n'
    const whole = await run(['parse', '-', '--format', 'jsonl'], [text])
    const bytes = Buffer.from(text)
    const small = await run(['parse', '-', '--format', 'jsonl'], Array.from({length: bytes.length}, (_, i) => bytes.subarray(i, i + 1)))
    expect(small).toEqual(whole)
    expect(whole.code).toBe(1)
    expect(whole.stdout).toBe('')
    expect(lines(whole.stderr)).toEqual([expect.stringMatching(/^papersift: <stdin>:4: /)])
  })

  test.each([
    ['--format bogus', ['parse', trending, '--format', 'bogus'], /unknown format 'bogus'/],
    ['an unknown command', ['sift', trending], /unknown command 'sift'/],
    ['no command', [], /missing command/],
    ['an unknown flag', ['parse', trending, '--fromat', 'jsonl'], /--fromat/],
    ['an unknown output', ['parse', trending, '--output', 'md'], /unknown output 'md'/],
    ['two files', ['parse', trending, trending], /expected one FILE/],
    ['a bad --max-topics', ['classify', trending, '--max-topics', '0'], /--max-topics/],
    ['--jobs 0', ['classify', trending, '--jobs', '0'], /--jobs expects an integer from 1 to 64, got '0'/],
    ['--jobs 1.5', ['classify', trending, '-j', '1.5'], /--jobs expects/],
    ['--jobs on parse', ['parse', trending, '--jobs', '2'], /--jobs are for classify/],
    ['eval without gold', ['eval'], /eval needs GOLD\.jsonl/],
  ])('should exit 2 with a usage message and no stdout for %s', async (_name, argv, message) => {
    const result = await run(argv)
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(lines(result.stderr)[0]).toMatch(message)
    expect(lines(result.stderr)[0]).toMatch(/^papersift: /)
    expect(lines(result.stderr).length).toBeLessThanOrEqual(2)
  })
})

describe('papersift --help and --version', () => {
  test('should mention every command and option', async () => {
    const {code, stdout, stderr} = await run(['--help'])
    expect([code, stderr]).toEqual([0, ''])
    for (const command of ['parse', 'classify', 'eval', 'topics']) expect(stdout).toMatch(new RegExp(`^ {2}papersift ${command}\\b`, 'm'))
    for (const command of ['parse', 'classify', 'eval', 'topics']) expect(stdout).toMatch(new RegExp(`^ {2}${command} +\\S`, 'm'))
    for (const option of ['--format', '--output', '--rules', '--only', '--min-score', '--max-topics', '--explain', '--jobs', '--titles-only', '--json', '--verbose', '--quiet']) {
      expect(stdout).toContain(option)
    }
    expect((await run(['-h'])).stdout).toBe(stdout)
    expect((await run(['parse', '--help'])).stdout).toBe(stdout)
  })

  test('should print the version of package.json', async () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {version: string}
    expect(await run(['--version'])).toEqual({code: 0, stdout: pkg.version + '\n', stderr: ''})
  })
})

describe('the bin, as a real process', () => {
  const exec = promisify(execFile)
  const bin = ['--import', 'tsx', 'src/bin.ts']

  test('should write JSON Lines to stdout and exit 0', async () => {
    const {stdout, stderr} = await exec(process.execPath, [...bin, 'parse', trending], {cwd: root, maxBuffer: 64 * 1024 * 1024})
    expect(stderr).toBe('')
    const records = jsonLines(stdout)
    expect(records).toHaveLength(71)
    for (const record of records) expect(PaperSchema.safeParse(record).success).toBe(true)
  })

  test('should exit 1 with one line on stderr for a missing file', async () => {
    const error = (await exec(process.execPath, [...bin, 'parse', 'no/such/file.txt'], {cwd: root}).catch((e: unknown) => e)) as {code: number; stdout: string; stderr: string}
    expect([error.code, error.stdout, error.stderr]).toEqual([1, '', 'papersift: no/such/file.txt: no such file\n'])
  })

  test('should read stdin and stop quietly when stdout is closed early', async () => {
    const child = spawn(process.execPath, [...bin, 'classify', '-'], {cwd: root, stdio: ['pipe', 'pipe', 'pipe']})
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    let first = ''
    child.stdout.once('data', (chunk: Buffer) => {
      first = chunk.toString()
      child.stdout.destroy()
    })
    child.stdin.end(readFileSync(join(root, trending)))
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(first).toMatch(/^\{"id":"title:pc-darts-/)
    expect(stderr).toBe('')
    expect(code).toBe(0)
  })
})
