/**
 * Pure text helpers for markdown entries: venues with years, dates, star counts, author
 * lists, link roles from link labels, decoration (emoji, shortcodes, badges) removal.
 * Every pattern is linear: no nested quantifiers over the same characters.
 */
import type {LinkRole} from '../../schema.js'
import {cleanText, parseCount, splitAuthors, toIsoDate} from '../../text/normalize.js'
import {linkRole} from '../links.js'

// ---------------------------------------------------------------------------------------------
// Decorations

const emojiPattern = /(?:\p{Extended_Pictographic}|\p{Regional_Indicator})[\u{FE0F}\u{200D}\u{20E3}\p{Emoji_Modifier}]*|[\u{FE0F}\u{200D}\u{20E3}]/gu
/** `:star:`, `:fire:` (GitHub shortcodes); not `a:b:c` inside words. */
const shortcodePattern = /(?<![\p{L}\p{N}:/]):[a-z0-9_+-]{1,40}:(?![\p{L}\p{N}:/])/gu

/** Remove emoji and `:shortcode:` emoji. */
export function stripEmoji(value: string): string {
  return value.replace(emojiPattern, ' ').replace(shortcodePattern, ' ')
}

/** Text of an HTML fragment: tags and comments removed, common entities decoded. */
export function htmlToText(value: string): string {
  return decodeEntities(value.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ').replace(/<[^<>]{0,2000}>/g, ' '))
}

const entities: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…'}

/** Decode the few HTML entities that show up in hand-written markdown. */
export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole
    }
    return entities[name.toLowerCase()] ?? whole
  })
}

/**
 * `value` without the characters of `chars` at its start and/or end. A loop, not a regex: an
 * unanchored `[…]+$` is quadratic on a long run of those characters.
 */
export function trimEdges(value: string, chars: string, where: 'start' | 'end' | 'both' = 'both'): string {
  let from = 0
  let to = value.length
  if (where !== 'end') while (from < to && (chars.includes(value[from]!) || /\s/.test(value[from]!))) from++
  if (where !== 'start') while (to > from && (chars.includes(value[to - 1]!) || /\s/.test(value[to - 1]!))) to--
  return value.slice(from, to)
}

/**
 * A title candidate without decorations: emoji, shortcodes, stray brackets and separators
 * at either end, a leading `1.`/`1)` counter.
 */
export function cleanMarkdownTitle(value: string): string {
  let title = cleanText(stripEmoji(value))
  for (let i = 0; i < 3; i++) {
    const before = title
    title = trimEdges(trimEdges(title, '-–—:|,;•·>])', 'start'), '-–—:|,;•·([', 'end')
      .replace(/^\d{1,3}[.)]\s+/, '')
      .trim()
    // `[Title]` / `(Title)` around the whole candidate.
    const wrapped = /^\[([^\[\]]+)\]$|^\(([^()]+)\)$/.exec(title)
    if (wrapped) title = (wrapped[1] ?? wrapped[2] ?? '').trim()
    if (title === before) break
  }
  return title
}

// ---------------------------------------------------------------------------------------------
// Venues, years and dates

