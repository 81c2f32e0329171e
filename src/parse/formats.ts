/**
 * The format registry, as data. Adding a format is one file plus one entry here.
 * Order matters only for ties in detection confidence.
 */
import type {FormatDefinition} from './format.js'
import {plainTextFormat} from './plain-text.js'
// formats: imports
// formats: end imports

export {plainTextFormat}

export const formatDefinitions: readonly FormatDefinition[] = [
  // formats: entries
  // formats: end entries
  plainTextFormat,
]
