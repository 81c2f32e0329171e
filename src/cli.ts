/**
 * The papersift command line. `cli(argv, io)` is a plain async function (tested in-process);
 * the bin at the bottom wires it to the real process. It streams: papers are read, classified
 * and written one at a time, so memory does not grow with the input.
 */
import {createReadStream, readFileSync, statSync, openSync, readSync, closeSync} from 'node:fs'
import {parseArgs} from 'node:util'
import {formats, type Format, type Paper} from './schema.js'
import type {ParseMessage} from './message.js'
import {parseStream, parse} from './parse/index.js'
import {createClassifier, defaultTopics} from './classify/index.js'
import {fromJSON, type Classifier, type ClassifiedPaper} from './classify/classifier.js'
import {evaluate, type GoldPaper} from './classify/evaluate.js'
import {validateRules, type TopicRuleInput} from './classify/rules.js'
import {toTable, toMarkdownDigest, toOutputLine, csvHeader, toTopicTable} from './output.js'
import {createClassifyPool, type ClassifyPool, type WorkerResult} from './cli/pool.js'

/** What the CLI may touch of the outside world. */
export interface CliIo {
  stdin: AsyncIterable<string | Uint8Array>
  stdout: {write(chunk: string): unknown}
  stderr: {write(chunk: string): unknown; isTTY?: boolean | undefined}
  /** Working directory to resolve file names against. */
  cwd?: string | undefined
}

const version = '0.1.0'

const help = `papersift ${version} — parse paper listings and sift them by topic

Usage:
  papersift parse [FILE|-] [--format F] [--output jsonl|json|table]
  papersift classify [FILE|-] [--rules rules.json] [--only nas,gnn] [--min-score X]
                     [--max-topics N] [--explain] [--jobs N] [--format F]
                     [--output jsonl|json|table|md|csv]
  papersift eval GOLD.jsonl [LISTING] [--rules rules.json] [--titles-only] [--json]
  papersift topics [--rules rules.json] [--output table|json]

Reads FILE, or standard input when FILE is '-' or missing. Papers go to standard output
(JSON Lines by default, one paper per line, written as they are read); messages about the
input go to standard error as FILE:LINE: severity code: reason.

Commands:
  parse      Turn a listing into Paper records.
  classify   Parse, then tag each paper with topics (score in [0, 1] and evidence).
  eval       Score topic predictions against gold labels (JSON Lines of {title, topics,
             optional, abstract?}): per-topic precision, recall, F1, macro/micro F1, misses.
             Without LISTING the gold papers themselves are classified.
  topics     List the topics, their phrases, exclusions and thresholds.

Options:
  --format F       Input format: auto (default), ${formats.join(', ')}
  --output O       Output: jsonl (default), json, table; classify also md (digest) and csv
  --rules FILE     JSON topic rules (an array, or {"topics": [...]}) added to the defaults,
                   replacing a default with the same id; or a classifier saved by learn()
  --only IDS       Comma-separated topic ids: keep only papers with one of them
  --min-score X    Score a topic needs, in [0, 1] (default: learned per topic)
  --max-topics N   At most N topics per paper
  --explain        Add every topic's score (scores) to each paper
  -j, --jobs N     classify: classify on N worker threads while the main thread parses
                   (default 1; worth it for large inputs on a machine with idle cores)
  --titles-only    eval: ignore abstracts (as in awesome-lists and accept lists)
  --json           eval: print the full report as JSON
  --verbose        Also print info messages (skipped page chrome, noise lines)
  --quiet          Print no messages
  -h, --help       Show this help
  -v, --version    Show the version

Exit status: 0 on success, 1 when the input cannot be read (missing, a directory,
binary, invalid JSON/XML, unknown format), 2 on bad usage.`

class UsageError extends Error {}
class InputError extends Error {}

/**
 * Run the CLI.
 *
 * @returns The exit code.
 */
