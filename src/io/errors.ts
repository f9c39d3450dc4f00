/**
 * Errors of the input adapters: a PlanlintError (the CLI prints it as one line and exits 2)
 * that also says what kind of problem it is, so callers and tests can tell them apart
 * without matching the zh-CN text.
 */
import { PlanlintError } from '../errors.js'

export type InputErrorKind =
  | 'not-found' // no such file
  | 'is-directory' // a directory where a file was expected
  | 'unreadable' // permissions or another I/O error
  | 'empty' // no bytes, or only white space
  | 'binary' // NUL bytes, many control characters, or a known binary format
  | 'too-large' // over the size limit
  | 'undecodable' // bytes that are not text in a recognised encoding
  | 'unknown-encoding' // a forced encoding that does not exist
  | 'unsupported-format' // a format planlint does not read, or a file whose content is another format than its extension says
  | 'corrupt' // a Word or PDF file whose structure is broken (truncated zip, bad XML)
  | 'encrypted' // a password-protected Word or PDF file
  | 'no-text' // a PDF with no text layer (a scan)

export class InputError extends PlanlintError {
  readonly kind: InputErrorKind
  constructor(kind: InputErrorKind, message: string, filePath: string) {
    super(message, filePath)
    this.kind = kind
  }
}
