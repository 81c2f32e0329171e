/**
 * The arXiv daily "new submissions" mailing (`cs daily Subj-class mailing …`), and the
 * `arxiv.org/list/<cat>/new` page copied as text, which lists the same entries.
 *
 * Mail entries are framed by `\\` lines:
 *
 * ```
 * \\
 * arXiv:2401.01234 (*cross-listing*)
 * Date: Mon, 1 Jan 2024 18:21:23 GMT   (27kb,D)
 *
 * Title: A Title Wrapped By The Mailer
 *   At Eighty Columns
 * Authors: Ada Lovelace and Bj\"orn Ommer
 * Categories: cs.LG cs.AI
 * \\
 *   Abstract paragraph …
 * \\ ( https://arxiv.org/abs/2401.01234 ,  27kb)
 * ```
 *
 * List-page entries start at a `[n] arXiv:ID [pdf, html, other]` line and run to the next one
 * (title labelled, author line unlabelled, `Subjects:`, a blank line, then the abstract).
 *
 * The machine keeps only the entry being read: each entry is emitted when its trailer, the next
 * entry or a divider arrives.
 */
import {createMessage} from '../message.js'
import {splitAuthors} from '../text/normalize.js'
import type {PaperDraft} from './draft.js'
import type {FormatContext, FormatDefinition, LineParser} from './format.js'
import {parseArxivId} from './links.js'

/** `arXiv:2401.01234`, `arXiv:hep-th/9901001 (*cross-listing*)`, very old `Paper: cs/9605103`. */
const mailIdPattern = /^(?:arXiv|Paper):\s*(\S+)(.*)$/i
/** `[1] arXiv:2512.00001 (cross-list from cs.CL) [pdf, html, other]`. */
const listIdPattern = /^\[\d{1,6}\]\s+arXiv:\s*(\S+)(.*)$/i
/**
 * Closing line of a mail entry:
 *   > | \\ ( https://arxiv.org/abs/2401.01234 ,  27kb)
 */
const trailerPattern = /^\\\\\s*\(\s*https?:\/\/(?:www\.|export\.)?arxiv\.org\/abs\/(\S+?)\s*,\s*[\d.]+\s*[kKmM]?b\s*\)$/
/** Plain `-` rules and the `%-%-`, `%%--%%`, `%%%---` section dividers (78 characters in the mail). */
const dividerPattern = /^[-%]{20,}$/
/** `Key: value` at the start of a line. */
const fieldPattern = /^([A-Za-z][A-Za-z-]{1,15})\s*:\s?(.*)$/
/** A wrapped field value goes on over lines indented by spaces, a tab or a no-break space. */
const continuationPattern = /^[ \t\u00A0]+\S/
const datePattern = /^Date(?:\s*\([^)]*\))?:\s*(.*)$/
const replacedPattern = /^replaced with revised version\s+(.*)$/i

/** Fields of a mail entry, in mailing order, and of a list-page entry (`Subjects`). */
const knownFields = new Set([
  'title',
  'authors',
  'categories',
  'comments',
  'proxy',
  'report-no',
  'acm-class',
  'msc-class',
  'journal-ref',
  'doi',
  'license',
  'subjects',
])
/** A list-page copy may glue fields onto the title line: `Title: …Subjects: …`. */
const gluedFieldPattern = /(?<=\S)\s*(?=(?:Authors|Comments|Journal-ref|Subjects|DOI|Report-no|MSC-class|ACM-class):\s)/

/** RFC 822 header fields of the mail itself, when the whole message is pasted. */
const mailHeaderPattern =
  /^(?:From|To|Cc|Bcc|Subject|Date|Reply-To|Return-Path|Received|Message-I[Dd]|MIME-Version|Content-[A-Za-z-]+|Delivered-To|Sender|Precedence|Errors-To|List-[A-Za-z-]+|X-[A-Za-z0-9-]+|Authentication-Results|DKIM-Signature|ARC-[A-Za-z-]+|Thread-[A-Za-z-]+|In-Reply-To|References):/
