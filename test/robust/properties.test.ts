/**
 * Property tests over generated listings: plain text (title + blank + abstract blocks),
 * arXiv mailings, JSON Lines, Atom feeds and markdown awesome-lists, with noise blocks, random
 * whitespace and line endings, BOMs, RTL text, emoji (ZWJ sequences, flags), combining marks,
 * lone surrogates and NUL bytes.
 *
 * Runs are bounded and the seed is fixed so CI is fast and reproducible:
 *   FAST_CHECK_RUNS=2000 FAST_CHECK_SEED=$RANDOM npx vitest run test/robust/properties.test.ts
 */
import fc from 'fast-check'
import {describe, expect, test} from 'vitest'
import {classify, createClassifier, parse, parseStream, PaperSchema, type Format, type Paper} from '../../src/index.js'
import {formatDefinitions} from '../../src/parse/formats.js'
import {cleanText, cleanTitle, titleKey} from '../../src/text/normalize.js'

const numRuns = Number(process.env.FAST_CHECK_RUNS ?? 25)
const seed = Number(process.env.FAST_CHECK_SEED ?? 424242)
const params = {numRuns, seed, endOnFailure: true}

const registered = new Set(formatDefinitions.map((d) => d.name))

// ---------------------------------------------------------------------------------------------
// Text atoms

/** Words a title needs so that it never reads as an author line (lower case, in the title vocabulary). */
const titleGlue = ['for', 'of', 'with', 'via', 'learning', 'networks', 'models', 'towards', 'search', 'graphs']
const capitalWords = ['Efficient', 'Scalable', 'Neural', 'Sparse', 'Robust', 'Adaptive', 'Latent', 'Quantum', 'Federated', 'Mamba', 'NAS', 'GNN', 'LoRA', 'MoE', 'Diffusion', 'Routing', 'Attention', '3D', 'Zero-Shot']
/** RTL scripts, emoji (ZWJ sequence, flag, keycap), combining marks, CJK, math letters, bidi controls. */
const unicodeWords = [
  'למידה', // Hebrew
  'تعلم', // Arabic
  'Ωmega',
  'naïve',
  'Cafe\u0301', // combining acute (NFD)
  'Zu\u0308rich',
  '学习',
  'グラフ',
  '그래프',
  '🚀',
  '👩‍🔬',
  '🇫🇷',
  '1️⃣',
  'x\u0327\u0301',
  '\u202Eevil\u202C', // right-to-left override
  '\u200Fmark', // right-to-left mark
  '𝔊𝔯𝔞𝔭𝔥',
  'Ǆemo',
]
const plainWords = ['graph', 'signal', 'routing', 'sparse', 'tokens', 'latency', 'memory', 'kernel', 'policy', 'gradient', 'reward', 'image', 'video', 'protein', 'molecule', 'traffic', 'packet', 'buffer', 'scheduler', 'dataset']
const spaces = [' ', ' ', ' ', '  ', '\t', '\u00A0', '\u3000', '\u2009']
const lineEndings = ['\n', '\n', '\r\n', '\r']

/** A word, sometimes with a lone surrogate inside (cleanText drops it). */
function decorate(word: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(word, fc.constantFrom('', '', '', '', '\uD800', '\uDFFF', '\u200B')).map(([w, extra]) => (extra && w.length > 1 ? w[0] + extra + w.slice(1) : w))
}

const wordArb = decorate(fc.oneof(fc.constantFrom(...capitalWords), fc.constantFrom(...unicodeWords), fc.constantFrom(...plainWords)))
const spaceArb = fc.constantFrom(...spaces)

function joinWords(words: readonly string[], gaps: readonly string[]): string {
  return words.map((w, i) => (i === 0 ? w : (gaps[i % gaps.length] ?? ' ') + w)).join('')
}

