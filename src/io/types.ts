/** What an input adapter hands to the pipeline. */
import type { UserLocation } from '../support/position.js'

/** What an input adapter returns: the text to lint and how to map offsets back. */
export interface SourceText {
  /** Plain text; line ends are normalised to `\n`. */
  text: string
  /** Path as given by the user, or `<stdin>`. */
  filePath: string
  format: 'txt' | 'md' | 'docx' | 'doc' | 'pdf'
  /** Encoding that was detected or forced, e.g. `utf-8`, `gb18030`, `utf-16le`. */
  encoding?: string
  /** Maps an offset in `text` to where the user sees it. */
  locate(offset: number): UserLocation
  /**
   * What a Word document holds besides its text and must not be lost silently: comments
   * (批注) and tracked changes not yet accepted or rejected. `offset` is where in `text`
   * it sits; `text` is the comment's or the change's own text. Read by `draft-residue`.
   */
  residue?: SourceResidue[]
}

export interface SourceResidue {
  kind: 'comment' | 'insertion' | 'deletion'
  offset: number
  /** For a comment on a span of text: where the span ends (its start is `offset`). */
  end?: number
  text: string
  /** Who wrote it, when the document says. */
  author?: string
}