/** Lines of the mailing's own header and footer. */
const mailChromePatterns = [
  /^Send any comments regarding submissions directly to submitter\.?$/i,
  /^Archives at https?:\/\/arxiv\.org\/?$/i,
  /^To unsubscribe, e-mail To: \S+@arxiv\.org, Subject: cancel$/i,
  /\be-mail To: \S+@arxiv\.org\b/i,
  /^received from\s+\S/i,
]
const submissionsToPattern = /^Submissions to:$/i

/** Lines of an `arxiv.org/list/…` page that are page chrome (compared trimmed, lower-cased). */
const listChromeLines = new Set([
  'new submissions',
  'cross-lists',
  'cross lists',
  'replacements',
  'see recent articles',
  'skip to main content',
  'donate',
  'help | advanced search',
  'search',
  'go',
  'login',
  'quick links',
  'help pages',
  'about',
  'help',
  'contact',
  'subscribe',
  'contact arxiv',
  'click here to contact arxiv',
  'contact arxivclick here to contact arxiv',
  'subscribe to arxiv mailings',
  'click here to subscribe',
  'subscribe to arxiv mailingsclick here to subscribe',
  'copyright',
  'privacy policy',
  'web accessibility assistance',
  'arxiv operational status',
  'get status notifications via email or slack',
])
const listChromePatterns = [
  /^showing new listings for .+$/i,
  /^total of \d+ entries$/i,
  /^\[?\s*total of \d+ entries\s*:.*\]?$/i,
  /^showing up to \d+ entries per page\b.*$/i,
  /^(?:new|cross|replacement) submissions\s*\(showing (?:first )?\d+ of \d+ entries\s*\)$/i,
  // `/recent` pages group entries by day: `Wed, 2 Sep 2026 (showing 202 of 202 entries )`.
  /^[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4}\s*\(showing (?:first )?\d+ of \d+ entries\s*\)$/,
  /^we gratefully acknowledge support from\b/i,
  /^arxiv is a free distribution service\b/i,
]

type EntryKind = 'mail' | 'list'
type Phase = 'id' | 'meta' | 'abstract'

/** The one entry being read. */
interface Entry {
  kind: EntryKind
  /** Line of the `\\` (mail) or `[n] arXiv:` (list) line. */
  line: number
  /** Last non-blank line seen in the entry. */
  endLine: number
  phase: Phase
  id?: string | undefined
  replacement: boolean
  date?: string | undefined
  fields: Map<string, string>
  /** Field a continuation line would extend. */
  openField?: string | undefined
  /** Whether `Subjects:` was read (list entries: the abstract follows). */
  subjects: boolean
  abstract: string[]
  /** Line of a `\\` inside the entry: the abstract opens, unless an `arXiv:` line follows (then a new entry starts). */
  pendingSeparator?: number | undefined
}

/** Where we are outside entries. */
type Outside = 'mail-header' | 'preamble' | 'subjects' | 'body'

function isDivider(text: string): boolean {
  return dividerPattern.test(text)
}

function isListChrome(text: string): boolean {
  const lower = text.trim().toLowerCase()
  return listChromeLines.has(lower) || listChromePatterns.some((pattern) => pattern.test(lower))
}

/** Drop nested affiliation parentheses: `Ada (1), Alan (2) ((1) MIT, (2) Cambridge)`. */
function stripParentheses(value: string): string {
  let out = value
  for (let i = 0; i < 8; i++) {
    const next = out.replace(/\([^()]*\)/g, ' ')
    if (next === out) break
    out = next
  }
  return out
}

/** Category codes of a list-page `Subjects:` value, primary first: `Machine Learning (stat.ML); … (cs.LG)`. */
function subjectCodes(value: string): string[] {
  const codes: string[] = []
  for (const match of value.matchAll(/\(([a-z][a-z-]*(?:\.[A-Za-z-]+)?)\)/g)) {
    if (match[1] && !codes.includes(match[1])) codes.push(match[1])
  }
  return codes
}

/**
 * Year of first submission encoded in an arXiv id: `1706.03762` → 2017, `cs/9605103` → 1996.
 * A replacement's date is that of the new version, so its year comes from the id instead.
 */