/** A title: a capitalised or Unicode head word, a glue word, and up to six more; < 150 characters. */
const titleArb = fc
  .tuple(
    fc.oneof(fc.constantFrom(...capitalWords), fc.constantFrom(...unicodeWords)),
    fc.constantFrom(...titleGlue),
    fc.array(wordArb, {minLength: 1, maxLength: 6}),
    fc.array(spaceArb, {minLength: 1, maxLength: 4}),
    fc.nat(1000),
  )
  .map(([head, glue, rest, gaps, n]) => {
    const words = [...rest]
    words.splice(n % (words.length + 1), 0, glue)
    return joinWords([head, ...words, `#${n}`], gaps).slice(0, 140)
  })
  .filter((title) => titleKey(cleanTitle(title)).length > 0)

/** An abstract paragraph of at least `min` characters ending with a period. */
function abstractArb(min = 180): fc.Arbitrary<string> {
  return fc.array(fc.oneof(fc.constantFrom(...plainWords), wordArb), {minLength: 40, maxLength: 60}).map((words) => {
    let text = 'We study ' + words.join(' ')
    while (text.length < min) text += ' and ' + words.join(' ')
    return text + '.'
  })
}

const authorNames = ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Björn Ommer', 'José García', 'Jean-Luc Picard', 'Yann LeCun', 'Fei-Fei Li', 'Kaiming He', 'Zoë Kravitz', 'Łukasz Kaiser', 'Ngozi Okonjo']
const authorsArb = fc.uniqueArray(fc.constantFrom(...authorNames), {minLength: 1, maxLength: 4})

function authorLine(names: readonly string[]): string {
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}

// ---------------------------------------------------------------------------------------------
// Listing model: lines plus what the generator put where.

interface ExpectedPaper {
  /** `titleKey` of the cleaned title. */
  key: string
  line: number
  abstractKey?: string | undefined
  authors?: readonly string[] | undefined
}

interface Listing {
  format: Format
  text: string
  /** Number of lines of `text` (it always ends with a line ending). */
  lines: number
  papers: ExpectedPaper[]
  /** Lines of noise blocks: each must come back as a message, never as a paper. */
  noise: Array<{line: number; text: string}>
}

class Builder {
  lines: string[] = []
  papers: ExpectedPaper[] = []
  noise: Array<{line: number; text: string}> = []
  get next(): number {
    return this.lines.length + 1
  }
  push(...lines: string[]): void {
    this.lines.push(...lines)
  }
  finish(format: Format, endings: readonly string[], bom: boolean): Listing {
    // A `\r` ending followed by an empty line ending in `\n` would read as one CRLF: avoid it.
    const chosen = this.lines.map((_, i) => endings[i % endings.length]!)
    for (let i = 1; i < chosen.length; i++) if (chosen[i - 1] === '\r' && chosen[i] === '\n' && this.lines[i] === '') chosen[i] = '\r\n'
    const text = (bom ? '\uFEFF' : '') + this.lines.map((line, i) => line + chosen[i]).join('')
    return {format, text, lines: this.lines.length, papers: this.papers, noise: this.noise}
  }
}

const key = (title: string): string => titleKey(cleanTitle(title))

const distinctTitles = (min: number, max: number) => fc.uniqueArray(titleArb, {minLength: min, maxLength: max, selector: key})
const endingsArb = fc.array(fc.constantFrom(...lineEndings), {minLength: 1, maxLength: 5})
const blankArb = fc.constantFrom('', '', '   ', '\t', '\u00A0 ')

// ---------------------------------------------------------------------------------------------
// plain-text

const plainNoise = [
  'Subscribe',
  'Get trending papers in your email inbox!',
  'Mar 11',
  '12 Jan 2024',
  '2024-03-11',
  'Load more',
  'Previous',
  'Daily Papers',
  '★ 4.5k',
  '74',
  'Click here to unsubscribe from this newsletter',
  '© 2024 Example Corp',
]

const plainItem = fc.record({
  noiseBefore: fc.array(fc.constantFrom(...plainNoise), {maxLength: 2}),
  authors: fc.option(authorsArb, {nil: undefined}),
  abstract: abstractArb(),
  wrap: fc.boolean(),
  indent: fc.constantFrom('', ' ', '\t'),
  trailing: fc.constantFrom('', ' ', '\t ', '\u00A0'),
  blank: fc.array(blankArb, {minLength: 1, maxLength: 3}),
})

