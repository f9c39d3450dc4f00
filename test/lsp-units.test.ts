/** The language server's pure parts: line-end mapping, the fix-all edit, settings. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { TextDocument } from 'vscode-languageserver-textdocument'
import { replaceAllEdit } from '../src/lsp/code-actions.js'
import { documentText } from '../src/lsp/document-text.js'
import { DEFAULT_SETTINGS, readSettings } from '../src/lsp/settings.js'

const pieces = fc.constantFrom('牵', '头', 'a', '𠀀', '\r\n', '\n', '\r', '。', ' ')
const textArb = fc.array(pieces, { maxLength: 40 }).map((a) => a.join(''))

describe('documentText', () => {
  it('lints \\n-only text and maps every linted offset back to the same character', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const t = documentText(text)
        expect(t.linted).toBe(text.replace(/\r\n?/g, '\n'))
        for (let i = 0; i <= t.linted.length; i++) {
          const d = t.toDocument(i)
          expect(t.toLinted(d)).toBe(i)
          if (i < t.linted.length) {
            const c = t.linted[i]
            expect(c === '\n' ? /[\r\n]/.test(text[d]!) : text[d]).toBe(c === '\n' ? true : c)
          }
        }
      }),
    )
  })

  it('keeps the buffer’s CRLF in replacement text', () => {
    expect(documentText('a\r\nb').restoreLineEnds('x\ny')).toBe('x\r\ny')
    expect(documentText('a\nb').restoreLineEnds('x\ny')).toBe('x\ny')
  })
})

describe('replaceAllEdit', () => {
  it('turns the text into the output with one edit that never splits a surrogate pair', () => {
    fc.assert(
      fc.property(textArb, textArb, (a, b) => {
        const doc = TextDocument.create('file:///x.txt', 'plaintext', 1, a)
        const edit = replaceAllEdit(doc, b)
        const applied = TextDocument.applyEdits(doc, [edit])
        expect(applied).toBe(b)
        expect(edit.newText).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/)
      }),
    )
  })
})

describe('readSettings', () => {
  it('takes what is well typed and ignores the rest', () => {
    expect(readSettings({ enable: 'no', run: 'sometimes', preset: ' guangdong ', debounceMs: 1e9, configFile: 3 })).toEqual({
      ...DEFAULT_SETTINGS,
      preset: 'guangdong',
      debounceMs: 10_000,
    })
    expect(readSettings(null)).toEqual(DEFAULT_SETTINGS)
    expect(readSettings({ enable: false, run: 'onSave' })).toMatchObject({ enable: false, run: 'onSave' })
  })
})