function idYear(id: string | undefined): number | undefined {
  const ref = id === undefined ? undefined : parseArxivId(id)
  const match = ref ? /(?:^|\/)(\d{2})\d{2}/.exec(ref.id) : null
  if (!match) return undefined
  const yy = Number(match[1])
  // Old-style ids run from 1991 to March 2007; new-style ids start in April 2007.
  return ref!.id.includes('/') && yy >= 91 ? 1900 + yy : 2000 + yy
}

/**
 * Create the line machine for arXiv mailings and list pages.
 *
 * @param context Where entries and messages go.
 * @returns A `LineParser`.
 */
export function createArxivEmailParser(context: FormatContext): LineParser {
  let entry: Entry | undefined
  let outside: Outside = 'mail-header'
  /** A lone line before the first entry that may be the list page's title (`Machine Learning`). */
  let pageTitle: {text: string; line: number} | undefined

  function noise(line: number, reason: string): void {
    context.message(createMessage('noise-line', 'info', line, reason))
  }

  function flushPageTitle(known: boolean): void {
    if (pageTitle && !known) noise(pageTitle.line, `Skipped a line outside any arXiv entry: "${pageTitle.text.slice(0, 60)}"`)
    pageTitle = undefined
  }

  function startEntry(kind: EntryKind, line: number): Entry {
    flushPageTitle(false)
    outside = 'body'
    entry = {kind, line, endLine: line, phase: kind === 'mail' ? 'id' : 'meta', replacement: false, fields: new Map(), subjects: false, abstract: []}
    return entry
  }

  /** Emit the current entry; `truncated` when it lacks its end (trailer or metadata). */
  function closeEntry(truncated: boolean): void {
    const current = entry
    if (!current) return
    entry = undefined
    if (current.kind === 'mail' && current.id === undefined && current.fields.size === 0 && current.abstract.length === 0) {
      // A stray `\\` with nothing after it is no paper.
      noise(current.line, 'Skipped a `\\\\` separator that starts no entry')
      return
    }
    const f = current.fields
    const abstract = current.abstract.join('\n').trim()
    const categories =
      current.kind === 'list' ? subjectCodes(f.get('subjects') ?? '') : (f.get('categories') ?? '').split(/\s+/).filter(Boolean)
    const authors = f.get('authors')
    const draft: PaperDraft = {
      title: f.get('title'),
      // Whitespace collapsed first: `splitAuthors` splits on `\s*,\s*`, slow on long space runs.
      authors: authors === undefined ? undefined : splitAuthors(stripParentheses(authors).replace(/\s+/g, ' ')),
      arxivId: current.id,
      abstract: abstract || undefined,
      categories,
      comments: f.get('comments'),
      venue: f.get('journal-ref'),
      doi: f.get('doi'),
      published: current.date,
      year: current.replacement && current.kind === 'mail' ? idYear(current.id) : undefined,
      line: current.line,
      endLine: current.endLine,
    }
    const name = current.id === undefined ? 'arXiv entry' : `arXiv entry ${current.id}`
    if (truncated) {
      context.message(
        createMessage('truncated-entry', 'warning', current.line, `${name} ends before its closing line; kept what was read`, {
          endLine: current.endLine,
        }),
      )
    } else if (current.kind === 'mail' && !current.replacement && !abstract) {
      // New submissions and cross-lists carry an abstract in the mail; replacements never do.
      context.message(createMessage('missing-abstract', 'warning', current.line, `${name} has no abstract`, {endLine: current.endLine}))
    }
    context.emit(draft)
  }

  /** A `Key: value` or continuation line in an entry's metadata; false when the line is neither. */
  function readField(current: Entry, text: string, line: number): boolean {
    if (current.openField !== undefined && continuationPattern.test(text)) {
      const previous = current.fields.get(current.openField) ?? ''
      current.fields.set(current.openField, `${previous} ${text.trim()}`.trim())
      return true
    }
    const match = fieldPattern.exec(text)
    if (!match) return false
    const key = match[1]!.toLowerCase()
    if (!knownFields.has(key)) {
      noise(line, `Skipped an unknown field in an arXiv entry: "${text.slice(0, 60)}"`)
      current.openField = undefined
      return true
    }
    current.fields.set(key, match[2]!.trim())
    current.openField = key
    if (key === 'subjects') current.subjects = true
    return true
  }

  function pushMail(current: Entry, text: string, line: number): void {
    if (current.phase === 'id') {
      if (text.trim() === '') return
      const id = mailIdPattern.exec(text.trim())
      if (id) {
        current.id = parseArxivId(id[1]!) ? id[1]! : undefined
        current.phase = 'meta'
        current.endLine = line
        if (!current.id) noise(line, `Unreadable arXiv id: "${text.slice(0, 60)}"`)
        return
      }
      current.phase = 'meta'
    }
    if (text.trim() !== '') current.endLine = line
    if (current.phase === 'abstract') {
      current.abstract.push(text)
      return
    }
    if (text.trim() === '') {
      current.openField = undefined
      return
    }
    if (current.fields.size === 0) {
      const date = datePattern.exec(text) ?? replacedPattern.exec(text)
      if (date) {
        // The first date line is the one of this listing; `Date (revised v2): …` lines may follow.
        if (current.date === undefined) {
          current.date = date[1]
          current.replacement = replacedPattern.test(text)
        }
        return
      }
    }
    if (readField(current, text, line)) return
    noise(line, `Skipped an unrecognised line in an arXiv entry: "${text.trim().slice(0, 60)}"`)
  }

  function pushList(current: Entry, text: string, line: number): void {
    const trimmed = text.trim()
    if (trimmed === '') {
      current.openField = undefined
      if (current.subjects) current.phase = 'abstract'
      return
    }
    current.endLine = line
    if (current.phase === 'abstract') {
      current.abstract.push(text)
      return
    }
    const parts = trimmed.split(gluedFieldPattern)
    for (const part of parts) {
      if (readField(current, part, line)) continue
      if (current.subjects) {
        // No blank line between `Subjects:` and the abstract.
        current.phase = 'abstract'
        current.abstract.push(part)
      } else if (current.fields.has('title') && (!current.fields.has('authors') || current.openField === 'authors')) {
        // The current list layout has no `Authors:` label: the line after the title is the author line.
        const previous = current.fields.get('authors')
        current.fields.set('authors', previous === undefined ? part : `${previous} ${part}`)
        current.openField = 'authors'
      } else {
        noise(line, `Skipped an unrecognised line in an arXiv entry: "${part.slice(0, 60)}"`)
      }
    }
  }

  /** A line outside any entry: header, dividers, page chrome. */
  function pushOutside(text: string, line: number): void {
    const trimmed = text.trim()
    if (outside === 'mail-header') {
      if (mailHeaderPattern.test(text)) return
      if (/^[ \t]+\S/.test(text)) return // folded header field
      outside = 'preamble'
      if (trimmed === '') return
    }
    if (trimmed === '') return
    if (outside === 'subjects') {
      // ` Submissions to:` is followed by subject names up to ` received from …`.
      if (!/^received from\s/i.test(trimmed) && !isDivider(trimmed)) return
      outside = 'preamble'
    }
    if (isDivider(trimmed) || mailChromePatterns.some((pattern) => pattern.test(trimmed))) {
      flushPageTitle(false)
      return
    }
    if (submissionsToPattern.test(trimmed)) {
      flushPageTitle(false)
      outside = 'subjects'
      return
    }
    if (isListChrome(trimmed)) {
      // The list page opens with its title (`Machine Learning`), then `New submissions`.
      flushPageTitle(trimmed.toLowerCase() === 'new submissions')
      return
    }
    flushPageTitle(false)
    if (outside === 'preamble' && pageTitle === undefined && trimmed.length <= 80) {
      pageTitle = {text: trimmed, line}
      return
    }
    noise(line, `Skipped a line outside any arXiv entry: "${trimmed.slice(0, 60)}"`)
  }

  return {
    push(raw, line) {
      // `trimEnd`, not a `\s+$` regex: that one is quadratic on a long run of inner spaces.
      const text = raw.trimEnd()
      const trimmed = text.trim()
      const current = entry

      if (current?.pendingSeparator !== undefined) {
        const separatorLine = current.pendingSeparator
        current.pendingSeparator = undefined
        if (mailIdPattern.test(trimmed)) {
          // `\\` then `arXiv:`: the previous entry lost its closing line.
          closeEntry(true)
          const next = startEntry('mail', separatorLine)
          pushMail(next, text, line)
          return
        }
        if (current.phase === 'meta') current.phase = 'abstract'
        else current.abstract.push('\\\\')
        current.endLine = separatorLine
      }

      // Inside a mail entry, `[1] arXiv:…` is a reference in the abstract, not a list-page entry.
      const listId = entry?.kind === 'mail' ? null : listIdPattern.exec(trimmed)
      if (listId && parseArxivId(listId[1]!)) {
        if (entry) closeEntry(!entry.subjects)
        const next = startEntry('list', line)
        next.id = listId[1]
        next.replacement = /\(replaced\)/i.test(listId[2] ?? '')
        return
      }

      if (entry?.kind === 'mail') {
        const trailer = trailerPattern.exec(trimmed)
        if (trailer) {
          entry.id ??= parseArxivId(trailer[1]!) ? trailer[1] : undefined
          entry.endLine = line
          closeEntry(false)
          return
        }
        if (trimmed === '\\\\') {
          if (entry.phase === 'id') {
            noise(entry.line, 'Skipped a `\\\\` separator that starts no entry')
            entry.line = line
            entry.endLine = line
          } else entry.pendingSeparator = line
          return
        }
        if (isDivider(trimmed)) {
          closeEntry(entry.phase !== 'id')
          return
        }
        pushMail(entry, text, line)
        return
      }

      if (entry?.kind === 'list') {
        if (trimmed === '\\\\' || isDivider(trimmed) || isListChrome(trimmed)) {
          closeEntry(!entry.subjects)
          // fall through: the line belongs outside
        } else {
          pushList(entry, text, line)
          return
        }
      }

      if (trimmed === '\\\\') {
        startEntry('mail', line)
        return
      }
      pushOutside(text, line)
    },
    end() {
      if (entry) {
        const current = entry
        if (current.pendingSeparator !== undefined) {
          current.endLine = current.pendingSeparator
          current.pendingSeparator = undefined
        }
        // A mail entry always ends with its trailer; a list entry is whole once its `Subjects:` is read.
        closeEntry(current.kind === 'mail' || !current.subjects)
      }
      flushPageTitle(false)
    },
  }
}

