/**
 * Rules and options are untrusted data; so are the links and markup inside listings.
 *
 * - `createClassifier({topics})`, `--rules file.json` and `fromJSON` validate with zod: unknown
 *   keys, wrong types, empty phrases, reserved keys (no prototype pollution), size caps; every
 *   error names the path. Phrases are words, never regular expressions.
 * - Markdown HTML is never executed or kept as markup; `links` keep only http(s) URLs
 *   (`doi:` and `arXiv:` targets become https URLs); anything else is dropped with a message.
 * - XML: no entity expansion (billion laughs) and no external entities (XXE).
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, afterEach, beforeAll, describe, expect, test} from 'vitest'
import {cli} from '../../src/cli.js'
import {classify, createClassifier, defaultTopics, fromJSON, parse, ruleLimits, TopicRuleError, type TopicRuleInput} from '../../src/index.js'
import {guarded, removeBundle} from './harness.js'

afterAll(removeBundle)

const rule = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({id: 'agents', label: 'LLM agents', phrases: ['LLM agent', 'tool use'], ...extra})

/** Nothing may appear on Object.prototype (or Array.prototype) after handling untrusted data. */
function expectNoPollution(): void {
  const probe: Record<string, unknown> = {}
  for (const key of ['polluted', 'isAdmin', 'phrases', 'threshold', 'id', 'label']) {
    expect(probe[key], `Object.prototype.${key}`).toBeUndefined()
    expect(([] as unknown as Record<string, unknown>)[key], `Array.prototype.${key}`).toBeUndefined()
  }
  expect(Object.keys(Object.prototype)).toEqual([])
}
afterEach(expectNoPollution)

/** The thrown error's message, or a failure when nothing is thrown. */
function errorOf(run: () => unknown): Error & {code?: string} {
  try {
    run()
  } catch (error) {
    return error as Error & {code?: string}
  }
  throw new Error('expected a throw')
}

