/**
 * Markdown detection from the first lines: headings, bullets with links, GFM table
 * separators, bold-title bullets, badges, reference definitions. Text without markdown
 * syntax (a copied trending page, an arXiv mail) scores 0 so that plain-text keeps it.
 */

const headingPattern = /^ {0,3}#{1,6}[ \t]+\S/
const linkItemPattern = /^\s*(?:[-*+]|\d{1,3}[.)])\s+.*\[[^\]]+\]\([^)\s]+[^)]*\)/
const boldItemPattern = /^\s*(?:[-*+]|\d{1,3}[.)])\s+(?:\*\*|__)[^*_]+(?:\*\*|__)/
const bulletPattern = /^\s*(?:[-*+]|\d{1,3}[.)])\s+\S/
const inlineLinkPattern = /\[[^\]]*\]\((?:https?:\/\/|#|\.{0,2}\/)[^)\s]*(?:\s+"[^"]*")?\)/
const tableSeparatorPattern = /^\s*(?:\|\s*)?:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+(?:\|\s*)?$|^\s*\|\s*:?-{3,}:?\s*\|\s*$/
const imagePattern = /!\[[^\]]*\]\(\S+/
const definitionPattern = /^ {0,3}\[[^\]]+\]:\s*\S+/
const htmlPattern = /^\s*<(?:details|summary|p|div|img|a|br|h[1-6]|table|center|font|sub|sup)\b/i
const boldLinePattern = /^\*\*[^*]+\*\*\s*\\?$/
const detectLineCharsMax = 1_000

/** How sure we are that `head` is markdown (0..0.95). */
export function detectMarkdown(head: readonly string[]): number {
  const first = head.find((line) => line.trim() !== '')?.trim() ?? ''
  // JSON, JSON Lines, XML: not ours even when their strings hold markdown.
  if (first.startsWith('{') || /^\[\s*(?:[{"\]]|$)/.test(first) || /^<(?:\?xml|feed|rss)\b/i.test(first)) return 0

  let headings = 0
  let linkItems = 0
  let boldItems = 0
  let bullets = 0
  let inlineLinks = 0
  let tables = 0
  let images = 0
  let definitions = 0
  let html = 0
  let boldLines = 0
  for (const full of head) {
    // Every signal fits in the start of a line; the patterns need not see a 16 KB line.
    const line = full.length > detectLineCharsMax ? full.slice(0, detectLineCharsMax) : full
    if (headingPattern.test(line)) headings++
    if (linkItemPattern.test(line)) linkItems++
    else if (boldItemPattern.test(line)) boldItems++
    else if (bulletPattern.test(line)) bullets++
    if (inlineLinkPattern.test(line)) inlineLinks++
    if (tableSeparatorPattern.test(line)) tables++
    if (imagePattern.test(line)) images++
    if (definitionPattern.test(line)) definitions++
    if (htmlPattern.test(line)) html++
    if (boldLinePattern.test(line)) boldLines++
  }
  let score = 0
  if (headings >= 1) score += 0.2
  if (headings >= 2) score += 0.2
  if (linkItems >= 1) score += 0.3
  if (linkItems >= 3) score += 0.2
  if (tables >= 1) score += 0.35
  if (boldItems >= 1) score += 0.2
  if (boldItems >= 3) score += 0.1
  if (boldLines >= 2) score += 0.15
  if (inlineLinks >= 1) score += 0.1
  if (inlineLinks >= 3) score += 0.1
  if (images >= 1) score += 0.1
  if (definitions >= 1) score += 0.2
  if (definitions >= 3) score += 0.1
  if (html >= 1 && score > 0) score += 0.05
  if (bullets >= 3 && score > 0) score += 0.1
  return Math.min(0.95, Math.round(score * 100) / 100)
}