/** Lines looked at after a `\\` or `[n] arXiv:` line when detecting. */
const detectLookahead = 4

/**
 * The arXiv mailing / list-page format.
 *
 * @example
 *   arxivEmailFormat.detect(['\\\\', 'arXiv:2401.01234', 'Date: Mon, 1 Jan 2024 18:21:23 GMT   (27kb)']) // => 0.95
 */
export const arxivEmailFormat: FormatDefinition = {
  name: 'arxiv-email',
  detect(head) {
    let score = 0
    for (let i = 0; i < head.length; i++) {
      const line = head[i]!.trim()
      if (line === '\\\\') {
        const next = head.slice(i + 1, i + 1 + detectLookahead).find((l) => l.trim() !== '')
        if (next !== undefined && mailIdPattern.test(next.trim()) && parseArxivId(mailIdPattern.exec(next.trim())![1]!)) return 0.95
      } else if (listIdPattern.test(line)) {
        const titled = head.slice(i + 1, i + 1 + detectLookahead).some((l) => /^Title:/.test(l.trim()))
        score = Math.max(score, titled ? 0.95 : 0.6)
      } else if (submissionsToPattern.test(line) || /^received from\s+\S.*\bto\s+\S/i.test(line) || /^Subject:\s*\S+ daily Subj-class mailing\b/i.test(line)) {
        score = Math.max(score, 0.9)
      }
    }
    return score
  },
  create: createArxivEmailParser,
}
