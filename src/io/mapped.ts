/**
 * Text assembled from pieces of a Word or PDF document, with a map from every offset back
 * to where the user sees it: the 1-based Word paragraph (and the offset inside that
 * paragraph's text, for writing comments back) or the PDF page.
 */
import { textLocator } from '../support/location.js'
import { lastAtOrBefore } from '../text/arrays.js'
import type { SourceText } from './types.js'
import type { UserLocation } from '../support/position.js'

/** [start, end) of the text that came from one paragraph (or page). */
export interface Segment {
  start: number
  end: number
  paragraph?: number
  page?: number
  /** Offset in the paragraph's own text where this segment starts, when known exactly. */
  paraStart?: number
}

export interface MappedText {
  text: string
  /** Sorted by start, not overlapping. */
  segments: Segment[]
}

/** Builds text line by line, remembering where each piece came from. */
export class TextBuilder {
  private parts: string[] = []
  private length = 0
  private lineStarted = false
  readonly segments: Segment[] = []

  /** Appends `text` to the current line; `from` says where it came from. */
  add(text: string, from: Omit<Segment, 'start' | 'end'>): void {
    this.lineStarted = true
    this.segments.push({ ...from, start: this.length, end: this.length + text.length })
    this.parts.push(text)
    this.length += text.length
  }

  /** Appends a separator (a tab between cells) that belongs to no paragraph. */
  raw(text: string): void {
    this.lineStarted = true
    this.parts.push(text)
    this.length += text.length
  }

  /** Ends the current line. */
  endLine(): void {
    this.parts.push('\n')
    this.length += 1
    this.lineStarted = false
  }

  get started(): boolean {
    return this.lineStarted
  }

  build(): MappedText {
    let text = this.parts.join('')
    // The last line end is not part of the document.
    if (text.endsWith('\n')) text = text.slice(0, -1)
    return { text, segments: this.segments.filter((s) => s.start <= text.length) }
  }
}

/** The segment holding `offset` (or the nearest one before it). */
export function segmentAt(segments: readonly Segment[], offset: number): Segment | undefined {
  return segments[lastAtOrBefore(segments, offset, (s) => s.start)]
}

/** A SourceText over mapped text: line/column as in any text, plus paragraph or page. */
export function mappedSource(
  mapped: MappedText,
  filePath: string,
  format: SourceText['format'],
  extra: Pick<SourceText, 'residue' | 'encoding'> = {},
): SourceText {
  const base = textLocator(mapped.text)
  return {
    text: mapped.text,
    filePath,
    format,
    ...extra,
    locate(offset: number): UserLocation {
      const where = base(offset)
      const seg = segmentAt(mapped.segments, offset)
      if (seg?.paragraph !== undefined) where.paragraph = seg.paragraph
      if (seg?.page !== undefined) where.page = seg.page
      return where
    },
  }
}