const plainTextListing: fc.Arbitrary<Listing> = fc
  .tuple(distinctTitles(1, 8), fc.array(plainItem, {minLength: 8, maxLength: 8}), fc.array(fc.constantFrom(...plainNoise), {maxLength: 2}), endingsArb, fc.boolean())
  .map(([titles, items, tail, endings, bom]) => {
    const b = new Builder()
    titles.forEach((title, i) => {
      const item = items[i]!
      for (const noise of item.noiseBefore) {
        b.noise.push({line: b.next, text: noise})
        b.push(noise, ...item.blank)
      }
      b.papers.push({key: key(title), line: b.next, abstractKey: titleKey(cleanText(item.abstract)), authors: item.authors})
      b.push(item.indent + title + item.trailing)
      if (item.authors) b.push(authorLine(item.authors) + item.trailing)
      b.push(...item.blank)
      if (item.wrap) {
        // Hard-wrapped: lines of 160+ characters each, cut at spaces.
        const words = item.abstract.split(' ')
        let line = ''
        for (const word of words) {
          line = line ? `${line} ${word}` : word
          if (line.length >= 160) {
            b.push(line)
            line = ''
          }
        }
        if (line) b.push(line)
      } else b.push(item.indent + item.abstract + item.trailing)
      b.push(...item.blank)
    })
    for (const noise of tail) {
      b.noise.push({line: b.next, text: noise})
      b.push(noise, '')
    }
    return b.finish('plain-text', endings, bom)
  })

// ---------------------------------------------------------------------------------------------
// arxiv-email

const divider = '-'.repeat(78)
const emailNoise = ['Note from the editors 🚀', 'למידה Errata פרסום', 'Appendix: see the website', 'תעלם ‏mark']
const texAuthors: Array<[string, string]> = [
  ['Bj\\"orn Ommer', 'Björn Ommer'],
  ["L\\'elio Renard Lavaud", 'Lélio Renard Lavaud'],
  ['Sa\\v{s}a Misailovi\\\'c', 'Saša Misailović'],
  ['Ada Lovelace', 'Ada Lovelace'],
  ['Grace Hopper', 'Grace Hopper'],
  ['Yann LeCun', 'Yann LeCun'],
]

/** Wrap a field value at about 60 characters with two-space continuation lines, as the mailer does. */
function wrapField(name: string, value: string, width: number): string[] {
  const words = value.split(' ')
  const out: string[] = []
  let line = `${name}: `
  for (const word of words) {
    if (line.length + word.length > width && line.trim().length > name.length + 1) {
      out.push(line.trimEnd())
      line = '  '
    }
    line += (line.endsWith(' ') ? '' : ' ') + word
  }
  out.push(line.trimEnd())
  return out
}

const emailItem = fc.record({
  authors: fc.uniqueArray(fc.constantFrom(...texAuthors), {minLength: 1, maxLength: 4, selector: (a) => a[1]}),
  abstract: abstractArb(120),
  width: fc.integer({min: 40, max: 90}),
  comments: fc.option(fc.constantFrom('10 pages, 3 figures', 'Code: https://github.com/example/repo', 'ICLR 2024 🚀'), {nil: undefined}),
  noiseAfter: fc.option(fc.constantFrom(...emailNoise), {nil: undefined}),
  trailing: fc.constantFrom('', ' ', '\t'),
})