export async function cli(argv: readonly string[], io: CliIo): Promise<number> {
  let values: Record<string, string | boolean | undefined>
  let positionals: string[]
  try {
    const parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: {type: 'string'},
        output: {type: 'string', short: 'o'},
        rules: {type: 'string'},
        only: {type: 'string'},
        'min-score': {type: 'string'},
        'max-topics': {type: 'string'},
        jobs: {type: 'string', short: 'j'},
        explain: {type: 'boolean'},
        'titles-only': {type: 'boolean'},
        json: {type: 'boolean'},
        verbose: {type: 'boolean'},
        quiet: {type: 'boolean'},
        help: {type: 'boolean', short: 'h'},
        version: {type: 'boolean', short: 'v'},
      },
    })
    values = parsed.values as Record<string, string | boolean | undefined>
    positionals = parsed.positionals
  } catch (error) {
    io.stderr.write(`papersift: ${(error as Error).message}\nTry 'papersift --help'.\n`)
    return 2
  }
  if (values.help) {
    io.stdout.write(help + '\n')
    return 0
  }
  if (values.version) {
    io.stdout.write(version + '\n')
    return 0
  }
  const [command, ...rest] = positionals
  try {
    switch (command) {
      case 'parse':
        return await runListing(rest, values, io, false)
      case 'classify':
        return await runListing(rest, values, io, true)
      case 'eval':
        return await runEval(rest, values, io)
      case 'topics':
        return runTopics(rest, values, io)
      case undefined:
        throw new UsageError('missing command (parse, classify, eval or topics)')
      default:
        throw new UsageError(`unknown command '${command}'`)
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`papersift: ${error.message}\nTry 'papersift --help'.\n`)
      return 2
    }
    if (error instanceof InputError) {
      io.stderr.write(`papersift: ${error.message}\n`)
      return 1
    }
    const message = error instanceof Error ? error.message : String(error)
    io.stderr.write(`papersift: ${message.split('\n')[0]}\n`)
    return 1
  }
}

function resolvePath(io: CliIo, file: string): string {
  if (!io.cwd || file.startsWith('/')) return file
  return `${io.cwd.replace(/\/$/, '')}/${file}`
}

/** Check a file before streaming it: exists, is a file, is text. */
function checkFile(path: string, label: string): number {
  let size: number
  try {
    const stat = statSync(path)
    if (stat.isDirectory()) throw new InputError(`${label}: is a directory`)
    size = stat.size
  } catch (error) {
    if (error instanceof InputError) throw error
    const code = (error as NodeJS.ErrnoException).code
    throw new InputError(`${label}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : 'cannot read file'}`)
  }
  const head = Buffer.alloc(Math.min(size, 8192))
  const fd = openSync(path, 'r')
  try {
    readSync(fd, head, 0, head.length, 0)
  } finally {
    closeSync(fd)
  }
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)
  if (!utf16 && head.includes(0)) throw new InputError(`${label}: binary file, not a text listing`)
  return size
}

function readJsonFile(io: CliIo, file: string, what: string): unknown {
  const path = resolvePath(io, file)
  checkFile(path, file)
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown
  } catch (error) {
    throw new InputError(`${file}: invalid JSON ${what}: ${(error as Error).message.split('\n')[0]}`)
  }
}

/** Build the classifier from `--rules`, if given. */
function loadClassifier(io: CliIo, values: Record<string, string | boolean | undefined>): Classifier {
  const rulesFile = values.rules
  if (typeof rulesFile !== 'string') return createClassifier()
  const json = readJsonFile(io, rulesFile, 'rules')
  if (json && typeof json === 'object' && (json as {papersift?: unknown}).papersift === 'classifier') {
    try {
      return fromJSON(json)
    } catch (error) {
      throw new InputError(`${rulesFile}: ${(error as Error).message}`)
    }
  }
  if (json && typeof json === 'object' && !Array.isArray(json)) {
    const extra = Object.keys(json).filter((key) => key !== 'topics')
    if (extra.length > 0) throw new InputError(`${rulesFile}: unknown key '${extra[0]}'; expected an array of topic rules or {"topics": [...]}`)
  }
  const list = Array.isArray(json) ? json : (json as {topics?: unknown} | null)?.topics
  if (!Array.isArray(list)) throw new InputError(`${rulesFile}: expected an array of topic rules or {"topics": [...]}`)
  try {
    const added = validateRules(list)
    const byId = new Map<string, TopicRuleInput>(defaultTopics.map((rule) => [rule.id, rule]))
    for (const rule of added) byId.set(rule.id, rule)
    return createClassifier({topics: [...byId.values()]})
  } catch (error) {
    throw new InputError(`${rulesFile}: ${(error as Error).message}`)
  }
}

function formatOption(values: Record<string, string | boolean | undefined>): Format | 'auto' {
  const format = values.format ?? 'auto'
  if (format !== 'auto' && !(formats as readonly unknown[]).includes(format)) {
    throw new UsageError(`unknown format '${String(format)}'; expected auto, ${formats.join(', ')}`)
  }
  return format as Format | 'auto'
}

