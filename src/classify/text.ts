/**
 * The one text normaliser shared by topic rules and documents, so a phrase in a rule and
 * the same words in a paper always become the same terms.
 *
 * - NFC, then words of letters and digits; hyphenated and slashed compounds are split into
 *   their parts (`mixture-of-experts` → `mixtur of expert`), so either spelling matches.
 * - Acronyms keep their case (`NAS`, `GNNs` → `NAS`, `GNN`; `MoE`, `DiT`, `LoRA`, `5G`): the
 *   stemmer would turn `NAS` into `na`. Camel-case joins with an acronym are split
 *   (`ProxylessNAS` → `proxyless NAS`, `GNNExplainer` → `GNN explain`).
 * - Other words are lower-cased and Porter-stemmed (natural, deep import), with a memo.
 */
// Deep import: natural's index loads databases and prints to stdout (see README).
import porterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js'

const stemCacheMax = 200_000
const stemCache = new Map<string, string>()

/**
 * Words the Porter stemmer would merge with words of another meaning, mapped to stems of
 * their own: `networking` (the field) is not `networks` (often neural ones), `edges` (of a
 * graph) are not the `edge` of edge computing, `production` is not `product`, `customer` is
 * not `customization`, `generation` is not `general`, `transportation` is not `transport`,
 * `community` is not `communication`.
 */
const protectedWords: ReadonlyMap<string, string> = new Map(
  Object.entries({
    networking: ['networking'],
    edges: ['edges'],
    production: ['production', 'productions'],
    customer: ['customer', 'customers'],
    generat: ['generation', 'generations', 'generative', 'generate', 'generated', 'generates', 'generating', 'generator', 'generators'],
    transportation: ['transportation'],
    communiti: ['community', 'communities'],
    controller: ['controller', 'controllers'],
    conditional: ['conditional', 'conditionally'],
    adapter: ['adapter', 'adapters'],
    relational: ['relational'],
    connectiv: ['connectivity'],
    expressiv: ['expressive', 'expressivity', 'expressiveness'],
    specializ: ['specialized', 'specialize', 'specializes', 'specialization', 'specialised', 'specialisation'],
    personaliz: ['personalization', 'personalized', 'personalize', 'personalizing', 'personalisation', 'personalised'],
  }).flatMap(([stemmed, words]) => words.map((word) => [word, stemmed] as [string, string])),
)

/** Porter stem of a lower-case word, memoised (the stemmer is nearly all of the cost). */
export function stem(word: string): string {
  let value = stemCache.get(word)
  if (value === undefined) {
    value = protectedWords.get(word) ?? (word.length <= 2 || /\d/.test(word) ? word : (porterStemmer.stem(word) as string))
    if (stemCache.size >= stemCacheMax) stemCache.clear()
    stemCache.set(word, value)
  }
  return value
}

const wordPattern = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu
/** All letters upper case (digits allowed): `NAS`, `RDMA`, `5G`, `P4`. */
const upperPattern = /^(?=.*\p{Lu})[\p{Lu}\p{N}]+$/u
/** Short mixed-case acronyms: `MoE`, `DiT`, `LoRA`, `LoRa`, `GPUs`. */
const mixedAcronymPattern = /^\p{Lu}\p{Ll}?\p{Lu}[\p{Lu}\p{Ll}]{0,2}$/u
const camelSuffixPattern = /^(\p{Lu}?\p{Ll}{2,}(?:\p{Lu}\p{Ll}+)*)(\p{Lu}{2,}|\p{Lu}\p{Ll}\p{Lu}+)$/u
const camelPrefixPattern = /^(\p{Lu}{2,})(\p{Lu}\p{Ll}{2,}.*)$/u
/** A version after a name of three letters or more (`MoEv2`); `IPv6` is a name of its own. */
const versionPattern = /^(\p{L}{3,}?)[vV]\d{1,2}$/u

/** Is the text mostly upper case (a shouted title)? Then case carries no information. */
export function isShouting(text: string): boolean {
  let upper = 0
  let lower = 0
  for (let i = 0; i < text.length && upper + lower < 400; i++) {
    const c = text.charCodeAt(i)
    if (c >= 65 && c <= 90) upper++
    else if (c >= 97 && c <= 122) lower++
  }
  return upper > 12 && upper > lower * 2
}

function acronym(word: string): string | undefined {
  if (word.length < 2) return undefined
  if (upperPattern.test(word) && /\p{L}/u.test(word)) return word
  // Plural acronyms: `GNNs`, `LLMs`, `MoEs`, `DiTs`.
  if (word.endsWith('s') && word.length >= 3) {
    const singular = word.slice(0, -1)
    if ((upperPattern.test(singular) && /\p{L}.*\p{L}|\p{L}\p{N}/u.test(singular)) || mixedAcronymPattern.test(singular)) return singular
  }
  if (mixedAcronymPattern.test(word) && word.length <= 5) return word
  return undefined
}

