/**
 * The format registry, as data. Adding a format is one file plus one entry here.
 * Order matters only for ties in detection confidence.
 */
import type {FormatDefinition} from './format.js'
import {plainTextFormat} from './plain-text.js'
// formats: imports
import {arxivEmailFormat} from './arxiv-email.js'
import {arxivAtomFormat} from './arxiv-atom.js'
import {hfJsonFormat} from './hf-json.js'
import {jsonlFormat} from './jsonl.js'
import {markdownFormat} from './markdown.js'
// formats: end imports

export {plainTextFormat}

export const formatDefinitions: readonly FormatDefinition[] = [
  // formats: entries
  arxivEmailFormat,
  arxivAtomFormat,
  hfJsonFormat,
  jsonlFormat,
  markdownFormat,
  // formats: end entries
  plainTextFormat,
]