describe('createClassifier({topics}) validates untrusted rules', () => {
  test.each([
    ['an unknown key', [rule({regex: '.*'})], /topics\[0\]/],
    ['a wrong type for phrases', [rule({phrases: 'LLM agent'})], /topics\[0\]\.phrases/],
    ['a number as a phrase', [rule({phrases: [42]})], /topics\[0\]\.phrases\[0\]/],
    ['an empty phrase', [rule({phrases: ['']})], /topics\[0\]\.phrases\[0\]/],
    ['a phrase of punctuation only', [rule({phrases: ['.*+?']})], /topics\[0\]\.phrases\[0\]/],
    ['a phrase weight out of range', [rule({phrases: [{text: 'agent', weight: 1e9}]})], /topics\[0\]\.phrases\[0\]/],
    ['a NaN threshold', [rule({threshold: Number.NaN})], /topics\[0\]\.threshold/],
    ['an id with a slash', [rule({id: '../etc'})], /topics\[0\]\.id/],
    ['a duplicate id', [rule(), rule()], /topics\[1\]\.id/],
    ['a string instead of a list', 'agents' as unknown as TopicRuleInput[], /topics/],
  ])('rejects %s with a TopicRuleError naming the path', (_name, topics, path) => {
    const error = errorOf(() => createClassifier({topics: topics as TopicRuleInput[]}))
    expect(error).toBeInstanceOf(TopicRuleError)
    expect(error.code).toBe('ERR_PAPERSIFT_RULE')
    expect(error.message).toMatch(path)
    expect(error.message.split('\n')).toHaveLength(1)
  })

  test.each([
    ['a __proto__ key in a rule', '[{"id": "agents", "label": "x", "phrases": ["agent"], "__proto__": {"polluted": true}}]'],
    ['a constructor key in a rule', '[{"id": "agents", "label": "x", "phrases": ["agent"], "constructor": {"prototype": {"polluted": true}}}]'],
    ['a prototype key in a phrase object', '[{"id": "agents", "label": "x", "phrases": [{"text": "agent", "weight": 1, "prototype": {"polluted": true}}]}]'],
    ['a __proto__ key in the fields object', '[{"id": "agents", "label": "x", "phrases": ["agent"], "fields": {"__proto__": {"polluted": true}}}]'],
    ['__proto__ as the topic id', '[{"id": "__proto__", "label": "x", "phrases": ["agent"]}]'],
    ['constructor as the topic id', '[{"id": "constructor", "label": "x", "phrases": ["agent"]}]'],
  ])('rejects %s, and Object.prototype stays clean', (_name, json) => {
    const topics = JSON.parse(json) as TopicRuleInput[]
    const error = errorOf(() => createClassifier({topics}))
    expect(error).toBeInstanceOf(TopicRuleError)
    expect(error.message).toMatch(/topics\[0\]/)
  })

  test('options with a __proto__ key are rejected, not merged', () => {
    expect(() => createClassifier(JSON.parse('{"__proto__": {"threshold": 0}}') as never)).toThrow(/__proto__|Unrecognized|unknown/i)
    expect(() => parse('A title', JSON.parse('{"__proto__": {"strict": true}}') as never)).toThrow(TypeError)
    expect(() => classify([], JSON.parse('{"__proto__": {"explain": true}}') as never)).toThrow(TypeError)
  })

  test('absurd sizes are capped with a clear message', () => {
    const long = 'word '.repeat(ruleLimits.phraseLength)
    const tooMany = Array.from({length: ruleLimits.phrasesPerTopic + 1}, (_, i) => `phrase ${i}`)
    const cases: Array<[TopicRuleInput[], RegExp]> = [
      [[rule({phrases: [long]}) as TopicRuleInput], new RegExp(`topics\\[0\\]\\.phrases\\[0\\]: .*${ruleLimits.phraseLength}`)],
      [[rule({phrases: ['a b c d e f g h i j k l m n']}) as TopicRuleInput], new RegExp(`topics\\[0\\]\\.phrases\\[0\\]: .*${ruleLimits.phraseTerms}`)],
      [[rule({phrases: tooMany}) as TopicRuleInput], new RegExp(`topics\\[0\\]\\.phrases: .*${ruleLimits.phrasesPerTopic}`)],
      [Array.from({length: ruleLimits.topics + 1}, (_, i) => rule({id: `t${i}`}) as TopicRuleInput), new RegExp(`topics: .*${ruleLimits.topics}`)],
      [[rule({examples: ['x'.repeat(ruleLimits.exampleLength + 1)]}) as TopicRuleInput], /topics\[0\]\.examples\[0\]/],
    ]
    for (const [topics, message] of cases) expect(errorOf(() => createClassifier({topics})).message).toMatch(message)
  })

  test('the largest allowed topic (5,000 phrases of 12 words) compiles and classifies quickly', () => {
    const phrases = Array.from({length: ruleLimits.phrasesPerTopic}, (_, i) => `alpha${i} beta gamma delta epsilon zeta eta theta iota kappa lambda mu`)
    const start = performance.now()
    const classifier = createClassifier({topics: [...defaultTopics, {id: 'big', label: 'Big', phrases}]})
    classifier.classifyPaper({title: 'alpha1 beta gamma delta epsilon zeta eta theta iota kappa lambda mu', abstract: 'beta '.repeat(10_000)})
    expect(performance.now() - start).toBeLessThan(10_000)
  })

  test.each([
    ['phrases', 'are rejected with a clear message, not compiled for minutes', /phrases/],
    ['anchors', 'count against the same limit, before any is checked', /expected at most 20000 phrases, exclusions and anchors over all topics, got 1000200/],
  ] as const)('200 topics × 5,000 %s %s', async (key, _what, message) => {
    const outcome = await guarded(
      (lib, list) => {
        const topics = Array.from({length: 200}, (_, t) => ({id: `t${t}`, label: `T${t}`, phrases: ['x'], [list]: Array.from({length: 5000}, (_, i) => `alpha${t}x${i} beta gamma`)}))
        try {
          lib.createClassifier({topics})
          return 'compiled'
        } catch (error) {
          return String((error as Error).message)
        }
      },
      key,
      {timeoutMs: 3000, heapMb: 512},
    )
    expect(outcome.status).toBe('ok')
    expect(outcome.value).toMatch(message)
  })

  test('phrases are words, not regular expressions: regex syntax matches only itself, in linear time', async () => {
    // A catastrophic pattern if it were compiled as a regex; as a phrase it is the words "a" and "b".
    const outcome = await guarded(
      (lib) => {
        const classifier = lib.createClassifier({topics: [{id: 'evil', label: 'Evil', phrases: ['(a+)+$ b', '.* agent'], threshold: 0}]})
        const out = classifier.classifyPaper({title: 'a'.repeat(50_000) + '!', abstract: 'a '.repeat(50_000) + 'c'}, {explain: true})
        return out.topics.find((t) => t.id === 'evil')?.evidence.filter((e) => e.kind !== 'tfidf').map((e) => e.term) ?? []
      },
      null,
      {timeoutMs: 5000},
    )
    expect(outcome.status).toBe('ok')
    expect(outcome.value).toEqual([])
  })
})