function pushWord(word: string, out: string[], shouting: boolean): void {
  if (!shouting) {
    const upper = acronym(word)
    if (upper) {
      out.push(upper)
      return
    }
    const suffix = camelSuffixPattern.exec(word)
    if (suffix?.[1] && suffix[2]) {
      out.push(stem(suffix[1].toLowerCase()), acronym(suffix[2]) ?? stem(suffix[2].toLowerCase()))
      return
    }
    const prefix = camelPrefixPattern.exec(word)
    if (prefix?.[1] && prefix[2]) {
      out.push(prefix[1], stem(prefix[2].toLowerCase()))
      return
    }
    // A version after an acronym or a camel-case join: `GreedyNASv2`, `DARTSv2`, `MoEv2`.
    const versioned = versionPattern.exec(word)
    if (versioned?.[1]) {
      const base = versioned[1]
      if (acronym(base) || camelSuffixPattern.test(base) || camelPrefixPattern.test(base)) {
        pushWord(base, out, shouting)
        return
      }
    }
  }
  out.push(stem(word.toLowerCase()))
}

/**
 * Text → terms.
 *
 * @example
 *   analyze('Sparse Mixture-of-Experts for GNNs') // => ['spars', 'mixtur', 'of', 'expert', 'for', 'GNN']
 */
export function analyze(text: string): string[] {
  const out: string[] = []
  const words = wordScratch
  const shouting = scanWords(text, words)
  for (let i = 0; i < words.length; i++) {
    const terms = termsOf(words[i]!, shouting)
    for (let j = 0; j < terms.length; j++) out.push(terms[j]!)
  }
  words.length = 0
  return out
}

const wordScratch: string[] = []
/** Printable or control ASCII only: NFC leaves it as it is and `’` cannot occur. */
const nonAsciiPattern = /[^\x00-\x7f]/

/** True when `text` is ASCII: `scanWords` then reads it without NFC and with ASCII classes. */
export function isAsciiText(text: string): boolean {
  return !nonAsciiPattern.test(text)
}

/** An ASCII text as `scanWords` reads it: possessive `'s` dropped. */
export function dropPossessives(text: string): string {
  return text.indexOf("'") === -1 ? text : text.replace(/['’]s\b/g, '')
}

/**
 * The words of a text as `analyze` reads them, before case handling and stemming (NFC,
 * possessive `'s` dropped, inner apostrophes removed), into `out` (cleared first).
 *
 * @returns Whether the text is shouting (then case carries no information).
 */
export function scanWords(text: string, out: string[]): boolean {
  out.length = 0
  if (nonAsciiPattern.test(text)) {
    const normalized = text.normalize('NFC').replace(/['’]s\b/g, '')
    for (const match of normalized.matchAll(wordPattern)) out.push(match[0].replace(/['’]/g, ''))
    return isShouting(normalized)
  }
  // ASCII: the same words as `wordPattern`, by hand (letters and digits, then optionally an
  // apostrophe and letters), without a match object per word.
  const s = dropPossessives(text)
  const n = s.length
  let i = 0
  while (i < n) {
    if (!isAsciiAlnum(s.charCodeAt(i))) {
      i++
      continue
    }
    const start = i
    i++
    while (i < n && isAsciiAlnum(s.charCodeAt(i))) i++
    if (i + 1 < n && s.charCodeAt(i) === 39 && isAsciiLetter(s.charCodeAt(i + 1))) {
      const apostrophe = i
      i += 2
      while (i < n && isAsciiLetter(s.charCodeAt(i))) i++
      out.push(s.slice(start, apostrophe) + s.slice(apostrophe + 1, i))
    } else out.push(s.slice(start, i))
  }
  return isShouting(s)
}

export function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90)
}

export function isAsciiAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)
}

/**
 * A copy of a string that shares no memory with the text it was cut from. A long substring
 * can be a view of its whole source (V8 slices strings of 13 characters or more), so a memo
 * keyed by it would keep every listing chunk it came from alive.
 */
export function detach(value: string): string {
  return value.length < 13 ? value : (JSON.parse(JSON.stringify(value)) as string)
}

const termsCacheMax = 50_000
const termsCache = new Map<string, readonly string[]>()
const shoutedTermsCache = new Map<string, readonly string[]>()

/**
 * The terms of one word from `scanWords` (acronyms kept, camel case split, the rest
 * lower-cased and stemmed), memoised: a word always gives the same terms.
 */
export function termsOf(word: string, shouting: boolean): readonly string[] {
  const cache = shouting ? shoutedTermsCache : termsCache
  let terms = cache.get(word)
  if (terms === undefined) {
    word = detach(word)
    const out: string[] = []
    pushWord(word, out, shouting)
    terms = out
    if (cache.size >= termsCacheMax) cache.clear()
    cache.set(word, terms)
  }
  return terms
}