function outputOption(values: Record<string, string | boolean | undefined>, allowed: readonly string[]): string {
  const output = values.output ?? 'jsonl'
  if (typeof output !== 'string' || !allowed.includes(output)) throw new UsageError(`unknown output '${String(output)}'; expected ${allowed.join(', ')}`)
  return output
}

function numberOption(values: Record<string, string | boolean | undefined>, name: string, check: (n: number) => boolean, expected: string): number | undefined {
  const raw = values[name]
  if (raw === undefined) return undefined
  const value = Number(raw)
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(value) || !check(value)) throw new UsageError(`--${name} expects ${expected}, got '${String(raw)}'`)
  return value
}

function createMessageWriter(io: CliIo, label: string, values: Record<string, string | boolean | undefined>) {
  let errors = 0
  let fatal: ParseMessage | undefined
  return {
    write(message: ParseMessage) {
      if (message.severity === 'error') {
        errors++
        if (!fatal && (message.code === 'unknown-format' || message.code === 'invalid-json' || message.code === 'invalid-xml')) {
          // Reported once, as the last line, whatever --quiet says.
          fatal = message
          return
        }
      }
      if (values.quiet) return
      if (message.severity === 'info' && !values.verbose) return
      io.stderr.write(`${label}:${message.line}: ${message.severity} ${message.code}: ${message.reason}\n`)
    },
    get errors() {
      return errors
    },
    get fatal() {
      return fatal
    },
  }
}

/** A progress line on stderr, only when stderr is a terminal and the input is large. */
function createProgress(io: CliIo, total: number | undefined) {
  const enabled = io.stderr.isTTY === true && (total === undefined || total > 8 * 1024 * 1024)
  const start = Date.now()
  let last = start
  let papers = 0
  return {
    tick(bytes: number) {
      papers++
      if (!enabled || (papers & 255) !== 0) return
      const now = Date.now()
      if (now - last < 500) return
      last = now
      const seconds = (now - start) / 1000
      const rate = bytes / seconds / 1e6
      const eta = total ? ` ETA ${Math.max(0, (total - bytes) / (bytes / seconds)).toFixed(0)} s` : ''
      io.stderr.write(`\r${papers} papers, ${(papers / seconds).toFixed(0)} papers/s, ${rate.toFixed(1)} MB/s${eta}   `)
    },
    done() {
      if (enabled && papers > 255) io.stderr.write('\n')
    },
  }
}

