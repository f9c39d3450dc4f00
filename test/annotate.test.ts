/**
 * `planlint annotate`: findings written back into a copy of the .docx as Word comments
 * anchored on the exact runs of the offending text, and fixes as tracked changes. The
 * documents are made here with the `docx` package, with text split across runs the way
 * Word leaves it after editing; the CLI runs for real (`node bin/planlint.js`). The
 * LibreOffice round trip is scripts/check-annotate-libreoffice.sh.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Document as XmlDocument, Element } from '@xmldom/xmldom'
import { Document, Packer, Paragraph, TextRun } from 'docx'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { diffEdits } from '../src/cli/annotate-docx.js'
import { W_NS, bodyParagraphs, childElements, parseXml } from '../src/io/ooxml.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = path.join(root, 'bin/planlint.js')
const fixtures = path.join(root, 'test/fixtures/formats')

let dir: string
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-annotate-'))
  // Only the rules this test is about, so new rules elsewhere do not change the counts.
  fs.writeFileSync(
    path.join(dir, 'planlint.config.yaml'),
    'preset: national\nrules:\n  lead-unit: off\n  population-actions: off\n  heading-numbering: off\n',
  )
  const run = (text: string, opts: { bold?: boolean; italics?: boolean } = {}) => new TextRun({ text, ...opts })
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [run('某某县全民科学素质行动规划纲要实施方案（2021—2025年）')] }),
          new Paragraph({ children: [run('一、总体要求')] }),
          new Paragraph({ children: [run('到2025年，公民具备科学素质的比例'), run('明显提高。')] }),
          new Paragraph({ children: [run('牵头单位'), run(':'), run('县科'), run('技局', { bold: true }), run('、县教育局')] }),
          new Paragraph({ children: [run('[book'), run('mark: _Go', { italics: true }), run('Back]')] }),
          // A marker in the middle of one run: the run is split on both sides.
          new Paragraph({ children: [run('请各单位认真落实[bookmark: _Toc1]。', { bold: true })] }),
        ],
      },
    ],
  })
  fs.writeFileSync(path.join(dir, 'draft.docx'), await Packer.toBuffer(doc))
  fs.copyFileSync(path.join(fixtures, 'residue.docx'), path.join(dir, 'residue.docx'))
  fs.copyFileSync(path.join(fixtures, 'corrupt.docx'), path.join(dir, 'corrupt.docx'))
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

interface Parts {
  document: XmlDocument
  comments: XmlDocument
  rels: string
  contentTypes: string
}

async function parts(file: string): Promise<Parts> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file))
  const read = async (name: string) => {
    const f = zip.file(name)
    expect(f, name).not.toBeNull()
    return f!.async('string')
  }
  // parseXml throws on any XML error: the parts are well-formed.
  return {
    document: parseXml(await read('word/document.xml'), 'word/document.xml', file),
    comments: parseXml(await read('word/comments.xml'), 'word/comments.xml', file),
    rels: await read('word/_rels/document.xml.rels'),
    contentTypes: await read('[Content_Types].xml'),
  }
}

const wAttr = (el: Element, name: string) => el.getAttributeNS(W_NS, name)
const byTag = (doc: XmlDocument | Element, tag: string) => Array.from(doc.getElementsByTagNameNS(W_NS, tag))

/** The original text between commentRangeStart and commentRangeEnd of `id` (planlint's deletions count, its insertions do not). */
function anchoredText(doc: XmlDocument, id: string): string {
  let inside = false
  let text = ''
  const visit = (el: Element): void => {
    for (const c of childElements(el)) {
      if (c.namespaceURI !== W_NS) continue
      if (c.localName === 'commentRangeStart' && wAttr(c, 'id') === id) inside = true
      else if (c.localName === 'commentRangeEnd' && wAttr(c, 'id') === id) inside = false
      else if (c.localName === 'ins' && wAttr(c, 'author') === 'planlint') continue
      else if (inside && (c.localName === 't' || c.localName === 'delText')) text += c.textContent ?? ''
      else visit(c)
      if (c.localName === 'p' && inside) text += '\n'
    }
  }
  visit(doc.documentElement!)
  return text
}