/** Venue names matched in any letter case, written the way the community writes them. */
const venueNames = [
  'NeurIPS', 'NIPS', 'ICML', 'ICLR', 'CVPR', 'ICCV', 'ECCV', 'WACV', 'BMVC', 'AAAI', 'IJCAI', 'ACL', 'EMNLP',
  'NAACL', 'COLING', 'EACL', 'AACL', 'CoNLL', 'TACL', 'KDD', 'SIGKDD', 'TheWebConf', 'WSDM', 'SIGIR', 'CIKM',
  'ICDM', 'RecSys', 'SIGMOD', 'PVLDB', 'VLDB', 'ICDE', 'SIGCOMM', 'NSDI', 'OSDI', 'SOSP', 'EuroSys', 'USENIX ATC',
  'MobiCom', 'MobiSys', 'SenSys', 'INFOCOM', 'HotNets', 'CoNEXT', 'ASPLOS', 'ISCA', 'HPCA', 'PPoPP', 'MLSys',
  'SysML', 'ICRA', 'IROS', 'CoRL', 'UAI', 'AISTATS', 'COLT', 'TPAMI', 'IJCV', 'TNNLS', 'TKDE', 'JMLR', 'TMLR',
  'SIGGRAPH Asia', 'SIGGRAPH', 'ICASSP', 'Interspeech', 'MICCAI', 'ACM MM', 'arXiv', 'CoRR', 'NDSS',
  'USENIX Security', 'ICSE', 'PLDI', 'POPL', 'ISSTA', 'ICDCS', 'SoCC', 'GECCO', 'SIGMETRICS', 'IPDPS', 'HPDC',
  'GLOBECOM', 'ESWC', 'ICWSM', 'JSAC', 'ECML-PKDD', 'ECML PKDD', 'ACCV', 'ICPR', 'ISMIR',
]
/** Short or common words that are venues only when written exactly so. */
const exactVenueNames = ['WWW', 'SDM', 'ATC', 'IMC', 'MICRO', 'SC', 'MM', 'TIP', 'TOG', 'LoG', 'CCS', 'FSE', 'ICC', 'Nature', 'Science', 'PNAS', 'ToN', 'TON']

const canonicalVenue = new Map<string, string>()
for (const name of [...venueNames, ...exactVenueNames]) canonicalVenue.set(name.toLowerCase(), name)

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s')
}

function venueRegExp(names: readonly string[], flags: string): RegExp {
  const alternation = [...names].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')
  // `NeurIPS 2022`, `ICLR'23`, `SIGCOMM '22`, `PPoPP2022`, `Findings of EMNLP 2023`, `CVPR Workshops 2023`.
  return new RegExp(
    String.raw`(?<![\p{L}\p{N}])((?:Findings\s+of\s+(?:the\s+)?)?(?:(?:IEEE|ACM|USENIX)\s+)?(` +
      alternation +
      String.raw`)(?:[\s-](?:Workshops?|Findings|Demo))?)[\s,]{0,3}(?:['’‘\x60]\s?(\d{2})|(\d{4}))(?![\p{L}\p{N}]|\.\d)`,
    flags,
  )
}

const venuePattern = venueRegExp(venueNames, 'giu')
const exactVenuePattern = venueRegExp(exactVenueNames, 'gu')

/** A venue with its year found in text, and where. */
export interface VenueMatch {
  venue: string
  year: number
  index: number
  length: number
}

/** Two- or four-digit year, or undefined when implausible for a paper. */
export function readYear(value: string): number | undefined {
  const n = Number(value)
  if (!Number.isInteger(n)) return undefined
  const year = value.length === 2 ? (n <= 40 ? 2000 + n : 1900 + n) : n
  return year >= 1950 && year <= 2040 ? year : undefined
}

/** First known venue followed by a year: `NeurIPS 2022`, `ICLR'23`, `SIGCOMM '22`, `arXiv 2023`. */
export function findVenue(text: string): VenueMatch | undefined {
  if (text.length < 4) return undefined
  let best: VenueMatch | undefined
  for (const pattern of [venuePattern, exactVenuePattern]) {
    pattern.lastIndex = 0
    for (const match of text.matchAll(pattern)) {
      const year = readYear(match[3] ?? match[4] ?? '')
      if (year === undefined) continue
      if (!best || match.index < best.index) {
        const name = match[2] ?? ''
        const canonical = canonicalVenue.get(name.toLowerCase().replace(/\s+/g, ' ')) ?? name
        const venue = cleanText((match[1] ?? '').replace(name, canonical))
        best = {venue, year, index: match.index, length: match[0].length}
      }
      break
    }
  }
  return best
}