async function runListing(rest: string[], values: Record<string, string | boolean | undefined>, io: CliIo, classifyToo: boolean): Promise<number> {
  if (rest.length > 1) throw new UsageError(`expected one FILE, got ${rest.length}`)
  const output = outputOption(values, classifyToo ? ['jsonl', 'json', 'table', 'md', 'csv'] : ['jsonl', 'json', 'table'])
  const format = formatOption(values)
  const classifier = classifyToo ? loadClassifier(io, values) : undefined
  const only = typeof values.only === 'string' ? values.only.split(',').map((s) => s.trim()).filter(Boolean) : undefined
  if (only && classifier) {
    const known = new Set(classifier.topics.map((t) => t.id))
    const unknown = only.filter((id) => !known.has(id))
    if (unknown.length > 0) throw new UsageError(`unknown topic '${unknown[0]}' in --only; expected ${[...known].join(', ')}`)
  }
  const threshold = numberOption(values, 'min-score', (n) => n >= 0 && n <= 1, 'a number in [0, 1]')
  const maxTopics = numberOption(values, 'max-topics', (n) => Number.isInteger(n) && n > 0, 'a positive integer')
  const jobs = numberOption(values, 'jobs', (n) => Number.isInteger(n) && n >= 1 && n <= 64, 'an integer from 1 to 64') ?? 1
  if (!classifyToo && (only || threshold !== undefined || maxTopics !== undefined || values.explain || values.rules || values.jobs !== undefined)) {
    throw new UsageError('--rules, --only, --min-score, --max-topics, --explain and --jobs are for classify')
  }

  const file = rest[0] ?? '-'
  const label = file === '-' ? '<stdin>' : file
  let source: AsyncIterable<string | Uint8Array> = io.stdin
  let total: number | undefined
  if (file !== '-') {
    const path = resolvePath(io, file)
    total = checkFile(path, file)
    source = createReadStream(path, {highWaterMark: 1 << 20})
  }
  let bytes = 0
  const counted = (async function* () {
    for await (const chunk of source) {
      bytes += typeof chunk === 'string' ? chunk.length : chunk.byteLength
      yield chunk
    }
  })()

  const messages = createMessageWriter(io, label, values)
  const progress = createProgress(io, total)
  const classifyOptions = {
    ...(only ? {only} : {}),
    ...(threshold !== undefined ? {threshold} : {}),
    ...(maxTopics !== undefined ? {maxTopics} : {}),
    ...(values.explain ? {explain: true} : {}),
  }
  const streaming = output === 'jsonl' || output === 'csv'
  const held: Array<Paper | ClassifiedPaper> = []
  // Streamed output is held back until 4 MB are ready, so an input found unreadable early
  // (binary, invalid JSON or XML, truncated) leaves standard output empty; past that, lines
  // go out as they are made and memory stays flat.
  const out = createHeldOutput(io, 4 * 1024 * 1024)
  let wroteHeader = false
  const pool: ClassifyPool | undefined =
    classifier && jobs > 1
      ? createClassifyPool(jobs, {classifier: classifier.toJSON(), options: classifyOptions, only: only !== undefined, output: streaming ? (output as 'jsonl' | 'csv') : 'records'}, workerScript)
      : undefined
  /** Write streamed lines (the CSV header first), waiting while standard output is full. */
  const writeLines = async (text: string): Promise<void> => {
    const header = output === 'csv' && !wroteHeader ? csvHeader + '\n' : ''
    wroteHeader = true
    const pending = out.write(header + text)
    if (pending) await pending
  }
  /** Output made by a worker: lines to write, or records to hold. */
  const take = async (result: WorkerResult): Promise<void> => {
    if (result.records) held.push(...result.records)
    else if (result.text) await writeLines(result.text)
  }
  let batch: Paper[] = []
  try {
    for await (const paper of parseStream(counted, {format, onMessage: messages.write})) {
      progress.tick(bytes)
      if (pool) {
        batch.push(paper)
        if (batch.length >= batchSize) {
          await pool.submit(batch)
          batch = []
          for (const result of pool.ready()) await take(result)
        }
        continue
      }
      const record = classifier ? classifier.classifyPaper(paper, classifyOptions) : paper
      // --only sifts: papers with none of those topics are left out.
      if (only && (record as ClassifiedPaper).topics.length === 0) continue
      if (!streaming) {
        held.push(record)
        continue
      }
      await writeLines(toOutputLine(record, output as 'jsonl' | 'csv'))
    }
    if (pool) {
      if (batch.length > 0) await pool.submit(batch)
      for await (const result of pool.rest()) await take(result)
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code && !pool?.failed) throw new InputError(`${label}: cannot read (${code})`)
    throw error
  } finally {
    await pool?.close()
  }
  progress.done()
  const fatal = messages.fatal
  if (!fatal) {
    if (output === 'csv' && !wroteHeader) out.write(csvHeader + '\n')
    if (output === 'json') out.write(JSON.stringify(held, null, 2) + '\n')
    else if (output === 'table') out.write(classifier ? toTopicTable(held as ClassifiedPaper[], classifier.topics) : toTable(held))
    else if (output === 'md') out.write(toMarkdownDigest(held as ClassifiedPaper[], classifier!.topics))
    await out.flush()
  } else out.discard()
  if (fatal) {
    io.stderr.write(`papersift: ${label}:${fatal.line}: ${fatal.reason}\n`)
    return 1
  }
  return 0
}

/** Papers a worker gets at a time (`--jobs`): large enough that messaging costs little. */
const batchSize = 256
/** The worker script, next to this module in dist/. */
const workerScript = new URL('./classify-worker.js', import.meta.url)

/**
 * Output held in memory up to `limit` characters, then written straight through, waiting for
 * `drain` when the stream says its buffer is full (a slow reader must not grow our memory).
 */
function createHeldOutput(io: CliIo, limit: number) {
  let chunks: string[] | undefined = []
  let size = 0
  const stdout = io.stdout as {write(chunk: string): unknown; once?: (event: 'drain', listener: () => void) => unknown}
  const send = (text: string): Promise<void> | undefined => {
    if (stdout.write(text) !== false || typeof stdout.once !== 'function') return undefined
    return new Promise((resolve) => stdout.once!('drain', resolve))
  }
  return {
    write(text: string): Promise<void> | undefined {
      if (!chunks) return send(text)
      chunks.push(text)
      size += text.length
      return size >= limit ? this.flush() : undefined
    },
    flush(): Promise<void> | undefined {
      const held = chunks
      chunks = undefined
      return held && held.length > 0 ? send(held.join('')) : undefined
    },
    /** Drop what is still held (the input turned out unreadable). */
    discard() {
      if (chunks) chunks = []
    },
  }
}

