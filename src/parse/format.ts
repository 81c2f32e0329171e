/**
 * The contract every listing format implements: a line-driven parser.
 *
 * The engine feeds lines one by one (`push`) and calls `end()` once; the parser reports each
 * entry as a `PaperDraft` through `emit` as soon as the entry closes, and anything it skips
 * through `message`. The same parser object runs under `parse()` and `parseStream()`.
 */
import type {Format, Paper} from '../schema.js'
import type {ParseMessage} from '../message.js'
import type {PaperDraft} from './draft.js'

export interface FormatContext {
  /** Report a finished entry. */
  emit(draft: PaperDraft): void
  /**
   * Report a record that is already a valid `Paper` (it must pass `PaperSchema`), as read back
   * from papersift's own output: it skips `finalizeDraft` (no normalisation, `id` and `source`
   * kept as given) but is still checked for duplicates.
   */
  emitPaper(paper: Paper): void
  /** Report a skipped or doubtful line or block. */
  message(message: ParseMessage): void
}

export interface LineParser {
  /** One line, without its line ending; `line` is 1-based. */
  push(text: string, line: number): void
  /** No more lines; `lastLine` is the number of the last line pushed (0 for empty input). */
  end(lastLine: number): void
}

export interface FormatDefinition {
  readonly name: Format
  /**
   * How sure this format is that the listing is its own, from the first lines only
   * (0 = not mine, 1 = certain). Lines have no line endings; a leading BOM is removed.
   */
  detect(head: readonly string[]): number
  create(context: FormatContext): LineParser
}
