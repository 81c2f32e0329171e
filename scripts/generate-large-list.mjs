#!/usr/bin/env node
/**
 * Writes fixtures/markdown/large-list.md: a long awesome-list-style markdown file built from
 * the real paper titles in fixtures/corpus (titles-a/b.jsonl, summaries from
 * abstracts.jsonl), mixing every entry shape the markdown parser reads: linked-title
 * bullets, bold titles with bracket links, GNNPapers-style numbered entries with an
 * indented line, table rows, diffusion blocks with hard breaks, reference-style links
 * defined at the bottom, sub-bullets and <details> abstracts, wrapped link text. Links are
 * arXiv title searches (no invented ids, venues or authors). Deterministic: the same corpus
 * gives the same file.
 *
 *   node scripts/generate-large-list.mjs              # writes the fixture (420 entries)
 *   node scripts/generate-large-list.mjs --bytes 5e6  # a ~5 MB list on stdout (titles repeat)
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const entriesMax = 420
/** Entries per `###` group; each group runs through every shape once. */
const groupSize = 24

function readJsonl(path) {
  return readFileSync(root + path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line))
}

function key(title) {
  return title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
}

const summaries = new Map(readJsonl('fixtures/corpus/abstracts.jsonl').map((record) => [key(record.title), record.abstract]))
const seen = new Set()
const papers = []
for (const record of [...readJsonl('fixtures/corpus/titles-a.jsonl'), ...readJsonl('fixtures/corpus/titles-b.jsonl')]) {
  const title = record.title.trim()
  // Characters that are markdown syntax inside a title would need escaping in every shape.
  if (!title || seen.has(key(title)) || /[\[\]*_|<>`#\\]/.test(title)) continue
  seen.add(key(title))
  papers.push({title, topic: record.topics?.[0] ?? record.optional?.[0] ?? 'other', summary: summaries.get(key(title))})
}

const topicNames = {
  nas: 'Neural Architecture Search',
  diffusion: 'Diffusion Models',
  gnn: 'Graph Neural Networks',
  moe: 'Mixture of Experts',
  networking: 'Networking',
  other: 'Other Papers',
}

function searchUrl(title) {
  const query = encodeURIComponent(title).replace(/[()*'!]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
  return `https://arxiv.org/search/?query=${query}&searchtype=title`
}

/** Split a long title into two lines (for link text that wraps). */
function wrap(title) {
  const words = title.split(' ')
  if (words.length < 4) return [title]
  const half = Math.ceil(words.length / 2)
  return [words.slice(0, half).join(' '), words.slice(half).join(' ')]
}

function generate(list, {repeat = 1} = {}) {
  const out = []
  const definitions = []
  out.push('# Large Reading List [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)', '')
  out.push('A long list generated from real paper titles to test the markdown parser. Links search arXiv by title.', '')
  out.push('## Contents', '')
  for (const name of Object.values(topicNames)) out.push(`- [${name}](#${name.toLowerCase().replace(/\s+/g, '-')})`)
  out.push('- [Contributing](#contributing)', '')

  let ref = 0
  for (let round = 0; round < repeat; round++) {
    const byTopic = new Map()
    for (const paper of list) {
      const group = byTopic.get(paper.topic) ?? []
      group.push(paper)
      byTopic.set(paper.topic, group)
    }
    for (const [topic, group] of byTopic) {
      out.push(`## ${topicNames[topic] ?? topicNames.other}${repeat > 1 ? ` (round ${round + 1})` : ''}`, '')
      for (let start = 0; start < group.length; start += groupSize) {
        out.push(`### Part ${start / groupSize + 1}`, '')
        const chunk = group.slice(start, start + groupSize)
        let table = false
        chunk.forEach((paper, index) => {
          const {title} = paper
          const url = searchUrl(title)
          const shape = index % 12
          if (shape !== 6 && shape !== 7 && table) {
            out.push('')
            table = false
          }
          switch (shape) {
            case 0:
              out.push(`- [${title}](${url})`)
              break
            case 1:
              out.push(`- **${title}** [[Paper](${url})]`)
              break
            case 2:
              out.push('', `1. **${/[?!.]$/.test(title) ? title : title + '.'}** [paper](${url})`, '', '    *(authors not listed)*', '')
              break
            case 3: {
              const [a, b] = wrap(title)
              out.push(b ? `* [${a}\n  ${b}](${url})` : `* [${a}](${url})`)
              break
            }
            case 4:
              out.push(`- ${title} [[pdf]](${url})`, '  - Notes: found through an arXiv title search')
              break
            case 5:
              out.push(`- [${title}](${url})`)
              if (paper.summary) out.push('  <details><summary>Summary</summary>', '', `  ${paper.summary}`, '', '  </details>')
              break
            case 6:
            case 7:
              if (!table) {
                out.push('', '| Title | Venue | Code |', '|---|---|---|')
                table = true
              }
              out.push(`| [${title}](${url}) | - | - |`)
              break
            case 8:
              out.push('', `**${title}** \\`, `arXiv. [[Paper](${url})] \\`, 'Listed in this reading list', '')
              break
            case 9:
            case 10:
              ref++
              out.push(`- ${title} [paper][ref-${ref}]`)
              definitions.push(`[ref-${ref}]: ${url}`)
              break
            case 11:
              out.push(`- [${title}](${url})`, '', `  > ${paper.summary ?? 'No summary yet.'}`, '')
              break
          }
        })
        out.push('')
      }
    }
  }
  out.push('## Contributing', '', 'Add a paper by opening a pull request.', '', '- Fork the repository', '- Add your entry in the right section', '')
  out.push('<!-- reference links -->', ...definitions, '')
  return out.join('\n').replace(/\n{3,}/g, '\n\n')
}

const bytesArg = process.argv.indexOf('--bytes')
if (bytesArg !== -1) {
  const bytes = Number(process.argv[bytesArg + 1])
  const once = generate(papers).length
  process.stdout.write(generate(papers, {repeat: Math.max(1, Math.round(bytes / once))}))
} else {
  const list = papers.slice(0, entriesMax)
  writeFileSync(root + 'fixtures/markdown/large-list.md', generate(list))
  process.stdout.write(`wrote fixtures/markdown/large-list.md with ${list.length} entries\n`)
}