const arxivEmailListing: fc.Arbitrary<Listing> = fc
  .tuple(distinctTitles(1, 6), fc.array(emailItem, {minLength: 6, maxLength: 6}), fc.boolean(), fc.nat(9000), endingsArb, fc.boolean())
  .map(([titles, items, header, base, endings, bom]) => {
    const b = new Builder()
    if (header) {
      b.push('From: no-reply@arxiv.org', 'Subject: cs daily Subj-class mailing 1e8 1', 'Date: Fri, 19 Jan 2024 04:13:51 -0500', '', divider)
      b.push('Send any comments regarding submissions directly to submitter.', divider)
    }
    titles.forEach((rawTitle, i) => {
      // No tabs or no-break spaces inside mail fields: a wrapped line starts with spaces.
      const title = rawTitle.replace(/\s+/g, ' ').trim()
      const item = items[i]!
      const id = `2401.${String(10000 + base + i).padStart(5, '0')}`
      b.papers.push({key: key(title), line: b.next, abstractKey: titleKey(cleanText(item.abstract)), authors: item.authors.map((a) => a[1])})
      b.push('\\\\', `arXiv:${id}`, 'Date: Wed, 17 Jan 2024 18:56:18 GMT   (2458kb,D)', '')
      b.push(...wrapField('Title', title, item.width).map((l) => l + item.trailing))
      b.push(...wrapField('Authors', item.authors.map((a) => a[0]).join(', '), item.width))
      b.push('Categories: cs.LG cs.AI')
      if (item.comments) b.push(`Comments: ${item.comments}`)
      b.push('\\\\')
      b.push(...wrapField('', item.abstract, item.width).map((l, j) => (j === 0 ? '  ' + l.slice(2) : l.trim())))
      b.push(`\\\\ ( https://arxiv.org/abs/${id} ,  2458kb)`, divider)
      if (item.noiseAfter) {
        b.noise.push({line: b.next, text: item.noiseAfter})
        b.push(item.noiseAfter)
      }
    })
    return b.finish('arxiv-email', endings, bom)
  })

// ---------------------------------------------------------------------------------------------
// jsonl (light records)

const jsonlNoise = ['{"title": "unterminated', 'not json at all 🚀', '[1, 2, 3]', '42', '"a string"', '{"title": 7}']

const jsonlItem = fc.record({
  abstract: fc.option(abstractArb(40), {nil: undefined}),
  authors: fc.option(fc.oneof(authorsArb.map((a) => [...a] as string[] | string), authorsArb.map((a) => a.join(', '))), {nil: undefined}),
  url: fc.option(fc.constantFrom('https://github.com/example/repo', 'https://arxiv.org/abs/2401.00001', 'javascript:alert(1)'), {nil: undefined}),
  noiseBefore: fc.option(fc.constantFrom(...jsonlNoise), {nil: undefined}),
  blank: fc.array(blankArb, {maxLength: 2}),
  spaced: fc.boolean(),
})

const jsonlListing: fc.Arbitrary<Listing> = fc
  .tuple(distinctTitles(1, 8), fc.array(jsonlItem, {minLength: 8, maxLength: 8}), endingsArb, fc.boolean())
  .map(([titles, items, endings, bom]) => {
    const b = new Builder()
    titles.forEach((title, i) => {
      const item = items[i]!
      // The first line must be a record for the format to be detected.
      if (item.noiseBefore && i > 0) {
        b.noise.push({line: b.next, text: item.noiseBefore})
        b.push(item.noiseBefore)
      }
      const record: Record<string, unknown> = {title}
      if (item.abstract) record.abstract = item.abstract
      if (item.authors) record.authors = item.authors
      if (item.url && !/arxiv/.test(item.url)) record.url = item.url
      const authors = item.authors === undefined ? undefined : typeof item.authors === 'string' ? item.authors.split(', ') : item.authors
      b.papers.push({key: key(title), line: b.next, abstractKey: item.abstract ? titleKey(cleanText(item.abstract)) : undefined, authors})
      b.push(item.spaced ? JSON.stringify(record, null, 1).replace(/\n\s*/g, ' ') : JSON.stringify(record), ...item.blank)
    })
    return b.finish('jsonl', endings, bom)
  })

// ---------------------------------------------------------------------------------------------
// hf-json (the daily-papers API answer, pretty-printed)

const hfItem = fc.record({
  abstract: abstractArb(60),
  authors: authorsArb,
  upvotes: fc.nat(5000),
  repo: fc.option(fc.constantFrom('https://github.com/example/repo', 'javascript:alert(1)'), {nil: undefined}),
  noiseAfter: fc.boolean(),
})