function readJsonLines(io: CliIo, file: string): unknown[] {
  const path = resolvePath(io, file)
  checkFile(path, file)
  const out: unknown[] = []
  readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .forEach((line, index) => {
      if (!line.trim()) return
      try {
        out.push(JSON.parse(line))
      } catch {
        throw new InputError(`${file}:${index + 1}: invalid JSON line`)
      }
    })
  return out
}

async function runEval(rest: string[], values: Record<string, string | boolean | undefined>, io: CliIo): Promise<number> {
  const [goldFile, listing, ...extra] = rest
  if (!goldFile) throw new UsageError('eval needs GOLD.jsonl')
  if (extra.length > 0) throw new UsageError('eval takes GOLD.jsonl and at most one LISTING')
  const classifier = loadClassifier(io, values)
  const gold = readJsonLines(io, goldFile).map((value, index) => {
    const g = value as Partial<GoldPaper> & {abstract?: unknown}
    if (!g || typeof g.title !== 'string' || !Array.isArray(g.topics)) throw new InputError(`${goldFile}:${index + 1}: expected {"title", "topics": [...]}`)
    return g as GoldPaper & {abstract?: string}
  })
  let papers: Array<{title: string; abstract?: string | undefined}>
  if (listing) {
    const path = resolvePath(io, listing)
    checkFile(path, listing)
    papers = parse(readFileSync(path, 'utf8'), {format: formatOption(values)}).papers
  } else papers = gold.map((g) => ({title: g.title, ...(typeof g.abstract === 'string' ? {abstract: g.abstract} : {})}))
  if (values['titles-only']) papers = papers.map((p) => ({title: p.title}))
  const ids = classifier.topics.map((t) => t.id)
  const predicted = classifier.classify(papers)
  const report = evaluate(gold, predicted, ids)
  if (values.json) {
    io.stdout.write(JSON.stringify(report, null, 2) + '\n')
    return 0
  }
  for (const id of ids) {
    const m = report.perTopic[id]!
    io.stdout.write(`${id.padEnd(11)} tp ${String(m.tp).padStart(3)} fp ${String(m.fp).padStart(3)} fn ${String(m.fn).padStart(3)}  P ${m.precision.toFixed(3)} R ${m.recall.toFixed(3)} F1 ${m.f1.toFixed(3)}\n`)
  }
  for (const e of report.errors) io.stdout.write(`  miss: ${e.title.slice(0, 70)}  want [${e.want}] got [${e.got}]\n`)
  io.stdout.write(`exact ${report.exactMatch.toFixed(3)} none-acc ${report.noneAccuracy?.toFixed(3) ?? '-'} papers ${report.papers} missing ${report.missing}\n`)
  io.stdout.write(`macro-F1 ${report.macroF1.toFixed(3)} micro-F1 ${report.microF1.toFixed(3)}\n`)
  return 0
}

function runTopics(rest: string[], values: Record<string, string | boolean | undefined>, io: CliIo): number {
  if (rest.length > 0) throw new UsageError('topics takes no FILE')
  const output = outputOption({output: values.output ?? 'table'}, ['table', 'json'])
  const classifier = loadClassifier(io, values)
  const json = classifier.toJSON()
  const thresholds = new Map(json.model.topics.map(([id, model]) => [id, model.threshold]))
  if (output === 'json') {
    io.stdout.write(JSON.stringify(classifier.topics, null, 2) + '\n')
    return 0
  }
  for (const topic of classifier.topics) {
    const learned = thresholds.get(topic.id)
    const threshold = topic.threshold ?? json.threshold ?? learned
    const shown = typeof threshold === 'number' ? threshold.toFixed(2) : threshold ? `title ${threshold.title.toFixed(2)}, with abstract ${threshold.full.toFixed(2)}` : '0.50'
    const phrase = (p: string | {text: string; weight: number}) => (typeof p === 'string' ? p : p.weight === 1 ? p.text : `${p.text} (${p.weight})`)
    io.stdout.write(`${topic.id} — ${topic.label}\n  threshold: ${shown}\n`)
    io.stdout.write(`  phrases (${topic.phrases.length}): ${topic.phrases.map(phrase).join(', ')}\n`)
    if (topic.exclude?.length) io.stdout.write(`  exclude (${topic.exclude.length}): ${topic.exclude.map(phrase).join(', ')}\n`)
    if (topic.anchors?.length) io.stdout.write(`  anchors (${topic.anchors.length}): ${topic.anchors.join(', ')}\n`)
    io.stdout.write('\n')
  }
  return 0
}