const monthNames = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?`
const datePatterns = [
  /\b\d{4}-\d{2}-\d{2}\b/,
  new RegExp(String.raw`\b\d{1,2}\s+${monthNames},?\s+\d{4}\b`, 'i'),
  new RegExp(String.raw`\b${monthNames}\s+\d{1,2},?\s+\d{4}\b`, 'i'),
]
const monthYearPattern = new RegExp(String.raw`(?<![\p{L}\p{N}])${monthNames}\s+(\d{4})(?!\d)`, 'iu')
const yearMonthPattern = /(?<![\p{L}\p{N}.])(\d{4})[-/.](\d{1,2})(?![\p{N}.])/u
const bareYearPattern = /(?<![\p{L}\p{N}./:#-])((?:19[5-9]|20[0-3])\d)(?![\p{N}]|\.\d)/u

const notVenueWords = /^(?:in|at|on|submitted|published|accepted|updated|posted|released|since|added|last|code|paper|papers|available|version|v\d+|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|the|and|or|from|to|until|before|after|year|date|page|pages|vol|volume|no|issue|preprint)$/i
const genericVenuePattern =
  /(?:^|[.;|\[\]()\n]|\s[-–—]\s)\s*((?:[A-Z][\p{L}&+'’-]*)(?:\s+(?:[A-Z][\p{L}&+'’-]*|of|on|in|and|for|the|&)){0,6})\s{0,3}(?:,\s{0,3})?['’]?((?:19|20)\d\d)(?=\s*(?:[.;,|\[\]()\n]|$))/gu

/**
 * A venue this module does not know, followed by a year, standing alone between separators:
 * `AI Open 2020.`, `Nature Communications 2021`, `Neural Computation 1991`.
 */
export function findGenericVenue(text: string): VenueMatch | undefined {
  for (const match of text.matchAll(genericVenuePattern)) {
    const name = (match[1] ?? '').trim()
    const first = name.split(/\s+/)[0] ?? ''
    const year = readYear(match[2] ?? '')
    if (!name || year === undefined || notVenueWords.test(first) || name.length > 60) continue
    const index = match.index + match[0].indexOf(name)
    return {venue: name, year, index, length: match.index + match[0].length - index}
  }
  return undefined
}

/** A full date (`16 Oct 2023`, `May 31, 2024`, `2023-10-16`) as ISO, and where it was. */
export function findDate(text: string): {iso: string; index: number; length: number} | undefined {
  for (const pattern of datePatterns) {
    const match = pattern.exec(text)
    if (!match) continue
    const iso = toIsoDate(match[0])
    if (iso) return {iso, index: match.index, length: match[0].length}
  }
  return undefined
}

/** A year from `Aug 2023`, `2023-10`, or a bare `2019`, and where. */
export function findYear(text: string): {year: number; index: number; length: number} | undefined {
  for (const pattern of [monthYearPattern, yearMonthPattern]) {
    const match = pattern.exec(text)
    if (match?.[1]) {
      const year = readYear(match[1])
      if (year !== undefined) return {year, index: match.index, length: match[0].length}
    }
  }
  const bare = bareYearPattern.exec(text)
  if (bare?.[1]) return {year: Number(bare[1]), index: bare.index, length: bare[0].length}
  return undefined
}

/** True when the text is only a venue/year/date tag: `NeurIPS 2022`, `[Aug 2023]`, `2021`, `ICLR'23 (Oral)`. */
export function isDateOrVenueTag(text: string): boolean {
  if (text.length > 200) return false
  const value = trimEdges(cleanText(text), '[(])')
  if (!value || value.length > 60) return false
  const venue = findVenue(value)
  if (venue && venue.index === 0) return leftoverWords(value, venue) <= 2
  if (findDate(value)?.index === 0) return true
  const year = findYear(value)
  if (year && year.index === 0) return leftoverWords(value, year) === 0
  return false
}

function leftoverWords(value: string, match: {index: number; length: number}): number {
  const rest = value.slice(0, match.index) + ' ' + value.slice(match.index + match.length)
  return rest.split(/[^\p{L}]+/u).filter((w) => w.length > 1).length
}

// ---------------------------------------------------------------------------------------------
// Stars

