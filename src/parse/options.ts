import type {Format} from '../schema.js'
import {formats} from '../schema.js'

/** Options of `parse()` and `parseStream()`. */
export interface ParseOptions {
  /** Listing format, or `'auto'` to detect it from the first lines. @default 'auto' */
  readonly format?: Format | 'auto' | undefined
  /** Throw a `ListingError` when the listing has an error-severity message. @default false */
  readonly strict?: boolean | undefined
}

export interface ResolvedParseOptions {
  format: Format | 'auto'
  strict: boolean
}

const knownKeys = new Set(['format', 'strict', 'onMessage'])

/**
 * Check options and fill defaults.
 *
 * @throws {TypeError} naming the option when it is wrong.
 */
export function resolveParseOptions(options: unknown): ResolvedParseOptions {
  if (options === undefined || options === null) return {format: 'auto', strict: false}
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`Expected options to be an object, got \`${describe(options)}\``)
  }
  const record = options as Record<string, unknown>
  for (const key of Object.keys(record)) {
    if (!knownKeys.has(key)) throw new TypeError(`Unknown option \`${key}\`; expected one of format, strict, onMessage`)
  }
  const {format = 'auto', strict = false} = record
  if (format !== 'auto' && !(formats as readonly unknown[]).includes(format)) {
    throw new TypeError(`Expected \`format\` to be one of 'auto', ${formats.map((f) => `'${f}'`).join(', ')}, got \`${describe(format)}\``)
  }
  if (typeof strict !== 'boolean') throw new TypeError(`Expected \`strict\` to be a boolean, got \`${describe(strict)}\``)
  if (record.onMessage !== undefined && typeof record.onMessage !== 'function') {
    throw new TypeError(`Expected \`onMessage\` to be a function, got \`${describe(record.onMessage)}\``)
  }
  return {format: format as Format | 'auto', strict}
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `'${value.slice(0, 40)}'`
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'object') return 'object'
  return String(value)
}
