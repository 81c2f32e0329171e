/**
 * Plain-text listings: Hugging Face trending/daily pages copied as text, conference accept
 * lists (title line + authors line), newsletters and pasted digests.
 *
 * The machine reads one line at a time with one line of look-ahead inside a block (a block
 * is a run of non-blank lines). Page chrome and per-card widgets are recognised line by line;
 * numbers that are data (upvotes, stars, comments, dates) go into the record they belong to.
 * Headings alone in their block (`Oral Session 3`, `NeurIPS 2023 Accepted Papers`) become the
 * `section` of the entries below them; `Code: <url>` lines become links of the entry above;
 * a hard-wrapped abstract may run over several lines and paragraphs.
 */
import {createMessage} from '../message.js'
import type {Link, LinkRole, Metrics} from '../schema.js'
import {cleanText, parseCount, splitAuthors, toIsoDate} from '../text/normalize.js'
import type {PaperDraft} from './draft.js'
import type {FormatContext, FormatDefinition, LineParser} from './format.js'
import {extractUrls, linkRole, parseArxivId} from './links.js'

/** Lines that are page chrome wherever they appear (compared lower-cased, trimmed). */
const chromeLines = new Set([
  'new',
  'get trending papers in your email inbox!',
  'get trending papers in your email inbox once a day!',
  'get trending papers in your email inbox',
  'subscribe',
  'unsubscribe',
  'byak and the research community',
  'by ak and the research community',
  'daily papers',
  'trending papers',
  'trending',
  'papers',
  'previous',
  'next',
  'upvote',
  'view arxiv page',
  'view pdf',
  'add to collection',
  'community',
  'abstract',
  'load more',
  'see all',
  'show more',
  'read more',
  'sign up',
  'log in',
  'search',
  'view in browser',
])

const monthPattern = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?'
/** A date badge: `Mar 11`, `Mar 11, 2024`, `11 Mar 2024`, `2024-03-11`. */
const dateLinePattern = new RegExp(
  `^(?:${monthPattern}\\s+\\d{1,2}(?:,?\\s+\\d{4})?|\\d{1,2}\\s+${monthPattern}(?:\\s+\\d{4})?|\\d{4}-\\d{2}-\\d{2})$`,
  'i',
)
const publishedPattern = /^published\s+on\s+(.{3,40})$/i
const authorCountPattern = /^[·•]\s*\d+\s+authors?$/i
const countPattern = /^[★☆⭐]?\s*\d[\d,.]*\s*[kKmM]?$/u
const arxivLabelPattern = /^arxiv:\s*$/i
const arxivLinePattern = /^arxiv:\s*\S+$/i
const authorsLabelPattern = /^authors?\s*:\s*(.*)$/i
const titleLabelPattern = /^title\s*:\s*(.+)$/i
/** Lines of newsletters and mail that are never papers. */
const bannerPattern =
  /\b(?:subscribe|unsubscribe|newsletter|cookies?|privacy policy|sponsored|advertisement|view (?:this|it) in (?:your )?browser|all rights reserved|forwarded message|read more|click here|sign up|log in)\b|©/i
/**
 * Sentences that only mail furniture says (an abstract may well mention cookies or a privacy
 * policy, but not "this email" or "unsubscribe").
 */
