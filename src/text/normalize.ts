/**
 * Pure text helpers shared by every parser: Unicode normalisation, whitespace,
 * TeX accents, title keys and stable ids.
 */

// Control characters (C0 except tab/newline, DEL, C1) and lone surrogates never carry meaning here.
// eslint-disable-next-line no-control-regex
const controlPattern = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
const spacePattern = /[\s\u00A0\u2000-\u200B\u2028\u2029\u202F\u205F\u3000\uFEFF]+/g

/** Not printable ASCII. No group loop (`/^[!-~]+(?: [!-~]+)*$/` overflows the regex stack on a 20 MB line). */
const nonPrintablePattern = /[^ -~]/

/** Printable ASCII words with single spaces between them: `cleanText` would return it unchanged. */
function isCleanAscii(value: string): boolean {
  const last = value.length - 1
  return (
    last >= 0 &&
    value.charCodeAt(0) !== 32 &&
    value.charCodeAt(last) !== 32 &&
    !nonPrintablePattern.test(value) &&
    value.indexOf('  ') === -1
  )
}

const nonAsciiPattern = /[^\x00-\x7f]/

/** NFC-normalise, drop control characters and lone surrogates, collapse whitespace, trim. */
export function cleanText(value: string): string {
  // Fast path (most lines of most listings): NFC, the control and space patterns and trim
  // all leave such a string as it is.
  if (isCleanAscii(value)) return value
  return value.normalize('NFC').replace(controlPattern, '').replace(spacePattern, ' ').trim()
}

const quoteMap: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"',
  '\u00AB': '"', '\u00BB': '"',
}

