import {readFileSync} from 'node:fs'
import {parse} from '../src/parse/index.js'
const [file, format] = process.argv.slice(2)
const r = parse(readFileSync(file!, 'utf8'), format ? {format: format as never} : undefined)
console.log(JSON.stringify({format: r.format, messages: r.messages, papers: r.papers}, null, 1))