describe('fromJSON and --rules files are untrusted too', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'papersift-rules-'))
  })
  afterAll(() => rmSync(dir, {recursive: true, force: true}))

  async function run(...argv: string[]): Promise<{code: number; stdout: string; stderr: string}> {
    let stdout = ''
    let stderr = ''
    const code = await cli(argv, {
      stdin: (async function* () {
        yield 'Sparse Mixture-of-Experts Routing for Language Models\n\nWe route tokens to experts with a learned sparse gate and study load balancing at scale in large language models.\n'
      })(),
      stdout: {write: (chunk: string) => (stdout += chunk)},
      stderr: {write: (chunk: string) => (stderr += chunk)},
      cwd: dir,
    })
    return {code, stdout, stderr}
  }

  test('fromJSON rejects a tampered classifier with a __proto__ key', () => {
    const json = createClassifier().toJSON() as unknown as Record<string, unknown>
    const tampered = JSON.parse(JSON.stringify(json).replace('"papersift":"classifier"', '"papersift":"classifier","__proto__":{"polluted":true}'))
    expect(() => fromJSON(tampered)).toThrow(TopicRuleError)
    const inRules = JSON.parse(JSON.stringify(json).replace('"topics":[{', '"topics":[{"__proto__":{"polluted":true},'))
    expect(() => fromJSON(inRules)).toThrow(TopicRuleError)
  })

  test.each([
    ['unknown-key.json', JSON.stringify([rule({regex: '(a+)+$'})]), /rules\.json|unknown-key\.json/],
    ['proto.json', '[{"id": "agents", "label": "x", "phrases": ["agent"], "__proto__": {"polluted": true}}]', /__proto__|reserved/],
    ['empty-phrase.json', JSON.stringify({topics: [rule({phrases: ['']})]}), /phrases\[0\]/],
    ['too-long.json', JSON.stringify([rule({phrases: ['x'.repeat(ruleLimits.phraseLength + 1)]})]), /phrases\[0\]/],
    ['not-rules.json', '42', /expected/],
    ['broken.json', '[{"id": "agents",', /invalid JSON/],
  ])('classify --rules %s: exit 1, one line naming the problem, nothing on stdout', async (file, content, message) => {
    writeFileSync(join(dir, file), content)
    const {code, stdout, stderr} = await run('classify', '-', '--rules', file)
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(stderr).toMatch(new RegExp(`^papersift: ${file.replace('.', '\\.')}`))
    expect(stderr).toMatch(message)
    expect(stderr).not.toMatch(/^\s+at /m)
  })

  test.each([
    ['proto-top.json', '{"__proto__": {"polluted": true}, "topics": [{"id": "agents", "label": "x", "phrases": ["agent"]}]}'],
    ['typo-top.json', '{"topcs": [], "topics": [{"id": "agents", "label": "x", "phrases": ["agent"]}]}'],
  ])('classify --rules %s: an unknown top-level key is rejected (exit 1)', async (file, content) => {
    writeFileSync(join(dir, file), content)
    const {code, stdout} = await run('classify', '-', '--rules', file)
    expect(stdout).toBe('')
    expect(code).toBe(1)
  })

  test('a valid --rules file adds its topic', async () => {
    writeFileSync(join(dir, 'ok.json'), JSON.stringify([{id: 'routing', label: 'Expert routing', phrases: ['sparse gate', 'load balancing'], threshold: 0.2}]))
    const {code, stdout} = await run('classify', '-', '--rules', 'ok.json')
    expect(code).toBe(0)
    expect((JSON.parse(stdout) as {topics: Array<{id: string}>}).topics.map((t) => t.id)).toContain('routing')
  })
})

