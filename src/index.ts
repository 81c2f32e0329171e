/**
 * papersift: parse paper listings into typed records and sift them by topic.
 * This file is the public surface: re-exports by name only (test/api.test.ts locks the list).
 */
export {
  PaperSchema,
  LinkSchema,
  MetricsSchema,
  SourceSchema,
  FormatSchema,
  LinkRoleSchema,
  formats,
  linkRoles,
} from './schema.js'
export type {Paper, Link, LinkRole, Metrics, Source, Format} from './schema.js'
export {ListingError, isListingError, messageCodes} from './message.js'
export type {ParseMessage, MessageCode, Severity} from './message.js'
export {parse, parseStream, detectFormat} from './parse/index.js'
export type {ParseOptions, ParseResult, ParseStreamOptions, ChunkSource} from './parse/index.js'
