import {XMLParser} from 'fast-xml-parser'
const p = new XMLParser({ignoreAttributes: false, removeNSPrefix: true, parseTagValue: false, processEntities: false, isArray: (n) => ['author','link','category'].includes(n)})
console.log(JSON.stringify(p.parse(`<entry>
    <id>http://arxiv.org/abs/2112.10752v2</id>
    <updated>2022-04-13T11:38:44Z</updated>
    <published>2021-12-20T18:55:25Z</published>
    <title>x</title></entry>`)))