// Counts are short (`1,234,567`, `12.1k`): bounded digit runs keep a `1,1,1,…` line linear.
const starsPattern =
  /(?:[★☆⭐🌟]\u{FE0F}?|:star2?:|\bstars?(?:\s*[:：=])?)\s*(\d[\d,]{0,12}(?:\.\d{1,3})?\s?[kKmM]?)(?![\p{L}\p{N}])|(?<![\p{L}\p{N}.,])(\d[\d,]{0,12}(?:\.\d{1,3})?\s?[kKmM]?)\s*(?:[★⭐🌟]|\bstars\b)/iu

/** A star count next to a repo link or in a badge alt: `★ 1.2k`, `⭐️ 532`, `1,234 stars`. */
export function findStars(text: string): {stars: number; index: number; length: number} | undefined {
  const match = starsPattern.exec(text)
  if (!match) return undefined
  const stars = parseCount(match[1] ?? match[2] ?? '')
  return stars === undefined ? undefined : {stars, index: match.index, length: match[0].length}
}

// ---------------------------------------------------------------------------------------------
// Authors

const nameParticles = new Set([
  'van', 'von', 'de', 'der', 'den', 'del', 'della', 'di', 'da', 'du', 'le', 'la', 'dos', 'das', 'bin', 'al', 'el',
  'ten', 'ter', 'y', 'zu', 'af', 'jr', 'jr.', 'sr.', 'mc',
])
const nonNameWords = new Set([
  'paper', 'papers', 'award', 'oral', 'spotlight', 'poster', 'best', 'workshop', 'track', 'survey', 'code', 'official',
  'available', 'accepted', 'conference', 'journal', 'proceedings', 'preprint', 'university', 'lab', 'team',
  'highlight', 'new', 'dataset', 'benchmark', 'model', 'models', 'network', 'networks', 'learning', 'neural', 'deep',
  'the', 'and', 'for', 'with', 'via', 'using', 'towards', 'toward', 'from', 'into', 'on', 'of', 'in', 'a', 'an',
  'is', 'are', 'we', 'our', 'this', 'notes', 'note', 'abstract', 'project', 'page', 'github', 'arxiv', 'pdf',
  'video', 'slides', 'blog', 'demo', 'link', 'tl;dr', 'tldr', 'summary', 'review', 'reviews', 'google', 'research',
  'microsoft', 'meta', 'openai', 'deepmind', 'institute', 'inc', 'transformers', 'transformer', 'diffusion', 'graph',
])
/** An author list longer than this is prose. */
export const authorsSizeMax = 3000
const nameTokenPattern = /^(?:\p{Lu}[\p{L}\p{M}'’.-]*|\p{Lu}\.(?:-?\p{Lu}\.)*|[\p{Lo}\p{M}]+)$/u

/**
 * Names when the text reads as an author list (`A. Author, B. Author and C. Author`), else
 * undefined. `single` accepts one name (in an author sub-bullet or an emphasis segment).
 */
export function readAuthors(text: string, options: {single?: boolean} = {}): string[] | undefined {
  if (text.length > authorsSizeMax) return undefined
  const value = trimEdges(cleanText(text).replace(/^(?:authors?|by)\s*[:：]?\s+/i, ''), '.,;', 'end')
  if (!value || /\d/.test(value.replace(/\bet al\.?/gi, ''))) return undefined
  const names = splitAuthors(value)
  if (names.length === 0) return undefined
  let multiWord = 0
  for (const name of names) {
    const tokens = name.split(/\s+/)
    if (tokens.length > 5) return undefined
    for (const token of tokens) {
      const lower = token.toLowerCase()
      if (nameParticles.has(lower)) continue
      if (nonNameWords.has(lower) || !nameTokenPattern.test(token)) return undefined
    }
    if (tokens.length >= 2 || /[\p{Lo}]/u.test(name)) multiWord++
  }
  if (multiWord === 0) return undefined
  if (names.length === 1 && !options.single) return undefined
  return names
}

// ---------------------------------------------------------------------------------------------
// Link labels and roles

const labelRoles: ReadonlyArray<readonly [RegExp, LinkRole]> = [
  [/^(?:code|codes|github|gitub|git|repo|repository|implementation|official(?: code| implementation| repo)?|source(?: code)?|src|pytorch|tensorflow|jax)$/, 'code'],
  [/^(?:project(?: page)?|website|web|webpage|homepage|home ?page|page|site|demo)$/, 'project'],
  [/^(?:pdf|full ?text)$/, 'pdf'],
  [/^(?:paper|arxiv|abs|abstract|openreview|acl anthology|acm|ieee|doi|link|html|publication|proceedings|springer|aaai|ijcai|cvf)$/, 'abstract'],
  [/^(?:dataset|datasets|data|benchmark)$/, 'dataset'],
]

/** Normalised link label: lower case, no brackets, emoji or trailing colon. */
export function linkLabel(text: string): string {
  if (text.length > 200) return ''
  return trimEdges(cleanText(stripEmoji(text)), '[(])')
    .replace(/[:：]$/, '')
    .trim()
    .toLowerCase()
}

/** Role a link label (`[code]`, `[Project Page]`, `[pdf]`) names, if it names one. */
export function labelRole(label: string): LinkRole | undefined {
  for (const [pattern, role] of labelRoles) if (pattern.test(label)) return role
  return undefined
}

/** True for a label that names a link instead of a paper: `Paper`, `Code`, `[pdf]`, `Video`. */
export function isLinkLabel(text: string): boolean {
  if (text.length > 200) return false
  const label = linkLabel(text)
  if (!label) return true
  if (labelRole(label)) return true
  return /^(?:video|videos|slides?|talk|poster|blog|bibtex|bib|cite|citation|supp|supplementary|supplement|youtube|zhihu|medium|twitter|tweet|x|post|notes?|review|reviews|media|colab|model|models|weights|checkpoints?|huggingface|hugging face|hf|leaderboard|news|tutorial|docs|documentation|install|download|here|this|link|url|more|details|appendix|report|thread|discussion|spaces?|results?|stars?|star)$/.test(
    label,
  )
}

/**
 * Role of a link from its URL, with the label as a tie-breaker when the URL says nothing,
 * and `fallback` when neither does (a title link is the paper's page).
 */
export function roleOf(url: string, label: string, fallback: LinkRole = 'other'): LinkRole {
  const fromUrl = linkRole(url)
  const fromLabel = labelRole(linkLabel(label))
  if (fromUrl === 'other') return fromLabel ?? fallback
  // A `[paper]` link to a file inside a repository is the paper (often a PDF), not code.
  if (fromUrl === 'code' && (fromLabel === 'abstract' || fromLabel === 'pdf') && /^https?:\/\/(?:www\.)?github\.com\/[^/]+\/[^/]+\/(?:blob|raw)\//i.test(url)) {
    return 'pdf'
  }
  return fromUrl
}

// ---------------------------------------------------------------------------------------------
// Badges

/** Parsed shields.io-style badge: its label/message words, or a GitHub stars badge. */
export interface BadgeInfo {
  words: string[]
  stars: boolean
}

/** Read an image URL as a badge (shields.io, badgen, GitHub stars), or undefined. */
export function readBadge(url: string): BadgeInfo | undefined {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return undefined
  }
  const host = parsed.hostname.toLowerCase()
  if (!/(?:^|\.)(?:shields\.io|badgen\.net|badge\.fury\.io|awesome\.re|api\.star-history\.com|githubusercontent\.com)$/.test(host) && !/badge/i.test(parsed.pathname)) {
    return undefined
  }
  const path = parsed.pathname
  if (/\/github\/stars\//i.test(path) || /star/i.test(path.split('/').slice(-2).join('/')) && /github/i.test(path)) return {words: [], stars: true}
  const match = /\/badge\/([^/]+?)(?:\.svg|\.png)?$/i.exec(path)
  if (!match?.[1]) return {words: [], stars: false}
  let content: string
  try {
    content = decodeURIComponent(match[1])
  } catch {
    content = match[1]
  }
  const words = content
    .replace(/--/g, '\u0000')
    .replace(/__/g, '\u0001')
    .split('-')
    .map((part) => part.replace(/\u0000/g, '-').replace(/_/g, ' ').replace(/\u0001/g, '_').trim())
    .filter(Boolean)
  return {words, stars: false}
}