const hfJsonListing: fc.Arbitrary<Listing> = fc
  .tuple(distinctTitles(1, 6), fc.array(hfItem, {minLength: 6, maxLength: 6}), fc.nat(9000), fc.constantFrom(1, 2, 4), endingsArb)
  .map(([titles, items, base, indent, endings]) => {
    const b = new Builder()
    const elements: Array<{value: unknown; paper?: ExpectedPaper; noise?: string}> = []
    titles.forEach((title, i) => {
      const item = items[i]!
      const id = `2404.${String(10000 + base + i).padStart(5, '0')}`
      elements.push({
        value: {paper: {id, title, summary: item.abstract, authors: item.authors.map((name) => ({name})), upvotes: item.upvotes, ...(item.repo ? {githubRepo: item.repo} : {})}, numComments: 1},
        paper: {key: key(title), line: 0, abstractKey: titleKey(cleanText(item.abstract)), authors: item.authors},
      })
      if (item.noiseAfter) elements.push({value: {paper: {id: 'not-an-arxiv-id', title: 7}}, noise: 'invalid element'})
    })
    b.push('[')
    elements.forEach((element, i) => {
      const lines = JSON.stringify(element.value, null, indent).split('\n').map((l) => ' '.repeat(indent) + l)
      lines[lines.length - 1] += i < elements.length - 1 ? ',' : ''
      if (element.paper) b.papers.push({...element.paper, line: b.next})
      if (element.noise) b.noise.push({line: b.next, text: element.noise})
      b.push(...lines)
    })
    b.push(']')
    return b.finish('hf-json', endings, false)
  })

// ---------------------------------------------------------------------------------------------
// arxiv-atom

function xmlEscape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
/** Code points XML 1.0 cannot carry (lone surrogates) are not atom input; strip them for this format. */
function xmlSafe(value: string): string {
  return value.replace(/[\uD800-\uDFFF]/g, (c, i: number, s: string) => {
    const code = c.charCodeAt(0)
    if (code <= 0xdbff) return /[\uDC00-\uDFFF]/.test(s[i + 1] ?? '') ? c : ''
    return /[\uD800-\uDBFF]/.test(s[i - 1] ?? '') ? c : ''
  })
}

const atomItem = fc.record({
  abstract: abstractArb(80),
  authors: authorsArb,
  wrapTitle: fc.boolean(),
  oneLine: fc.boolean(),
  noiseAfter: fc.option(fc.constantFrom('<!-- mirrored -->', 'stray text ✓'), {nil: undefined}),
})

const arxivAtomListing: fc.Arbitrary<Listing> = fc
  .tuple(distinctTitles(1, 6), fc.array(atomItem, {minLength: 6, maxLength: 6}), fc.nat(9000), endingsArb, fc.boolean())
  .map(([titles, items, base, endings, bom]) => {
    const b = new Builder()
    b.push('<?xml version="1.0" encoding="UTF-8"?>', '<feed xmlns="http://www.w3.org/2005/Atom">', '  <title type="html">ArXiv Query: generated</title>')
    titles.forEach((rawTitle, i) => {
      const title = xmlSafe(rawTitle)
      const item = items[i]!
      const id = `2402.${String(10000 + base + i).padStart(5, '0')}`
      b.papers.push({key: key(title), line: b.next, abstractKey: titleKey(cleanText(item.abstract)), authors: item.authors})
      const t = xmlEscape(title)
      const titleXml = item.wrapTitle && t.includes(' ') ? t.replace(' ', '\n    ') : t
      const parts = [
        '<entry>',
        `<id>http://arxiv.org/abs/${id}v1</id>`,
        '<published>2024-02-01T10:00:00Z</published>',
        `<title>${titleXml}</title>`,
        `<summary>${xmlEscape(xmlSafe(item.abstract))}</summary>`,
        ...item.authors.map((a) => `<author><name>${xmlEscape(a)}</name></author>`),
        `<link href="http://arxiv.org/abs/${id}v1" rel="alternate" type="text/html"/>`,
        '</entry>',
      ]
      if (item.oneLine && !titleXml.includes('\n')) b.push('  ' + parts.join(''))
      else b.push(...parts.join('\n').split('\n').map((l) => '  ' + l))
      if (item.noiseAfter) {
        b.noise.push({line: b.next, text: item.noiseAfter})
        b.push(item.noiseAfter)
      }
    })
    b.push('</feed>')
    return b.finish('arxiv-atom', endings, bom)
  })

