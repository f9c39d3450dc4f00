/**
 * Input formats by file extension. Each adapter turns a file's bytes into a SourceText.
 * Word and PDF adapters load their libraries on first use, so linting .txt never pays
 * for mammoth or pdf.js.
 */
import type { SourceText } from './types.js'
import { decodeBytes, type DecodeOptions } from './decode.js'
import { InputError } from './errors.js'
import { sourceFromText } from './source.js'

export interface FormatAdapter {
  format: SourceText['format']
  /** Lower-case extensions with the dot. */
  extensions: readonly string[]
  /** Name shown to the user. */
  label: string
  /** Reads the bytes; absent for a format that is known but not supported yet. */
  read?: (bytes: Uint8Array, filePath: string, opts: DecodeOptions) => SourceText | Promise<SourceText>
}

function textAdapter(format: 'txt' | 'md'): FormatAdapter['read'] {
  return (bytes, filePath, opts) => {
    const { text, encoding } = decodeBytes(bytes, filePath, opts)
    return { ...sourceFromText(text, filePath, format), encoding }
  }
}

export const FORMATS: readonly FormatAdapter[] = [
  { format: 'txt', extensions: ['.txt', '.text'], label: '纯文本', read: textAdapter('txt') },
  { format: 'md', extensions: ['.md', '.markdown'], label: 'Markdown', read: textAdapter('md') },
  {
    format: 'docx',
    extensions: ['.docx'],
    label: 'Word（.docx）',
    read: async (bytes, filePath) => (await import('./docx.js')).readDocx(bytes, filePath),
  },
  {
    format: 'doc',
    extensions: ['.doc'],
    label: 'Word 97-2003（.doc）',
    read: async (bytes, filePath) => (await import('./doc.js')).readDoc(bytes, filePath),
  },
  { format: 'pdf', extensions: ['.pdf'], label: 'PDF', read: async (bytes, filePath) => (await import('./pdf.js')).readPdf(bytes, filePath) },
]

/** The adapter for a text file with no or an unknown extension. */
const FALLBACK = FORMATS[0]!

/** Extensions planlint can read now (with the dot), for directory recursion. */
export const SUPPORTED_EXTENSIONS: readonly string[] = FORMATS.filter((f) => f.read).flatMap((f) => f.extensions)

/** The adapter for a path; unknown or missing extensions are read as plain text. */
export function formatFor(filePath: string): FormatAdapter {
  const dot = filePath.lastIndexOf('.')
  const slash = Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\'))
  if (dot <= slash + 1) return FALLBACK
  const ext = filePath.slice(dot).toLowerCase()
  return FORMATS.find((f) => f.extensions.includes(ext)) ?? FALLBACK
}

/** Read bytes with the adapter for `filePath`; unsupported formats throw an InputError. */
export async function readWithFormat(bytes: Uint8Array, filePath: string, opts: DecodeOptions): Promise<SourceText> {
  const adapter = formatFor(filePath)
  if (!adapter.read) {
    throw new InputError(
      'unsupported-format',
      `暂不支持 ${adapter.label} 文件；请先另存为 UTF-8 编码的 .txt 或 .md 后再检查`,
      filePath,
    )
  }
  return adapter.read(bytes, filePath, opts)
}
