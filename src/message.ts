import type {z} from 'zod'

/** Codes of parse messages. Renaming one is a breaking change. */
export const messageCodes = [
  'noise-line',
  'not-a-paper',
  'missing-abstract',
  'missing-title',
  'duplicate-paper',
  'invalid-record',
  'invalid-json',
  'invalid-xml',
  'unsafe-link',
  'truncated-entry',
  'unknown-format',
  'feed-error',
] as const

export type MessageCode = (typeof messageCodes)[number]
export type Severity = 'error' | 'warning' | 'info'

/** A diagnostic about the input: something skipped, doubtful or invalid. */
export interface ParseMessage {
  code: MessageCode
  reason: string
  severity: Severity
  /** 1-based line the message is about. */
  line: number
  /** Last line of the block the message is about, when it spans several. */
  endLine?: number | undefined
  source: 'papersift'
  /** zod issues, for `invalid-record`. */
  issues?: readonly z.core.$ZodIssue[] | undefined
}

/** Build a message. */
export function createMessage(
  code: MessageCode,
  severity: Severity,
  line: number,
  reason: string,
  extra?: Pick<ParseMessage, 'endLine' | 'issues'>,
): ParseMessage {
  const message: ParseMessage = {code, reason, severity, line, source: 'papersift'}
  if (extra?.endLine !== undefined && extra.endLine !== line) message.endLine = extra.endLine
  if (extra?.issues !== undefined) message.issues = extra.issues
  return message
}

/** Thrown by `parse(…, {strict: true})` when the listing has an error-severity message. */
export class ListingError extends Error {
  override name = 'ListingError' as const
  readonly code = 'ERR_PAPERSIFT_LISTING' as const
  readonly messages: readonly ParseMessage[]

  constructor(messages: readonly ParseMessage[], options?: {cause?: unknown}) {
    const errors = messages.filter((m) => m.severity === 'error')
    const first = errors[0] ?? messages[0]
    super(
      first
        ? `${errors.length || messages.length} problem(s) in listing; first at line ${first.line}: ${first.reason} (${first.code})`
        : 'Problem in listing',
      options,
    )
    this.messages = messages
  }
}

/** Type guard for `ListingError` (works across realms and duplicate installs). */
export function isListingError(value: unknown): value is ListingError {
  return value instanceof Error && (value as {code?: unknown}).code === 'ERR_PAPERSIFT_LISTING'
}
