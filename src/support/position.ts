/**
 * unist positions and where the user sees an offset. Offsets are UTF-16 code-unit offsets into
 * the text the input adapter produced; lines and columns are 1-based, columns count code points
 * the way an editor shows them (a Han character is one column).
 */
/** A unist point: 1-based line and column plus the 0-based offset. */
export interface Point {
  line: number
  column: number
  offset: number
}

/** A unist position. */
export interface Position {
  start: Point
  end: Point
}

/** Where the user sees an offset: line/column always; paragraph/page for Word and PDF. */
export interface UserLocation {
  line: number
  column: number
  /** 1-based paragraph index in a Word document. */
  paragraph?: number
  /** 1-based page in a PDF. */
  page?: number
}