/** Replace typographic quotes with ASCII ones. */
export function normalizeQuotes(value: string): string {
  return value.replace(/[\u2018\u2019\u201A\u201B\u2032\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, (c) => quoteMap[c] ?? c)
}

/** Clean a title: whitespace, quotes, surrounding emphasis and a trailing period. */
export function cleanTitle(value: string): string {
  let title = normalizeQuotes(cleanText(value))
  // `**Title**`, `_Title_`, `"Title"` around the whole title.
  for (let i = 0; i < 3; i++) {
    const match = /^(\*\*|__|\*|_|"|')(.+)\1$/.exec(title)
    if (!match?.[2]) break
    title = match[2].trim()
  }
  // A single trailing period is list punctuation, not part of the title ("et al." keeps its dot).
  if (/[^.\s]\.$/.test(title) && !/\b(?:al|etc|vs|Inc|Jr|Sr)\.$/.test(title)) title = title.slice(0, -1)
  return title.trim()
}

// TeX accent commands → combining marks. `\"o` → ö, `\'{e}` → é, `\v{s}` → š, `\c c` → ç.
const texCombining: Record<string, string> = {
  '"': '\u0308', "'": '\u0301', '`': '\u0300', '^': '\u0302', '~': '\u0303', '=': '\u0304',
  '.': '\u0307', u: '\u0306', v: '\u030C', H: '\u030B', c: '\u0327', k: '\u0328', r: '\u030A',
  d: '\u0323', b: '\u0331',
}
const texSymbols: Record<string, string> = {
  ss: 'ß', o: 'ø', O: 'Ø', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', aa: 'å', AA: 'Å', l: 'ł', L: 'Ł',
  i: 'ı', j: 'ȷ', 'S': '§',
}
// `\X{c}`, `\X c`, `\Xc` for punctuation accents; `{\"o}` braces around the whole thing.
const texAccentPattern = /\{?\\(["'`^~=.]|[uvHckrdb](?=[\s{]))\s*(?:\{\s*(\\?[A-Za-z])\s*\}|(\\?[A-Za-z]))\}?/g
const texSymbolPattern = /\{?\\(ss|ae|AE|oe|OE|aa|AA|o|O|l|L)(?![A-Za-z])\s*(?:\{\})?\}?/g

/** Decode TeX accents (`Bj\"orn` → `Björn`, `Sa\v{s}a` → `Saša`) and drop grouping braces. */
export function decodeTex(value: string): string {
  if (!value.includes('\\') && !value.includes('{')) return value
  const decoded = value
    .replace(texAccentPattern, (whole, accent: string, braced?: string, bare?: string) => {
      const mark = texCombining[accent]
      let base = braced ?? bare ?? ''
      if (base === '\\i') base = 'i'
      if (base === '\\j') base = 'j'
      return mark ? base + mark : whole
    })
    .replace(texSymbolPattern, (whole, name: string) => texSymbols[name] ?? whole)
    .replace(/\{([^{}\\]*)\}/g, '$1')
  return decoded.normalize('NFC')
}

/** Letters, then letters, spaces, `.`, `'`, `-`, ending in a letter or `.`. */
const plainNamePattern = /^[A-Za-z][A-Za-z .'-]*[A-Za-z.]$/
const leadingAndPattern = /^and /i

/** Clean an author name: TeX accents, whitespace, stray punctuation. */
export function cleanAuthor(value: string): string {
  // Fast path: a plain name (`Ada Lovelace`, `J.-P. O'Neil`), maybe with spaces around, which
  // every step below leaves as it is (after the trim).
  const trimmed = value.trim()
  if (plainNamePattern.test(trimmed) && trimmed.indexOf('  ') === -1 && !leadingAndPattern.test(trimmed)) return trimmed
  return cleanText(decodeTex(value))
    .replace(/^(?:and|&)\s+/i, '')
    .replace(/(?<![\s,;*†‡§¶])[\s,;*†‡§¶]+$/u, '') // lookbehind: linear
    .replace(/^[\s,;*]+/, '')
    .replace(/(?<!\s)(?!(?<=\d,?)\d)\s*\d+(?:,\d+)*$/, '') // affiliation markers: `Ada Lovelace1,2`; the lookarounds skip starts inside a run (linear)
    .trim()
}

/** Split an author list on commas, semicolons, ` and `, `&` and `·`. */
export function splitAuthors(value: string): string[] {
  const text = decodeTex(value)
    .replace(/\([^()]*\)/g, ' ') // affiliations: `Ada Lovelace (MIT)`
    .replace(/\bet al\.?/gi, ' ')
  return text
    .split(/,|;|·|\u2022|\band\b|&/u) // no \s* around: quadratic on long space runs; cleanAuthor trims
    .map(cleanAuthor)
    .filter((name) => name.length > 0 && /\p{L}/u.test(name))
}

/** Key used to match the same title across listings: NFKC, lower case, letters and digits only. */
export function titleKey(title: string): string {
  // ASCII: NFKC changes nothing and the Unicode classes are plain ones.
  if (!nonAsciiPattern.test(title)) return title.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** 32-bit FNV-1a hash as 8 hex digits. */
export function hash32(value: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(16).padStart(8, '0')
}

/** Stable id for a paper without arXiv id or DOI: a slug of the title plus a hash of its key. */
export function titleId(title: string): string {
  const key = titleKey(title)
  const slug = key
    .normalize('NFKD')
    .replace(/[^a-z0-9 ]+/g, '')
    .trim()
    .split(/\s+/)
    .slice(0, 8)
    .join('-')
    .slice(0, 60)
    .replace(/-+$/, '')
  return `title:${slug ? slug + '-' : ''}${hash32(key)}`
}

const months: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
}

/**
 * Read a date into ISO `YYYY-MM-DD`: ISO timestamps, `Mon, 1 Jan 2024 …`, `May 31, 2024`,
 * `31 May 2024`. Returns undefined when no full date is found.
 */
export function toIsoDate(value: string): string | undefined {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})(?!\d)/.exec(value)
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  const dmy = /\b(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{2}|\d{4})\b/.exec(value)
  if (dmy) {
    const month = months[dmy[2]!.slice(0, 4).toLowerCase()] ?? months[dmy[2]!.slice(0, 3).toLowerCase()]
    if (month) return validDate(fullYear(dmy[3]!), month, Number(dmy[1]))
  }
  const mdy = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b/.exec(value)
  if (mdy) {
    const month = months[mdy[1]!.slice(0, 4).toLowerCase()] ?? months[mdy[1]!.slice(0, 3).toLowerCase()]
    if (month) return validDate(Number(mdy[3]), month, Number(mdy[2]))
  }
  return undefined
}

function fullYear(value: string): number {
  const year = Number(value)
  return value.length === 2 ? (year < 70 ? 2000 + year : 1900 + year) : year
}

function validDate(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return undefined
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** Read a count such as `74`, `1,234`, `12.1k`, `★ 4.56k`, `1.2M`. */
export function parseCount(value: string): number | undefined {
  const match = /^[★☆⭐\s]*(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*([kKmM])?$/u.exec(value.trim())
  if (!match) return undefined
  const base = Number(match[1]!.replace(/,/g, ''))
  const scale = match[2] ? (match[2].toLowerCase() === 'k' ? 1e3 : 1e6) : 1
  const n = Math.round(base * scale)
  return Number.isSafeInteger(n) ? n : undefined
}

/** 53-bit string hash (cyrb53): collisions are negligible for millions of keys. */
export function hash53(value: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed
  let h2 = 0x41c6ce57 ^ seed
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}
