import {XMLParser, XMLValidator} from 'fast-xml-parser'
const frag = `<entry>
    <id>http://arxiv.org/abs/2401.01234v2</id>
    <title>A &amp; B &lt;x&gt; &#246; &#x00E9; &lol9; 2024</title>
    <summary>  Abstract text,
with indent.
</summary>
    <author><name>Ada</name><arxiv:affiliation xmlns:arxiv="http://arxiv.org/schemas/atom">Somewhere</arxiv:affiliation></author>
    <link href="http://arxiv.org/abs/2401.01234v2?a=1&amp;b=2" rel="alternate" type="text/html"/>
    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
    <category term="cs.LG"/>
  </entry>`
console.log(XMLValidator.validate(frag))
console.log(XMLValidator.validate('<entry><title>x</title>\n<summary>oops</entry>'))
console.log(XMLValidator.validate('<entry><title>x</title>\n<summary>oops'))
const p = new XMLParser({ignoreAttributes: false, removeNSPrefix: true, parseTagValue: false, parseAttributeValue: false, processEntities: false, htmlEntities: false, isArray: (n) => ['author','link','category'].includes(n)})
console.log(JSON.stringify(p.parse(frag), null, 1))
const bl = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><entry><title>&lol3;</title></entry>`
console.log(XMLValidator.validate(bl))
try { console.log(JSON.stringify(p.parse(bl))) } catch (e) { console.log('throw', e.message) }