// ---------------------------------------------------------------------------------------------
// markdown (awesome-list)

/** Markdown titles: no markup characters. */
const mdTitleArb = titleArb.map((t) => t.replace(/[[\]()*_`<>#|\\!~]/g, ' ').replace(/\s+/g, ' ').trim()).filter((t) => key(t).length > 0)
const mdItem = fc.record({
  style: fc.constantFrom('link', 'bold', 'linkAuthors'),
  heading: fc.option(fc.constantFrom('## 2024', '## Graph Learning', '### למידה 🚀'), {nil: undefined}),
  noiseAfter: fc.option(fc.constantFrom('Some paragraph text without links.', 'A note <b>in html</b> about the list.'), {nil: undefined}),
})
const markdownListing: fc.Arbitrary<Listing> = fc
  .tuple(fc.uniqueArray(mdTitleArb, {minLength: 1, maxLength: 8, selector: key}), fc.array(mdItem, {minLength: 8, maxLength: 8}), fc.nat(9000), endingsArb)
  .map(([titles, items, base, endings]) => {
    const b = new Builder()
    b.push('# Awesome Generated Papers', '', 'A curated list.', '')
    b.noise.push({line: 3, text: 'A curated list.'})
    titles.forEach((title, i) => {
      const item = items[i]!
      if (item.heading) b.push(item.heading, '')
      const id = `2403.${String(10000 + base + i).padStart(5, '0')}`
      b.papers.push({key: key(title), line: b.next})
      if (item.style === 'link') b.push(`- [${title}](https://arxiv.org/abs/${id})`)
      else if (item.style === 'bold') b.push(`- **${title}** [[paper](https://arxiv.org/abs/${id})]`)
      else b.push(`- [${title}](https://arxiv.org/abs/${id}) - Ada Lovelace, Alan Turing. [[code](https://github.com/example/r${i})]`)
      if (item.noiseAfter) {
        b.push('')
        b.noise.push({line: b.next, text: item.noiseAfter})
        b.push(item.noiseAfter, '')
      }
    })
    return b.finish('markdown', endings, false)
  })

// ---------------------------------------------------------------------------------------------

const generators: Array<[Format, fc.Arbitrary<Listing>]> = [
  ['plain-text', plainTextListing],
  ['arxiv-email', arxivEmailListing],
  ['jsonl', jsonlListing],
  ['hf-json', hfJsonListing],
  ['arxiv-atom', arxivAtomListing],
  ['markdown', markdownListing],
]
const active = generators.filter(([format]) => registered.has(format))
const anyListing = fc.oneof(...active.map(([, arb]) => arb))

/** A paper covers a line when the line is inside its source range. */
const covers = (from: {line: number; endLine?: number | undefined}, line: number): boolean => from.line <= line && line <= (from.endLine ?? from.line)

function checkNoLoss(listing: Listing): void {
  const result = parse(listing.text)
  expect(result.format).toBe(listing.format)
  for (const paper of result.papers) expect(PaperSchema.safeParse(paper).success).toBe(true)
  const byKey = new Map(result.papers.map((p) => [titleKey(p.title), p]))
  for (const want of listing.papers) {
    const got = byKey.get(want.key)
    expect(got, `paper at line ${want.line} (${want.key}) is missing`).toBeDefined()
    expect(covers({line: got!.source.line, endLine: got!.source.endLine}, want.line), `paper "${want.key}" should start at line ${want.line}`).toBe(true)
    if (want.abstractKey !== undefined) expect(titleKey(got!.abstract ?? '')).toBe(want.abstractKey)
    if (want.authors !== undefined) expect(got!.authors).toEqual(want.authors)
  }
  expect(result.papers.length).toBe(listing.papers.length)
  for (const noise of listing.noise) {
    expect(
      result.messages.some((m) => covers(m, noise.line)),
      `noise block at line ${noise.line} (${JSON.stringify(noise.text)}) has no message`,
    ).toBe(true)
    expect(result.papers.some((p) => titleKey(p.title) === titleKey(noise.text))).toBe(false)
  }
}

