/**
 * Links, arXiv ids and DOIs: extraction from text and URLs, roles, de-duplication.
 * Every pattern here is linear: no nested quantifiers, bounded alternations.
 */
import type {Link, LinkRole} from '../schema.js'

/** New-style arXiv id with optional version: `2401.01234v2`. */
const newIdSource = String.raw`(\d{4}\.\d{4,5})(?:v(\d{1,3}))?`
/** Old-style arXiv id: `hep-th/9901001`, `math.AG/0309136`. */
const oldIdSource = String.raw`([a-z][a-z-]{1,15}(?:\.[A-Z]{2})?\/\d{7})(?:v(\d{1,3}))?`

const arxivIdPattern = new RegExp(String.raw`^(?:arxiv:\s*)?(?:${newIdSource}|${oldIdSource})$`, 'i')
const arxivUrlPattern = new RegExp(
  String.raw`arxiv\.org\/(?:abs|pdf|html)\/(?:${newIdSource}|${oldIdSource})`,
  'i',
)
const arxivMentionPattern = new RegExp(String.raw`\barxiv:\s?(?:${newIdSource}|${oldIdSource})`, 'i')
const doiPattern = /\b(10\.\d{4,9}\/[^\s"<>]+)/
const urlPattern = /\b(?:https?:\/\/|www\.)[^\s<>"'`\]\[{}|\\^]+/gi

/** arXiv id and version parsed from an id (`arXiv:2401.01234v2`) or URL. */
export interface ArxivRef {
  id: string
  version?: number | undefined
}

function toRef(match: RegExpExecArray | null): ArxivRef | undefined {
  if (!match) return undefined
  const id = match[1] ?? match[3]
  const version = match[2] ?? match[4]
  if (!id) return undefined
  return version ? {id, version: Number(version)} : {id}
}

/** Parse an arXiv id such as `2401.01234v2`, `arXiv:hep-th/9901001`. */
export function parseArxivId(value: string): ArxivRef | undefined {
  return toRef(arxivIdPattern.exec(value.trim()))
}

/** arXiv id of an arxiv.org abs/pdf/html URL. */
export function arxivIdFromUrl(url: string): ArxivRef | undefined {
  return toRef(arxivUrlPattern.exec(url))
}

/** First `arXiv:ID` mention in text. */
export function arxivIdFromText(text: string): ArxivRef | undefined {
  return toRef(arxivMentionPattern.exec(text)) ?? arxivIdFromUrl(text)
}

/** Trim punctuation a sentence put after a DOI or URL. */
function trimTrailing(value: string): string {
  let out = value.replace(/(?<![.,;:!?'"*_>])[.,;:!?'"*_>]+$/, '') // lookbehind: linear (one start per run)
  // Drop closing brackets that have no opening partner inside the URL: `(see https://x.org/a)`.
  // Counts are taken once, and each pass drops a whole run of brackets and the punctuation
  // before it, so even 50 000 trailing `)` cost linear time.
  for (const [open, close] of [['(', ')'], ['[', ']']] as const) {
    const opens = count(out, open)
    let closes = count(out, close)
    while (out.endsWith(close) && opens < closes) {
      let run = 0
      while (run < out.length && out[out.length - 1 - run] === close) run++
      const drop = Math.min(run, closes - opens)
      out = out.slice(0, out.length - drop)
      closes -= drop
      let end = out.length
      while (end > 0 && trailingPunctuation.has(out[end - 1]!)) end--
      out = out.slice(0, end)
    }
  }
  return out
}

const trailingPunctuation = new Set(['.', ',', ';', ':', '!', '?', "'", '"'])

function count(value: string, char: string): number {
  let n = 0
  for (const c of value) if (c === char) n++
  return n
}

/** Normalise a DOI (`https://doi.org/10.1/X.` → `10.1/x`): lower case, no trailing punctuation. */
export function parseDoi(value: string): string | undefined {
  const match = doiPattern.exec(value)
  if (!match?.[1]) return undefined
  const doi = trimTrailing(match[1])
  return /^10\.\d{4,9}\/\S+$/.test(doi) ? doi.toLowerCase() : undefined
}

/** Every http(s) URL in text, trailing punctuation stripped, in order. */
export function extractUrls(text: string): string[] {
  const urls: string[] = []
  for (const match of text.matchAll(urlPattern)) {
    let url = trimTrailing(match[0])
    if (url.startsWith('www.')) url = 'https://' + url
    if (url.length > 8) urls.push(url)
  }
  return urls
}

/** Schemes allowed in `links`: anything else (javascript:, data:, file:) is unsafe. */
export function isSafeUrl(url: string): boolean {
  // The same test as `LinkSchema`: an http(s) URL with a host and no whitespace.
  return /^https?:\/\/[^\s/]\S*$/i.test(url)
}

/** Turn `doi:10.x/y` and `arXiv:ID` link targets into https URLs; undefined for unsafe ones. */
export function toSafeUrl(target: string): string | undefined {
  const value = target.trim()
  if (isSafeUrl(value)) return value
  if (/^doi:/i.test(value)) {
    const doi = parseDoi(value)
    return doi ? `https://doi.org/${doi}` : undefined
  }
  if (/^arxiv:/i.test(value)) {
    const ref = parseArxivId(value)
    return ref ? `https://arxiv.org/abs/${ref.id}` : undefined
  }
  if (/^www\./i.test(value)) return 'https://' + value
  return undefined
}

const codeHosts = /^(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org|gitee\.com|sourceforge\.net|git\.[a-z0-9.-]+|huggingface\.co|paperswithcode\.com)$/i
const datasetHosts = /^(?:kaggle\.com|zenodo\.org|figshare\.com|data\.mendeley\.com|archive\.ics\.uci\.edu)$/i
const projectHosts = /\.(?:github\.io|gitlab\.io|netlify\.app|vercel\.app|pages\.dev|notion\.site)$/i
const paperHosts = /^(?:openreview\.net|aclanthology\.org|proceedings\.neurips\.cc|papers\.nips\.cc|proceedings\.mlr\.press|openaccess\.thecvf\.com|dl\.acm\.org|ieeexplore\.ieee\.org|link\.springer\.com|doi\.org|dx\.doi\.org|semanticscholar\.org|www\.semanticscholar\.org|arxiv\.org|export\.arxiv\.org|www\.usenix\.org|usenix\.org|biorxiv\.org|www\.biorxiv\.org|ojs\.aaai\.org|www\.ijcai\.org|sciencedirect\.com|www\.sciencedirect\.com|nature\.com|www\.nature\.com)$/i

/**
 * Role of a URL for a paper, from its host and path.
 *
 * @example
 *   linkRole('https://github.com/whlzy/FiT') // => 'code'
 *   linkRole('https://arxiv.org/pdf/2401.01234') // => 'pdf'
 */
export function linkRole(url: string): LinkRole {
  let host: string
  let path: string
  try {
    const parsed = new URL(url)
    host = parsed.hostname.toLowerCase().replace(/^www\.(?=github|gitlab|huggingface|kaggle)/, '')
    path = parsed.pathname.toLowerCase()
  } catch {
    return 'other'
  }
  if (/\.pdf$/.test(path) || /^\/pdf\//.test(path) || /\/pdf$/.test(path)) return 'pdf'
  if (host === 'huggingface.co') {
    if (path.startsWith('/papers/')) return 'abstract'
    if (path.startsWith('/datasets/')) return 'dataset'
    if (path.startsWith('/spaces/')) return 'project'
    return path.split('/').filter(Boolean).length >= 2 ? 'code' : 'other'
  }
  if (host === 'paperswithcode.com') return path.startsWith('/paper/') ? 'abstract' : 'other'
  if (/^(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org|gitee\.com)$/.test(host)) {
    // A repository is `/owner/repo`; a bare user or org page is not code.
    return path.split('/').filter(Boolean).length >= 2 ? 'code' : 'other'
  }
  if (codeHosts.test(host)) return 'code'
  if (datasetHosts.test(host)) return 'dataset'
  if (projectHosts.test(host)) return 'project'
  if (paperHosts.test(host) || host.endsWith('.arxiv.org')) return 'abstract'
  if (host.startsWith('sites.google.com')) return 'project'
  return 'other'
}

/** Canonical arXiv abs URL. */
export function arxivAbsUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`
}

/** Canonical arXiv PDF URL. */
export function arxivPdfUrl(id: string): string {
  return `https://arxiv.org/pdf/${id}`
}

/** Key under which two URLs count as the same link. */
function urlKey(url: string): string {
  return url
    .replace(/^https?:\/\/(?:www\.)?/i, '')
    .replace(/\.git$/i, '')
    .replace(/(?<![/#?])[/#?]+$/, '')
    .toLowerCase()
}

/** De-duplicate links by URL; the first role given to a URL wins, except `other` gives way. */
export function dedupeLinks(links: readonly Link[]): Link[] {
  const seen = new Map<string, Link>()
  for (const link of links) {
    const key = urlKey(link.url)
    const previous = seen.get(key)
    if (!previous) seen.set(key, {url: link.url, role: link.role})
    else if (previous.role === 'other' && link.role !== 'other') previous.role = link.role
  }
  return [...seen.values()]
}

/** Links found in free text (abstract, comments), each with its role. */
export function linksFromText(text: string): Link[] {
  return extractUrls(text).map((url) => ({url, role: linkRole(url)}))
}