describe('links and markup in listings', () => {
  const markdown = [
    '# Awesome Hostile List',
    '',
    '- [Script Paper on Graph Learning](https://arxiv.org/abs/2401.00001) <script>globalThis.__pwned = true</script>',
    '- [Image Paper on Graph Learning](https://arxiv.org/abs/2401.00002) <img src=x onerror="globalThis.__pwned = true">',
    '- [JavaScript Link Paper on Graph Learning](javascript:globalThis.__pwned=true)',
    '- [Data Link Paper on Graph Learning](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '- [VBScript Link Paper on Graph Learning](vbscript:msgbox(1))',
    '- [File Link Paper on Graph Learning](file:///etc/passwd)',
    '- [DOI Paper on Graph Learning](doi:10.1145/3178876.3186040)',
    '- [ArXiv Scheme Paper on Graph Learning](arXiv:1706.03762)',
    '- [Protocol Relative Paper on Graph Learning](//evil.example/x)',
    '- <a href="javascript:globalThis.__pwned=true">Anchor Paper on Graph Learning</a>',
    '',
    '<iframe src="javascript:globalThis.__pwned=true"></iframe>',
    '',
  ].join('\n')

  test('markdown: HTML is never executed nor kept; only http(s) links survive; unsafe ones leave a message', () => {
    const result = parse(markdown, {format: 'markdown'})
    expect((globalThis as {__pwned?: boolean}).__pwned).toBeUndefined()
    const text = JSON.stringify(result.papers)
    expect(text).not.toMatch(/<script|onerror|<img|<iframe|<a\b/i)
    for (const paper of result.papers) for (const link of paper.links) expect(link.url).toMatch(/^https?:\/\/[^/\s]/)
    expect(text).not.toMatch(/javascript:|data:text|vbscript:|file:/i)
    const unsafe = result.messages.filter((m) => m.code === 'unsafe-link')
    for (const line of [5, 6, 7, 8]) expect(unsafe.some((m) => m.line === line), `unsafe-link message for line ${line}`).toBe(true)
    // Papers are not lost because a link was dropped.
    for (const title of ['JavaScript Link Paper on Graph Learning', 'Data Link Paper on Graph Learning', 'File Link Paper on Graph Learning']) {
      expect(result.papers.map((p) => p.title)).toContain(title)
    }
    const byTitle = new Map(result.papers.map((p) => [p.title, p]))
    expect(byTitle.get('DOI Paper on Graph Learning')?.links.map((l) => l.url)).toContain('https://doi.org/10.1145/3178876.3186040')
    expect(byTitle.get('ArXiv Scheme Paper on Graph Learning')?.arxivId).toBe('1706.03762')
  })

  test('JSON Lines, HF JSON and Atom: a javascript: URL is dropped with a message', () => {
    const jsonl = parse(
      [
        JSON.stringify({title: 'A paper on graph learning', url: 'javascript:alert(1)'}),
        JSON.stringify({title: 'Another paper on graph learning', links: ['data:text/html,<script>alert(1)</script>', {url: 'JaVaScRiPt:alert(1)', role: 'code'}]}),
      ].join('\n'),
    )
    const hf = parse(JSON.stringify([{paper: {id: '2401.00001', title: 'A paper', summary: 'An abstract.', githubRepo: 'javascript:alert(1)', projectPage: 'data:text/html,x'}}]))
    const atom = parse(
      '<feed xmlns="http://www.w3.org/2005/Atom">\n<entry><id>http://arxiv.org/abs/2401.00001v1</id><title>A paper</title><summary>S</summary><link href="javascript:alert(1)" rel="related"/></entry>\n</feed>\n',
    )
    for (const result of [jsonl, hf, atom]) {
      expect(result.papers.length).toBeGreaterThan(0)
      expect(JSON.stringify(result.papers)).not.toMatch(/javascript:|data:text/i)
      for (const paper of result.papers) for (const link of paper.links) expect(link.url).toMatch(/^https?:\/\//)
    }
    expect(jsonl.messages.filter((m) => m.code === 'unsafe-link').map((m) => m.line)).toEqual(expect.arrayContaining([1, 2]))
    expect(atom.messages.some((m) => m.code === 'unsafe-link')).toBe(true)
  })
})

describe('terminal control sequences', () => {
  const esc = '\u001b]0;pwned\u0007\u001b[2J\u009b31m'
  /** Every string inside a value. */
  const strings = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : []
  const controls = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/

  test('are stripped from every text field read from a listing', () => {
    const listings = [
      `Evil ${esc} Title for Learning\nAda ${esc}Lovelace, Alan Turing\n\nWe study ${esc} things at length in this abstract, which is long enough to be prose for the parser.\n`,
      JSON.stringify({title: `Evil ${esc} Title for Learning`, authors: [`Ada ${esc}Lovelace`], abstract: `An ${esc} abstract.`}) + '\n',
      `# List\n\n- [Evil ${esc} Title for Learning](https://arxiv.org/abs/2401.00001) - Ada ${esc}Lovelace\n`,
    ]
    for (const text of listings) {
      const {papers} = parse(text)
      expect(papers.length).toBeGreaterThan(0)
      expect(strings(papers).filter((text) => controls.test(text))).toEqual([])
    }
  })

  const record = {id: 'title:evil-1', title: `Evil ${esc} title`, authors: [`\u001b[31mRed`], links: [{url: 'javascript:alert(1)', role: 'code'}], source: {format: 'jsonl', line: 1, endLine: 1}}
  test('a full JSONL record: control characters are removed', () => {
    expect(strings(parse(JSON.stringify(record) + '\n').papers).filter((text) => controls.test(text))).toEqual([])
  })
  test('a full JSONL record: a javascript: link is dropped with an unsafe-link message', () => {
    const result = parse(JSON.stringify(record) + '\n')
    expect(result.papers).toHaveLength(1)
    expect(result.papers[0]!.links).toEqual([])
    expect(result.messages.map((m) => m.code)).toContain('unsafe-link')
  })
})

describe('XML', () => {
  const laughs = (depth: number) => {
    const entities = ['<!ENTITY lol0 "lol">']
    for (let i = 1; i <= depth; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`)
    return entities.join('\n')
  }

  test('billion laughs: no entity is expanded, the entry is read at once', async () => {
    const feed = `<?xml version="1.0"?>\n<!DOCTYPE feed [\n${laughs(9)}\n]>\n<feed xmlns="http://www.w3.org/2005/Atom">\n<entry><id>http://arxiv.org/abs/2401.00001v1</id><title>Laughs &lol9; title</title><summary>&lol9;&lol9;</summary></entry>\n</feed>\n`
    const outcome = await guarded((lib, text: string) => {
      const r = lib.parse(text)
      return {format: r.format, json: JSON.stringify(r), heap: heapUsedMb()}
    }, feed, {timeoutMs: 5000, heapMb: 128})
    expect(outcome.status).toBe('ok')
    expect(outcome.value!.format).toBe('arxiv-atom')
    // 10^9 "lol"s would be 3 GB; the whole result is a few hundred bytes.
    expect(outcome.value!.json.length).toBeLessThan(5000)
    expect(outcome.value!.json).not.toMatch(/(?:lol){4}/)
  })

  test('external entities (XXE) are never read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'papersift-xxe-'))
    try {
      const secret = join(dir, 'secret.txt')
      writeFileSync(secret, 'SECRET-MARKER-7f3a')
      const feed = `<?xml version="1.0"?>\n<!DOCTYPE feed [<!ENTITY xxe SYSTEM "file://${secret}"><!ENTITY % remote SYSTEM "http://127.0.0.1:9/x.dtd"> %remote;]>\n<feed xmlns="http://www.w3.org/2005/Atom">\n<entry><id>http://arxiv.org/abs/2401.00001v1</id><title>XXE &xxe; title</title><summary>&xxe;</summary></entry>\n</feed>\n`
      const result = parse(feed)
      expect(JSON.stringify(result)).not.toContain('SECRET-MARKER')
      expect(result.papers.length + result.messages.filter((m) => m.severity === 'error').length).toBeGreaterThan(0)
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })
})