/**
 * A paper without its source lines (compared across concatenation). In markdown the first `#`
 * heading is the list's own title, not a section; B's title is a section heading once B follows
 * A, so `section` is left out there.
 */
function withoutLines(paper: Paper): unknown {
  const {source, section, ...rest} = paper
  return {...rest, ...(section && source.format !== 'markdown' ? {section} : {}), source: {format: source.format}}
}

describe('generated listings', () => {
  test('every registered format has a generator here', () => {
    // When a format is registered, add a generator above.
    expect([...registered].sort()).toEqual(active.map(([f]) => f).sort())
  })

  test.each(active)('%s: parse never throws, detects the format, and loses no paper and no block', (_format, arb) => {
    fc.assert(fc.property(arb, checkNoLoss), params)
  })

  test('any format: records pass PaperSchema in strict mode too, or a ListingError is thrown', () => {
    fc.assert(
      fc.property(anyListing, (listing) => {
        try {
          const {papers} = parse(listing.text, {strict: true})
          for (const paper of papers) PaperSchema.parse(paper)
        } catch (error) {
          expect((error as {code?: string}).code).toBe('ERR_PAPERSIFT_LISTING')
        }
      }),
      params,
    )
  })

  test('parse(A + B) = parse(A) ∪ parse(B) for two listings of one line-oriented format', () => {
    // hf-json is one JSON document: two of them back to back are not a listing of that format.
    const pair = fc.oneof(
      ...active.filter(([format]) => format !== 'hf-json').map(([format, arb]) =>
        fc
          .tuple(arb, arb)
          .filter(([a, b]) => {
            // Disjoint listings: no shared title, and no shared arXiv id or DOI either (the
            // engine rightly merges those as duplicates).
            const left = parse(a.text, {format}).papers
            const keys = new Set([...a.papers.map((p) => p.key), ...left.flatMap((p) => [p.arxivId, p.doi].filter(Boolean))])
            const right = parse(b.text, {format}).papers
            return !b.papers.some((p) => keys.has(p.key)) && !right.some((p) => (p.arxivId && keys.has(p.arxivId)) || (p.doi && keys.has(p.doi)))
          })
          .map(([a, b]) => ({format, a, b})),
      ),
    )
    fc.assert(
      fc.property(pair, ({format, a, b}) => {
        // Blank lines between the two (none for formats with explicit entry frames); a lone `\r`
        // ending A would merge with a following `\n` into one CRLF, so the blank line reuses A's ending.
        const blank = format === 'plain-text' || format === 'markdown' ? 1 : 0
        const ending = a.text.endsWith('\r') ? '\r' : '\n'
        const bText = b.text.replace(/^\uFEFF/, '')
        const joined = parse(a.text + ending.repeat(blank) + bText, {format})
        const left = parse(a.text, {format})
        const right = parse(bText, {format})
        const offset = a.lines + blank
        expect(joined.papers.map(withoutLines)).toEqual([...left.papers, ...right.papers].map(withoutLines))
        expect(joined.papers.map((p) => p.source.line)).toEqual([...left.papers.map((p) => p.source.line), ...right.papers.map((p) => p.source.line + offset)])
      }),
      {...params, numRuns: Math.max(5, Math.ceil(numRuns / 2))},
    )
  })

  test.runIf(registered.has('jsonl'))('JSONL output read back through parse gives identical records', () => {
    fc.assert(
      fc.property(anyListing, fc.array(fc.constantFrom('\n', '\r\n', '\n\n'), {minLength: 1, maxLength: 3}), (listing, endings) => {
        const {papers} = parse(listing.text)
        const jsonl = papers.map((p, i) => JSON.stringify(p) + endings[i % endings.length]).join('')
        const back = parse(jsonl)
        if (papers.length > 0) expect(back.format).toBe('jsonl')
        expect(back.messages.filter((m) => m.severity !== 'info')).toEqual([])
        expect(back.papers).toEqual(papers)
      }),
      params,
    )
  })

  test('parseStream over UTF-8 bytes cut at random places (inside characters too) gives the same records as parse', async () => {
    const encoder = new TextEncoder()
    await fc.assert(
      fc.asyncProperty(anyListing, fc.array(fc.integer({min: 1, max: 97}), {minLength: 1, maxLength: 8}), async (listing, sizes) => {
        const bytes = encoder.encode(listing.text)
        const chunks: Uint8Array[] = []
        for (let at = 0, i = 0; at < bytes.length; i++) {
          const size = sizes[i % sizes.length]!
          chunks.push(bytes.subarray(at, at + size))
          at += size
        }
        const streamed: Paper[] = []
        for await (const paper of parseStream(chunks)) streamed.push(paper)
        // Bytes cannot carry lone surrogates (TextEncoder writes U+FFFD): compare with the decoded text.
        expect(streamed).toEqual(parse(new TextDecoder().decode(bytes)).papers)
      }),
      {...params, numRuns: Math.max(5, Math.ceil(numRuns / 2))},
    )
  })

  test('NUL bytes and C0 controls: no throw, valid records; a NUL in the head marks the input binary', () => {
    fc.assert(
      fc.property(anyListing, fc.array(fc.tuple(fc.nat(), fc.constantFrom('\u0000', '\u0001', '\u001B', '\u007F', '\u0085')), {minLength: 1, maxLength: 4}), (listing, inserts) => {
        let text = listing.text
        for (const [at, char] of inserts) {
          const i = at % (text.length + 1)
          text = text.slice(0, i) + char + text.slice(i)
        }
        const result = parse(text)
        for (const paper of result.papers) expect(PaperSchema.safeParse(paper).success).toBe(true)
        const head = text.split(/\r\n|\r|\n/).slice(0, 64).join('\n').slice(0, 16_384)
        if (head.includes('\u0000')) {
          expect(result.papers).toEqual([])
          expect(result.messages).toEqual([expect.objectContaining({code: 'unknown-format', severity: 'error', line: 1})])
        }
      }),
      params,
    )
  })
})

