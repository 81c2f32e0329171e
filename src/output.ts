/**
 * Human-facing renderings of papers: tables, a markdown digest, CSV. Pure string builders.
 */
import type {Paper} from './schema.js'
import type {ClassifiedPaper} from './classify/classifier.js'
import type {TopicRule} from './classify/rules.js'

function truncate(value: string, size: number): string {
  return value.length <= size ? value : value.slice(0, size - 1) + '…'
}

/** The paper's own page; a code link is shown as code, never as the paper's link. */
function mainUrl(paper: Paper): string | undefined {
  return (paper.links.find((l) => l.role === 'abstract') ?? paper.links.find((l) => l.role === 'pdf') ?? paper.links.find((l) => l.role !== 'code'))?.url
}

function codeUrl(paper: Paper): string | undefined {
  return paper.links.find((l) => l.role === 'code')?.url
}

/** A plain table of papers. */
export function toTable(papers: readonly Paper[]): string {
  const lines = papers.map((paper, index) => {
    const authors = paper.authors.length === 0 ? '' : paper.authors.length === 1 ? paper.authors[0]! : `${paper.authors[0]} +${paper.authors.length - 1}`
    const code = codeUrl(paper) ? ' [code]' : ''
    return `${String(index + 1).padStart(4)}  ${truncate(paper.title, 78).padEnd(78)}  ${truncate(authors, 24).padEnd(24)}  line ${paper.source.line}${code}`
  })
  return `${lines.join('\n')}\n${papers.length} papers\n`
}

function groups(papers: readonly ClassifiedPaper[], topics: readonly TopicRule[]): Array<{id: string; label: string; papers: Array<{paper: ClassifiedPaper; score: number}>}> {
  const out = topics.map((topic) => ({
    id: topic.id,
    label: topic.label,
    papers: papers
      .map((paper) => ({paper, score: paper.topics.find((t) => t.id === topic.id)?.score}))
      .filter((entry): entry is {paper: ClassifiedPaper; score: number} => entry.score !== undefined)
      .sort((a, b) => b.score - a.score),
  }))
  return out
}

/** Papers grouped by topic, best first, then those with no topic. */
export function toTopicTable(papers: readonly ClassifiedPaper[], topics: readonly TopicRule[]): string {
  const lines: string[] = []
  for (const group of groups(papers, topics)) {
    lines.push(`${group.id} — ${group.label} (${group.papers.length})`)
    for (const {paper, score} of group.papers) {
      const evidence = [...new Set(paper.topics.find((t) => t.id === group.id)?.evidence.filter((e) => e.weight > 0 && e.kind !== 'tfidf').map((e) => e.term))].slice(0, 3).join(', ')
      lines.push(`  ${score.toFixed(2)}  ${truncate(paper.title, 72).padEnd(72)}  ${truncate(evidence, 40)}`)
    }
    lines.push('')
  }
  const none = papers.filter((p) => p.topics.length === 0)
  lines.push(`no topic (${none.length})`)
  for (const paper of none) lines.push(`        ${truncate(paper.title, 72)}`)
  lines.push('', `${papers.length} papers, ${papers.length - none.length} with a topic`)
  return lines.join('\n') + '\n'
}

function escapeMarkdown(value: string): string {
  return value.replace(/([\\`*_[\]<>|])/g, '\\$1')
}

/** A newsletter-ready markdown digest grouped by topic. */
export function toMarkdownDigest(papers: readonly ClassifiedPaper[], topics: readonly TopicRule[]): string {
  const lines: string[] = ['# Papers by topic', '']
  for (const group of groups(papers, topics)) {
    if (group.papers.length === 0) continue
    lines.push(`## ${escapeMarkdown(group.label)} (${group.papers.length})`, '')
    for (const {paper} of group.papers) {
      const url = mainUrl(paper)
      const title = url ? `[${escapeMarkdown(paper.title)}](${url})` : `**${escapeMarkdown(paper.title)}**`
      const authors = paper.authors.length > 0 ? ` — ${escapeMarkdown(paper.authors.slice(0, 3).join(', '))}${paper.authors.length > 3 ? ' et al.' : ''}` : ''
      const code = codeUrl(paper) ? ` · [code](${codeUrl(paper)})` : ''
      lines.push(`- ${title}${authors}${code}`)
    }
    lines.push('')
  }
  return lines.join('\n')
}

export const csvHeader = 'id,title,topics,scores,arxiv_id,url,code'

/** One line of streamed output: a JSON Line, or a CSV row of a classified paper. */
export function toOutputLine(record: Paper | ClassifiedPaper, output: 'jsonl' | 'csv'): string {
  return (output === 'csv' ? toCsvRow(record as ClassifiedPaper) : JSON.stringify(record)) + '\n'
}

function csvCell(value: string): string {
  // A leading =, +, - or @ would be read as a formula by spreadsheets.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function toCsvRow(paper: ClassifiedPaper): string {
  return [
    paper.id,
    paper.title,
    paper.topics.map((t) => t.id).join(';'),
    paper.topics.map((t) => t.score.toFixed(3)).join(';'),
    paper.arxivId ?? '',
    mainUrl(paper) ?? '',
    codeUrl(paper) ?? '',
  ]
    .map(csvCell)
    .join(',')
}
