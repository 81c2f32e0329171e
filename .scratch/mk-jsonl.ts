import {readFileSync, writeFileSync} from 'node:fs'
import {parse} from '../src/parse/index.js'
const email = parse(readFileSync('fixtures/arxiv-email/cs-daily.txt', 'utf8')).papers
const atom = parse(readFileSync('fixtures/arxiv-atom/query.xml', 'utf8')).papers
const hf = parse(readFileSync('fixtures/hf-json/daily-papers.json', 'utf8')).papers
const pick = (list: typeof email, id: string) => list.find((p) => p.id === id)!
const lines = [
  JSON.stringify(pick(email, 'arxiv:2401.09417')),
  JSON.stringify({...pick(email, 'arxiv:cs/9605103'), topics: ['reinforcement-learning']}),
  JSON.stringify(pick(atom, 'arxiv:1610.02415')),
  JSON.stringify(pick(hf, 'arxiv:2401.10891')),
  JSON.stringify({
    id: 'arxiv:2006.16668',
    title: 'GShard: Scaling Giant Models with Conditional Computation and Automatic Sharding',
    authors: ['Dmitry Lepikhin', 'HyoukJoong Lee', 'Yuanzhong Xu', 'Dehao Chen', 'Orhan Firat', 'Yanping Huang', 'Maxim Krikun', 'Noam Shazeer', 'Zhifeng Chen'],
    arxivId: '2006.16668',
    links: [{url: 'https://arxiv.org/abs/2006.16668', role: 'abstract'}],
    venue: 'ICLR 2021',
    year: 2021,
    section: ['2021', 'Mixture of Experts'],
    source: {format: 'markdown', line: 42, endLine: 42},
  }),
  '',
  JSON.stringify({title: 'Outrageously Large Neural Networks: The Sparsely-Gated Mixture-of-Experts Layer', topics: ['moe'], optional: []}),
  JSON.stringify({title: 'Switch Transformers: Scaling to Trillion Parameter Models with Simple and Efficient Sparsity', authors: 'William Fedus, Barret Zoph and Noam Shazeer', arxivId: '2101.03961', url: "https://arxiv.org/pdf/2101.03961", published: '2021-01-11', topics: ['moe']}),
]
writeFileSync('fixtures/jsonl/papers.jsonl', lines.join('\n') + '\n')