describe('classify', () => {
  const papersArb = anyListing.map((listing) => parse(listing.text).papers).filter((papers) => papers.length > 0)
  const scoresOf = (paper: {topics: Array<{id: string; score: number}>; scores?: Record<string, number>}) => ({
    topics: paper.topics.map((t) => [t.id, t.score]),
    scores: paper.scores,
  })

  let compiled: ReturnType<typeof createClassifier> | undefined
  /** A second classifier instance, compiled on first use. */
  const fresh = () => (compiled ??= createClassifier())

  test('is deterministic and order-independent: same paper, same scores in any batch', () => {
    fc.assert(
      fc.property(papersArb, fc.func(fc.integer()), (papers, rank) => {
        const shuffled = papers.map((p, i) => ({p, r: rank(i)})).sort((a, b) => a.r - b.r).map((x) => x.p)
        const batch = classify(papers, {explain: true})
        const reordered = classify(shuffled, {explain: true})
        const byId = new Map(reordered.map((p) => [p.id, scoresOf(p)]))
        for (const paper of batch) {
          const alone = classify(paper, {explain: true})
          expect(scoresOf(alone)).toEqual(scoresOf(paper))
          expect(byId.get(paper.id)).toEqual(scoresOf(paper))
          expect(scoresOf(fresh().classifyPaper(paper, {explain: true}))).toEqual(scoresOf(paper))
        }
        // The input is not mutated.
        for (const paper of papers) expect('topics' in paper).toBe(false)
      }),
      {...params, numRuns: Math.max(5, Math.ceil(numRuns / 2))},
    )
  })

  test('scores are finite and in [0, 1] for any text, including hostile Unicode', () => {
    fc.assert(
      fc.property(fc.string({unit: 'binary', maxLength: 300}), fc.option(fc.string({unit: 'grapheme', maxLength: 2000}), {nil: undefined}), (title, abstract) => {
        const paper = {title: title || 'x', ...(abstract === undefined ? {} : {abstract})}
        const out = fresh().classifyPaper(paper, {explain: true})
        for (const score of Object.values(out.scores ?? {})) expect(score >= 0 && score <= 1).toBe(true)
      }),
      {...params, numRuns: Math.min(numRuns, 25)},
    )
  })
})