/** Paragraph texts with planlint's changes accepted (or rejected). */
function paragraphsAfter(doc: XmlDocument, accept: boolean): string[] {
  return bodyParagraphs(doc).map((p) => {
    let s = ''
    const visit = (el: Element): void => {
      for (const c of childElements(el)) {
        const mine = wAttr(c, 'author') === 'planlint'
        if (c.localName === 'ins' && mine && !accept) continue
        if (c.localName === 'del' && mine && accept) continue
        if (c.localName === 't' || (c.localName === 'delText' && !accept)) s += c.textContent ?? ''
        else visit(c)
      }
    }
    visit(p)
    return s
  })
}

describe('planlint annotate', () => {
  let out: Parts
  let original: Buffer
  beforeAll(async () => {
    original = fs.readFileSync(path.join(dir, 'draft.docx'))
    const r = cli(['annotate', 'draft.docx'])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(1) // the draft has an error (an unquantified target), as `planlint draft.docx` would say
    expect(r.stdout).toMatch(/^已写入 draft\.planlint\.docx：\d+ 条批注，3 处修订（作者 planlint；原文件未改动）\n$/)
    out = await parts(path.join(dir, 'draft.planlint.docx'))
  })

  it('never touches the original and writes <name>.planlint.docx', () => {
    expect(fs.readFileSync(path.join(dir, 'draft.docx')).equals(original)).toBe(true)
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('draft'))).toEqual(['draft.docx', 'draft.planlint.docx'])
  })

  it('registers the comments part', () => {
    expect(out.rels).toContain('relationships/comments')
    expect(out.rels).toContain('Target="comments.xml"')
    expect(out.contentTypes).toContain('PartName="/word/comments.xml"')
  })

  it('anchors each comment on exactly the offending text, across split runs', () => {
    const comments = byTag(out.comments, 'comment')
    const texts = comments.map((c) => [c.textContent ?? '', anchoredText(out.document, wAttr(c, 'id')!)])
    // punctuation-width on the half-width colon, which sits in a run of its own.
    const colon = texts.find(([t]) => t.includes('punctuation-width'))!
    expect(colon[1]).toBe(':')
    // The bookmark marker spans three runs (one italic): the anchor covers exactly it.
    expect(texts.filter(([t]) => t.includes('书签标记')).map(([, a]) => a)).toEqual(['[bookmark: _GoBack]', '[bookmark: _Toc1]'])
    // The unquantified target: message, rule id and the upper plan's wording.
    const target = texts.find(([t]) => t.includes('quantified-targets'))!
    expect(target[0]).toMatch(/^错误：.*（规则 quantified-targets）上级规划表述：/)
    expect(target[1]).toBe('到2025年，公民具备科学素质的比例明显提高。')
    for (const c of comments) {
      expect(wAttr(c, 'author')).toBe('planlint')
      const id = wAttr(c, 'id')!
      expect(byTag(out.document, 'commentRangeStart').filter((e) => wAttr(e, 'id') === id)).toHaveLength(1)
      expect(byTag(out.document, 'commentRangeEnd').filter((e) => wAttr(e, 'id') === id)).toHaveLength(1)
      expect(byTag(out.document, 'commentReference').filter((e) => wAttr(e, 'id') === id)).toHaveLength(1)
    }
  })

  it('writes fixes as tracked changes by planlint, keeping the run formatting', () => {
    const dels = byTag(out.document, 'del')
    const ins = byTag(out.document, 'ins')
    expect(dels.every((d) => wAttr(d, 'author') === 'planlint' && wAttr(d, 'date'))).toBe(true)
    expect(ins.map((i) => [wAttr(i, 'author'), i.textContent])).toEqual([['planlint', '：']])
    expect(dels.map((d) => d.textContent).join('|')).toBe(':|[book|mark: _Go|Back]|[bookmark: _Toc1]')
    // The italic run is deleted as it was, formatting and all.
    const italic = dels.find((d) => d.textContent === 'mark: _Go')!
    expect(byTag(italic, 'i')).toHaveLength(1)
    expect(byTag(italic, 'delText')).toHaveLength(1)
  })

  it('accepting planlint’s changes gives the fixed text; rejecting them gives the original', () => {
    expect(paragraphsAfter(out.document, true).slice(3)).toEqual(['牵头单位：县科技局、县教育局', '', '请各单位认真落实。'])
    expect(paragraphsAfter(out.document, false).slice(3)).toEqual(['牵头单位:县科技局、县教育局', '[bookmark: _GoBack]', '请各单位认真落实[bookmark: _Toc1]。'])
    // The split run keeps its formatting on both sides of the deletion.
    const last = bodyParagraphs(out.document)[5]!
    expect(byTag(last, 'r').filter((r) => byTag(r, 'b').length === 1).map((r) => r.textContent)).toEqual(['请各单位认真落实', '[bookmark: _Toc1]', '。'])
  })

  it('labels a note at the info level 提示, and a run with only notes exits 0', async () => {
    const r = cli(['annotate', 'draft.docx', '-o', 'notes.docx', '--rule', 'quantified-targets:info'])
    expect(r.stderr).toBe('')
    const p = await parts(path.join(dir, 'notes.docx'))
    const target = byTag(p.comments, 'comment').map((c) => c.textContent ?? '').find((t) => t.includes('quantified-targets'))!
    expect(target).toMatch(/^提示：.*（规则 quantified-targets）/)
    // the draft's only error was that target: with it a note, nothing fails
    expect(r.status).toBe(0)
  })

  it('keeps the comments and revisions a document already has, with fresh ids', async () => {
    const r = cli(['annotate', 'residue.docx', '-o', 'reviewed.docx'])
    expect(r.status, r.stderr).toBe(1)
    const p = await parts(path.join(dir, 'reviewed.docx'))
    const comments = byTag(p.comments, 'comment')
    expect(comments.filter((c) => wAttr(c, 'author') === '审稿人').map((c) => c.textContent)).toEqual(['此处目标需要量化'])
    const ids = comments.map((c) => wAttr(c, 'id'))
    expect(new Set(ids).size).toBe(ids.length)
    // The reviewer's own insertion and deletion are still there, untouched.
    expect(byTag(p.document, 'ins').filter((e) => wAttr(e, 'author') === '审稿人').map((e) => e.textContent)).toEqual(['加强科学教育。'])
    expect(byTag(p.document, 'del').filter((e) => wAttr(e, 'author') === '审稿人').map((e) => e.textContent)).toEqual(['删去的旧句子。'])
    // planlint's comments on them are there too.
    expect(comments.some((c) => (c.textContent ?? '').includes('未处理的修订'))).toBe(true)
  })

  it('refuses what it cannot annotate, in one line, writing nothing', () => {
    for (const [args, fragment] of [
      [['annotate', 'corrupt.docx'], '已损坏'],
      [['annotate', 'draft.docx', '-o', 'draft.docx'], '不能写到输入文件上'],
      [['annotate', 'plan.txt'], '只能给 .docx 文件写批注'],
      [['annotate', 'missing.docx'], '找不到文件'],
    ] as const) {
      const r = cli([...args])
      expect(r.status, r.stderr).toBe(2)
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1)
      expect(r.stderr).toContain(fragment)
    }
    expect(fs.existsSync(path.join(dir, 'corrupt.planlint.docx'))).toBe(false)
    expect(fs.readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([])
  })
})

describe('diffEdits', () => {
  it('splits a same-length fix into the changed characters only', () => {
    expect(diffEdits('按(2021)号,见:', '按（2021）号，见：')).toEqual([
      { start: 1, end: 2, text: '（' },
      { start: 6, end: 7, text: '）' },
      { start: 8, end: 9, text: '，' },
      { start: 10, end: 11, text: '：' },
    ])
  })
  it('keeps one edit for an insertion or deletion', () => {
    expect(diffEdits('甲[bookmark: x]乙', '甲乙')).toEqual([{ start: 1, end: 14, text: '' }])
    expect(diffEdits('区科局', '区科技局')).toEqual([{ start: 2, end: 2, text: '技' }])
    expect(diffEdits('同', '同')).toEqual([])
  })
})