const mailBannerPattern =
  /\b(?:this (?:e-?mail|newsletter|message) (?:was|is|uses|contains)|you(?:'re| are) receiving|(?:manage|update) (?:your )?(?:cookie|subscription|e-?mail) (?:preferences|settings)|unsubscribe|view (?:this|it) in (?:your )?browser|all rights reserved|forwarded message)\b|©/i
/** Session headings that interleave with accept lists. */
const sessionPattern =
  /^(?:oral|orals|poster|posters|spotlight|spotlights|session|track|workshop|tutorial|accepted papers|main conference|findings|best paper)s?\b/i

/**
 * Headings that are never paper titles, recognised when alone in their block: sessions
 * (`Oral Session 3`, `Poster`, `Spotlight Posters`, `Session 2: Graphs`), a venue and year
 * (`NeurIPS 2023 Accepted Papers`, `ICCV 2023 Open Access Repository`), `Accepted papers`.
 */
const sessionHeadingPattern =
  /^(?:(?:oral|poster|spotlight|highlight)s?(?:\s+(?:session|presentation|paper)s?)?(?:\s+#?[\dA-Z]{1,3}[a-z]?)?|(?:session|track)\s+#?[\dA-Z]{1,3}[a-z]?(?:\s*[:\-–—]\s*.{1,60})?|(?:main (?:conference|track)|findings|best papers?|outstanding papers?)(?: papers)?)$/i
const venueHeadingPattern =
  /^(?:(?:neurips|nips|icml|iclr|cvpr|iccv|eccv|wacv|bmvc|acl|emnlp|naacl|eacl|coling|aaai|ijcai|kdd|www|sigir|sigcomm|nsdi|osdi|sosp|mlsys|uai|aistats|corl|icra|iros|infocom|mobicom)\s*'?\d{2,4}\b[^:]{0,60}|(?:list of )?accepted papers(?: [^:]{0,40})?)$/i
/** A line of bracketed link labels under a CVF-style entry: `[pdf] [supp] [arXiv] [bibtex]`. */
const linkLabelsPattern = /^(?:\[[^\]\n]{1,24}\]\s*)+$/
/** A list marker before a title: `1.`, `12)`, `•`, `-`. */
const listMarkerPattern = /^(?:\d{1,3}[.)]|[•▪◦‣∙*–—-])\s+(?=\S)/u
/** A link label that says what the link is. */
const roleLabels: ReadonlyArray<[RegExp, LinkRole]> = [
  [/\b(?:code|github|gitlab|repo|repository|implementation|source)\b/i, 'code'],
  [/\b(?:project|website|homepage|page|demo)\b/i, 'project'],
  [/\b(?:data|dataset|datasets)\b/i, 'dataset'],
]

/**
 * Widget and chrome lines (counts, dates, `Published on …`, chrome phrases) are at most this
 * long; only a `[pdf] [supp]` label line may be longer.
 */
const noiseSizeMax = 120
/** A line of links is at most this long (a dozen long URLs); longer is something else. */
const linkLineSizeMax = 4000
/** A title is a line of at most this many characters; longer is prose. */
const titleSizeMax = 300
/** A line at least this long is prose even without a final period. */
const proseSizeMin = 150

/** Lower-case words that appear in titles but not in names. */
const titleWords = new Set(
  (
    'a an the of for with via on in to and or from by at as is are be we our using towards toward ' +
    'learning learned learn network networks neural deep model models data graph graphs diffusion ' +
    'attention need all you efficient scalable large language vision image images video transformer ' +
    'transformers generation generative search architecture training inference benchmark survey ' +
    'analysis detection segmentation recognition classification mixture experts expert routing ' +
    'traffic system systems method methods approach framework towards beyond without under through ' +
    'new novel fast robust adaptive dynamic sparse dense multi self semi supervised unsupervised ' +
    'reinforcement optimization representation representations embedding embeddings prediction ' +
    'free zero shot few one two three is it how what when why can do does not'
  ).split(' '),
)
/** Name particles allowed in lower case. */
const particles = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'del', 'della', 'la', 'le', 'du', 'dos', 'das', 'ten', 'ter', 'bin', 'ben', 'al', 'el', 'y', 'e', 'zu', 'st.'])

function words(line: string): string[] {
  // A clean line (single spaces, no tabs, trimmed) splits on spaces alone.
  if (line.length > 0 && !irregularSpacePattern.test(line)) return line.split(' ')
  return line.split(/\s+/).filter(Boolean)
}
const irregularSpacePattern = /\s\s|[^\S ]|^\s|\s$/
const nonAsciiWordPattern = /[^\x21-\x7e]/

/** Printable ASCII without spaces, non-empty. */
function isAsciiWord(word: string): boolean {
  return word.length > 0 && !nonAsciiWordPattern.test(word)
}

/** The ASCII letters of an ASCII word. */
function asciiLetters(word: string): string {
  let i = 0
  while (i < word.length && isLetter(word.charCodeAt(i))) i++
  if (i === word.length) return word
  let letters = word.slice(0, i)
  for (; i < word.length; i++) if (isLetter(word.charCodeAt(i))) letters += word[i]
  return letters
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

/** A letter, `'`, `.` or `-`. */
function isNameChar(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 39 || code === 46 || code === 45
}

function isNameWord(word: string): boolean {
  if (isAsciiWord(word)) {
    // The pattern below, for ASCII: a capital, then letters, `'`, `.`, `-`, then digits.
    const first = word.charCodeAt(0)
    if (first < 65 || first > 90) return particles.has(word)
    let i = 1
    while (i < word.length && isNameChar(word.charCodeAt(i))) i++
    while (i < word.length && isDigit(word.charCodeAt(i))) i++
    return i === word.length
  }
  if (particles.has(word.toLowerCase()) && word === word.toLowerCase()) return true
  // `Ada`, `O'Neil`, `Jean-Luc`, `A.`, `J.-P.`, `Björn`, CJK names.
  return /^(?:\p{Lu}[\p{L}\p{M}'’.-]*|\p{Lu}\.(?:-?\p{Lu}\.)*|[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]+)\d*$/u.test(
    word,
  )
}

function isName(name: string): boolean {
  return isNameParts(words(name))
}

function isNameParts(parts: readonly string[]): boolean {
  if (parts.length === 0 || parts.length > 5) return false
  if (!parts.every(isNameWord)) return false
  return parts.some((w) => !particles.has(w.toLowerCase()))
}

/**
 * An author line: a list of names separated by `,`, `;`, `·`, ` and `.
 *
 *   > | Ada Lovelace, Alan Turing and Grace Hopper
 */
export function isAuthorLine(line: string): boolean {
  // A line is asked about up to three times (as the look-ahead, then as itself): remember the last two.
  if (line === authorMemo[0]) return authorMemo[1]!
  if (line === authorMemo[2]) return authorMemo[3]!
  const result = readAuthorLine(line)
  authorMemo[2] = authorMemo[0]
  authorMemo[3] = authorMemo[1]
  authorMemo[0] = line
  authorMemo[1] = result
  return result
}
const authorMemo: [string | undefined, boolean | undefined, string | undefined, boolean | undefined] = [undefined, undefined, undefined, undefined]

function readAuthorLine(line: string): boolean {
  const text = cleanText(line)
  if (text.length === 0 || text.length > 4000 || /https?:|www\.|[:!?]$/.test(text)) return false
  if (/[.]$/.test(text) && !/\b\p{Lu}\.$/u.test(text)) return false
  const names = splitAuthors(text)
  if (names.length === 0) return false
  if (names.length === 1) {
    const parts = words(names[0]!)
    if (parts.length < 2 || parts.length > 4 || text.length > 40) return false
    if (parts.some((w) => titleWords.has(w.toLowerCase()))) return false
    return isNameParts(parts)
  }
  let good = 0
  for (const name of names) {
    const parts = words(name)
    if (isNameParts(parts) && !parts.every((w) => titleWords.has(w.toLowerCase()))) good++
  }
  return good / names.length >= 0.8
}

/** Prose: an abstract paragraph rather than a title. `next` is the following line of the block. */
function isProse(line: string, next: string | undefined): boolean {
  if (line.length >= proseSizeMin) return true
  const count = words(line).length
  if (count >= 12 && /[.!?]["')\]]?$/.test(line)) return true
  // A hard-wrapped paragraph: a first line that goes on, not onto an author line.
  return next !== undefined && count >= 8 && !isAuthorLine(next) && !isNoise(next)
}

function isNoise(line: string): boolean {
  const lower = line.toLowerCase()
  return (
    chromeLines.has(lower) ||
    lower === 'github' ||
    lower === 'submitted by' ||
    dateLinePattern.test(line) ||
    publishedPattern.test(line) ||
    authorCountPattern.test(line) ||
    countPattern.test(line)
  )
}

/** Most significant words start with a capital letter: `Deep Residual Learning for Image Recognition`. */
function isTitleCase(line: string): boolean {
  let significant = 0
  let capital = 0
  for (const word of words(line)) {
    const letters = isAsciiWord(word) ? asciiLetters(word) : word.replace(/[^\p{L}]/gu, '')
    if (letters.length === 0 || (letters.length <= 4 && titleWords.has(letters.toLowerCase()))) continue
    significant++
    const first = letters.charCodeAt(0)
    if (first < 128 ? first >= 65 && first <= 90 : /^\p{Lu}/u.test(letters)) capital++
  }
  return significant > 0 && capital / significant >= 0.6
}

/**
 * Links of a line made only of URLs and short labels, else undefined.
 *
 *   > | Code: https://github.com/owner/repo | Paper: https://arxiv.org/abs/2401.01234
 */
function linksOfLine(line: string): Link[] | undefined {
  if (line.length > linkLineSizeMax || !/https?:\/\/|www\./i.test(line)) return undefined
  const links: Link[] = []
  let label: string[] = []
  for (const token of words(line)) {
    const url = /^[<(\[]?(?:https?:\/\/|www\.)/i.test(token) ? extractUrls(token)[0] : undefined
    if (!url) {
      const word = token.replace(/^[|·•,;:()[\]<>–—-]+|[|·•,;:()[\]<>–—-]+$/gu, '')
      if (word) label.push(word)
      if (label.length > 3) return undefined
      continue
    }
    const text = label.join(' ')
    const role = roleLabels.find(([pattern]) => pattern.test(text))?.[1]
    const guessed = linkRole(url)
    // The host decides (a `Code:` label on an arXiv URL is still the abstract); the label only
    // names links on hosts we do not know.
    links.push({url, role: guessed === 'other' && role ? role : guessed})
    label = []
  }
  return label.length === 0 && links.length > 0 ? links : undefined
}

/** The plain-text line machine. */
export function createPlainTextParser(context: FormatContext): LineParser {
  let draft: PaperDraft | undefined
  /** The current draft's abstract is being read (a run of lines in one block). */
  let inAbstract = false
  /** Authors come one per line with `,` lines between (one way HF cards copy). */
  let inAuthorList = false
  /** Lines of the current block seen so far (0 at a block start). */
  let blockIndex = 0
  /** One line of look-ahead inside a block. */
  let held: {text: string; line: number} | undefined
  /** Widget state: what the previous noise line announced. */
  let expect: 'username' | 'upvotes' | 'stars' | 'comments' | 'arxiv-id' | undefined
  /** Metrics seen on a card before its title. */
  let pending: Metrics = {}
  let pendingPublished: string | undefined
  let section: string[] | undefined
  /** The venue heading (`NeurIPS 2023 Accepted Papers`) session headings sit under. */
  let venue: string | undefined
  let sawAbstract = false
  let sawAuthors = false

  function close(): void {
    if (!draft) return
    const current = draft
    draft = undefined
    inAbstract = false
    inAuthorList = false
    const titleOnly =
      !current.abstract && !(current.authors?.length) && !current.arxivId && !current.metrics && !current.links?.length
    if (titleOnly) {
      const title = cleanText(current.title ?? '')
      if (bannerPattern.test(title) || words(title).length <= 1) {
        context.message(createMessage('noise-line', 'info', current.line, `Skipped banner line: "${title.slice(0, 80)}"`))
        return
      }
      if (sawAuthors && !sawAbstract && (sessionPattern.test(title) || words(title).length <= 3)) {
        section = venue ? [venue, title] : [title]
        context.message(createMessage('not-a-paper', 'info', current.line, `Read "${title.slice(0, 80)}" as a section heading`))
        return
      }
    }
    // In a listing with abstracts, an entry without one (authors or not) is worth a warning.
    if (!current.abstract && sawAbstract) {
      context.message(createMessage('missing-abstract', 'warning', current.line, `"${cleanText(current.title ?? '').slice(0, 60)}" has no abstract`))
    }
    context.emit(current)
  }

  function open(title: string, line: number): void {
    close()
    draft = {title: title.replace(listMarkerPattern, ''), line, endLine: line}
    if (section) draft.section = section
    if (Object.keys(pending).length > 0) draft.metrics = pending
    if (pendingPublished) draft.published = pendingPublished
    pending = {}
    pendingPublished = undefined
  }

  function setMetric(key: keyof Metrics, value: number, line: number, beforeTitle: boolean): void {
    if (!beforeTitle && draft) {
      draft.metrics = {...draft.metrics, [key]: value}
      draft.endLine = Math.max(draft.endLine, line)
    } else pending = {...pending, [key]: value}
  }

  /** Handle widget and chrome lines; true when the line was one. */
  function noise(text: string, line: number): boolean {
    const announced = expect
    expect = undefined

    if (announced === 'username' && /^\S{1,40}$/.test(text)) return true
    if (announced === 'arxiv-id') {
      const ref = parseArxivId(text)
      if (ref && draft) {
        draft.arxivId = ref.id
        if (ref.version) draft.arxivVersion = ref.version
        return true
      }
    }
    // Widgets and chrome are short lines; an abstract line is none of them.
    if (text.length > noiseSizeMax && text.charCodeAt(0) !== 91) return false
    if (countPattern.test(text)) {
      const value = parseCount(text)
      if (value !== undefined && announced && announced !== 'username' && announced !== 'arxiv-id') {
        // Upvotes come before the title on daily cards, after it elsewhere.
        setMetric(announced, value, line, announced === 'upvotes' && (!draft || draft.abstract !== undefined || inCardHeader))
        return true
      }
      context.message(createMessage('noise-line', 'info', line, `Skipped a bare number: "${text.slice(0, 20)}"`))
      return true
    }
    const lower = text.toLowerCase()
    if (lower === 'submitted by') {
      // A new card: the line held back belongs to the card before.
      release(undefined)
      close()
      inCardHeader = true
      expect = 'username'
      return true
    }
    if (lower === 'upvote') {
      expect = 'upvotes'
      return true
    }
    if (lower === 'github') {
      expect = 'stars'
      return true
    }
    if (authorCountPattern.test(text)) {
      expect = 'comments'
      return true
    }
    if (arxivLabelPattern.test(text)) {
      expect = 'arxiv-id'
      return true
    }
    const published = publishedPattern.exec(text)
    if (published?.[1]) {
      const date = toIsoDate(published[1])
      if (date) {
        if (draft && !inCardHeader) {
          draft.published = date
          draft.endLine = Math.max(draft.endLine, line)
        } else pendingPublished = date
      }
      return true
    }
    if (linkLabelsPattern.test(text)) {
      context.message(createMessage('noise-line', 'info', line, `Skipped link labels: "${text.slice(0, 80)}"`))
      return true
    }
    if (chromeLines.has(lower) || dateLinePattern.test(text)) {
      context.message(createMessage('noise-line', 'info', line, `Skipped page chrome: "${text.slice(0, 80)}"`))
      return true
    }
    return false
  }

  /** Card header state: between `Submitted by` and the card's title. */
  let inCardHeader = false

  /** Decide what a data line is, knowing the next line of its block (or that the block ended). */
  function decide(text: string, line: number, next: string | undefined): void {
    const position = blockIndex
    blockIndex++

    const authorsLabel = authorsLabelPattern.exec(text)
    if (authorsLabel && draft) {
      draft.authors = splitAuthors(authorsLabel[1] ?? '')
      draft.endLine = line
      sawAuthors = true
      return
    }
    const titleLabel = titleLabelPattern.exec(text)
    if (titleLabel?.[1]) {
      open(titleLabel[1], line)
      inCardHeader = false
      return
    }
    if (arxivLinePattern.test(text) && draft) {
      const ref = parseArxivId(text)
      if (ref) {
        draft.arxivId = ref.id
        if (ref.version) draft.arxivVersion = ref.version
        draft.endLine = line
        return
      }
    }

    if (draft && inAbstract && position > 0) {
      draft.abstract = `${draft.abstract ?? ''} ${text}`
      draft.endLine = line
      return
    }

    // `Code: https://github.com/owner/repo`: links of the entry being read.
    const links = linksOfLine(text)
    if (links) {
      if (draft) {
        draft.links = [...(draft.links ?? []), ...links]
        draft.endLine = line
      } else context.message(createMessage('noise-line', 'info', line, `Skipped links that belong to no entry: "${text.slice(0, 80)}"`))
      return
    }
    // `Unsubscribe | View in browser`, `This email uses cookies. …`: mail and page furniture.
    if (text.length <= titleSizeMax && ((bannerPattern.test(text) && /\s\|\s/.test(text)) || mailBannerPattern.test(text))) {
      context.message(createMessage('noise-line', 'info', line, `Skipped banner line: "${text.slice(0, 80)}"`))
      return
    }
    // A heading alone in its block: `Oral Session 3`, `NeurIPS 2023 Accepted Papers`.
    if (position === 0 && next === undefined && (sessionHeadingPattern.test(text) || venueHeadingPattern.test(text))) {
      close()
      if (venueHeadingPattern.test(text)) {
        venue = text
        section = [text]
      } else section = venue ? [venue, text] : [text]
      context.message(createMessage('not-a-paper', 'info', line, `Read "${text.slice(0, 80)}" as a section heading`))
      return
    }
    if (draft && inAuthorList) {
      if (text === ',' || text === '·') return
      if (isAuthorLine(text) || isName(cleanText(text))) {
        // Append in place: copying the list per name would be quadratic in a long card.
        const names = splitAuthors(text)
        if (draft.authors) (draft.authors as string[]).push(...names)
        else draft.authors = names
        draft.endLine = line
        return
      }
      inAuthorList = false
    }
    if (draft && text === ',' && draft.authors?.length) {
      inAuthorList = true
      return
    }

    if (draft && !draft.abstract) {
      // A line that starts a block and is followed by an author line is the next entry's
      // title, even when it reads like a name (`Visual Instruction Tuning`).
      const titleOfNext = position === 0 && next !== undefined && isAuthorLine(next)
      if (!draft.authors?.length && !titleOfNext && isAuthorLine(text)) {
        draft.authors = splitAuthors(text)
        draft.endLine = line
        sawAuthors = true
        return
      }
      if (text.length > titleSizeMax || isProse(text, next)) {
        startAbstract(text, line)
        return
      }
    } else if (draft?.abstract && position === 0 && isParagraph(text, next)) {
      // Another paragraph of the same abstract.
      draft.abstract = `${draft.abstract}\n\n${text}`
      inAbstract = true
      draft.endLine = line
      return
    } else if (draft && !draft.abstract && text.length > titleSizeMax) {
      startAbstract(text, line)
      return
    }
    if (text.length > titleSizeMax) {
      context.message(createMessage('noise-line', 'warning', line, 'Skipped a paragraph that belongs to no entry'))
      return
    }
    open(text, line)
    inCardHeader = false
  }

  function startAbstract(text: string, line: number): void {
    draft!.abstract = text
    draft!.endLine = line
    inAbstract = true
    sawAbstract = true
  }

  function isLongProse(text: string): boolean {
    return text.length >= proseSizeMin || (words(text).length >= 20 && /[.!?]$/.test(text))
  }

  /**
   * A paragraph that goes on an abstract (the line starts a block after the abstract):
   * a long one-line paragraph, the first line of a hard-wrapped one (sentence case, going on
   * to a line that is not an author line), or a short sentence with a URL.
   *
   *   > | Hidden representations learned this way encode both the local graph structure
   *       ^
   *   > | and the features of the nodes. …
   */
  function isParagraph(text: string, next: string | undefined): boolean {
    if (next === undefined) return isLongProse(text) || (/https?:\/\/|www\./i.test(text) && /[.!?]$/.test(text) && words(text).length >= 4)
    return words(text).length >= 8 && !isTitleCase(text) && !isAuthorLine(next) && !isNoise(next)
  }

  function release(next: string | undefined): void {
    if (!held) return
    const current = held
    held = undefined
    decide(current.text, current.line, next)
  }

  return {
    push(raw, line) {
      const text = cleanText(raw)
      if (text.length === 0) {
        release(undefined)
        blockIndex = 0
        inAbstract = false
        inAuthorList = false
        return
      }
      if (noise(text, line)) return
      release(text)
      held = {text, line}
    },
    end() {
      release(undefined)
      close()
    },
  }
}

export const plainTextFormat: FormatDefinition = {
  name: 'plain-text',
  detect(head) {
    return head.some((line) => line.trim().length > 0) ? 0.1 : 0
  },
  create: createPlainTextParser,
}
