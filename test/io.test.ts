import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import iconv from 'iconv-lite'
import { isPlanlintError } from '../src/errors.js'
import {
  InputError,
  SUPPORTED_EXTENSIONS,
  formatFor,
  plausibleChinese,
  readSource,
  readStdin,
  sourceFromText,
  type InputErrorKind,
} from '../src/io/index.js'
import { parseText } from '../src/parse/index.js'
import { plansDir } from './helpers/plans.js'

const SAMPLE = '青云谱区全民科学素质行动规划纲要实施方案（2021—2025年）\n一、指导思想\n到2025年，公民具备科学素质的比例超过15%。\n'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'planlint-io-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function fixture(name: string, bytes: Uint8Array | string): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, bytes)
  return path
}

async function expectInputError(p: Promise<unknown>, kind: InputErrorKind, where: string): Promise<InputError> {
  const e = await p.then(
    () => {
      throw new Error(`expected an InputError of kind ${kind}`)
    },
    (err: unknown) => err,
  )
  expect(e).toBeInstanceOf(InputError)
  const err = e as InputError
  expect(err.kind).toBe(kind)
  expect(isPlanlintError(err)).toBe(true)
  expect(err.exitCode).toBe(2)
  expect(err.message.startsWith(`${where}: `)).toBe(true)
  expect(err.message).not.toContain('\n')
  expect(err.message).toMatch(/[\u4e00-\u9fff]/)
  return err
}

function utf16be(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16()
}

describe('readSource: encodings', () => {
  it('reads UTF-8 without a BOM', async () => {
    const s = await readSource(await fixture('plain.txt', Buffer.from(SAMPLE, 'utf8')))
    expect(s.text).toBe(SAMPLE)
    expect(s.encoding).toBe('utf-8')
    expect(s.format).toBe('txt')
  })

  it('reads UTF-8 with a BOM and strips it', async () => {
    const s = await readSource(await fixture('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE)])))
    expect(s.text).toBe(SAMPLE)
    expect(s.encoding).toBe('utf-8')
  })

  it('reads UTF-16 LE and BE with a BOM', async () => {
    const le = await readSource(await fixture('le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')])))
    expect(le.text).toBe(SAMPLE)
    expect(le.encoding).toBe('utf-16le')
    const be = await readSource(await fixture('be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(SAMPLE)])))
    expect(be.text).toBe(SAMPLE)
    expect(be.encoding).toBe('utf-16be')
  })

  it('detects GB18030 when the bytes are not UTF-8', async () => {
    const s = await readSource(await fixture('gb.txt', iconv.encode(SAMPLE, 'gb18030')))
    expect(s.text).toBe(SAMPLE)
    expect(s.encoding).toBe('gb18030')
  })

  it.each(readdirSync(plansDir).filter((f) => f.endsWith('.txt')))('reads the whole plan %s saved as GB18030 back exactly', async (name) => {
    const text = readFileSync(join(plansDir, name), 'utf8')
    const s = await readSource(await fixture(`gb-${name}`, iconv.encode(text, 'gb18030')))
    expect(s.encoding).toBe('gb18030')
    expect(s.text).toBe(text)
  })

  it('refuses Big5 and Latin-1 text rather than guessing GB18030 wrongly', async () => {
    await expectInputError(
      readSource(await fixture('big5.txt', iconv.encode('全民科學素質行動規劃綱要實施方案，到二〇二五年，公民具備科學素質的比例超過百分之十五。', 'big5'))),
      'undecodable',
      join(dir, 'big5.txt'),
    )
    await expectInputError(
      readSource(await fixture('latin1.txt', iconv.encode('café résumé naïve façade', 'latin1'))),
      'undecodable',
      join(dir, 'latin1.txt'),
    )
  })

  it('uses a forced encoding', async () => {
    const big5 = '全民科學素質行動規劃綱要'
    const s = await readSource(await fixture('forced.txt', iconv.encode(big5, 'big5')), { encoding: 'Big5' })
    expect(s.text).toBe(big5)
    expect(s.encoding).toBe('big5')
    const u = await readSource(await fixture('forced-utf8.txt', Buffer.from('\ufeff' + SAMPLE)), { encoding: 'UTF8' })
    expect(u.text).toBe(SAMPLE)
    expect(u.encoding).toBe('utf-8')
  })

  it('rejects a forced encoding that does not exist or does not fit', async () => {
    const path = await fixture('forced-bad.txt', Buffer.from(SAMPLE))
    await expectInputError(readSource(path, { encoding: 'klingon-8' }), 'unknown-encoding', path)
    const gb = await fixture('forced-gb.txt', iconv.encode(SAMPLE, 'gb18030'))
    await expectInputError(readSource(gb, { encoding: 'utf-8' }), 'undecodable', gb)
  })

  it('rejects a UTF-16 file with an odd number of bytes and UTF-8 with a BOM but invalid bytes', async () => {
    const odd = await fixture('odd.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le'), Buffer.from([0x41])]))
    await expectInputError(readSource(odd), 'undecodable', odd)
    const broken = await fixture('broken.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE), Buffer.from([0xc3, 0x28])]))
    await expectInputError(readSource(broken), 'undecodable', broken)
  })

  it('normalises \\r\\n and \\r line ends to \\n', async () => {
    const s = await readSource(await fixture('crlf.txt', '第一行\r\n第二行\r第三行\r\n'))
    expect(s.text).toBe('第一行\n第二行\n第三行\n')
  })
})

describe('readSource: formats', () => {
  it('reads .md as md, no or unknown extension as txt', async () => {
    expect((await readSource(await fixture('plan.md', '# 标题\n'))).format).toBe('md')
    expect((await readSource(await fixture('PLAN.MARKDOWN', '# 标题\n'))).format).toBe('md')
    expect((await readSource(await fixture('noext', '标题\n'))).format).toBe('txt')
    expect((await readSource(await fixture('plan.draft', '标题\n'))).format).toBe('txt')
  })

  it('names what a .docx or .doc really is when its bytes are another format', async () => {
    const docx = await fixture('plan.docx', Buffer.from('%PDF-1.7 whatever'))
    expect((await expectInputError(readSource(docx), 'unsupported-format', docx)).message).toContain('内容其实是 PDF')
    const doc = await fixture('plan.DOC', Buffer.from('PK\x03\x04 not really'))
    expect((await expectInputError(readSource(doc), 'unsupported-format', doc)).message).toContain('其实是 .docx')
    const pdf = await fixture('plan.pdf', Buffer.from('纯文本，不是 PDF'))
    expect((await expectInputError(readSource(pdf), 'corrupt', pdf)).message).toContain('内容不是 PDF')
  })

  it('lists the extensions it reads, and maps paths to formats', () => {
    expect(SUPPORTED_EXTENSIONS).toEqual(['.txt', '.text', '.md', '.markdown', '.docx', '.doc', '.pdf'])
    expect(formatFor('a/b.c/plan').format).toBe('txt')
    expect(formatFor('a/.hidden').format).toBe('txt')
    expect(formatFor('x.Docx').format).toBe('docx')
  })
})

describe('readSource: bad input', () => {
  it('rejects a missing file', async () => {
    const path = join(dir, 'nope.txt')
    await expectInputError(readSource(path), 'not-found', path)
    await expectInputError(readSource(join(dir, 'nope', 'x.txt')), 'not-found', join(dir, 'nope', 'x.txt'))
  })

  it('rejects a directory', async () => {
    const path = join(dir, 'sub.txt')
    await mkdir(path)
    await expectInputError(readSource(path), 'is-directory', path)
  })

  it('rejects an empty file and a file of white space only', async () => {
    const empty = await fixture('empty.txt', '')
    await expectInputError(readSource(empty), 'empty', empty)
    const blank = await fixture('blank.txt', ' \n\u3000\t\r\n')
    await expectInputError(readSource(blank), 'empty', blank)
    const bomOnly = await fixture('bom-only.txt', Buffer.from([0xef, 0xbb, 0xbf]))
    await expectInputError(readSource(bomOnly), 'empty', bomOnly)
  })

  it('rejects binary files: NUL bytes, many control characters, known binary formats', async () => {
    const nul = await fixture('nul.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))
    await expectInputError(readSource(nul), 'binary', nul)
    const controls = await fixture('ctl.txt', Buffer.from('\x01\x02\x03\x04abc\x05\x06\x07\x08defgh'))
    await expectInputError(readSource(controls), 'binary', controls)
    const zip = await fixture('renamed-docx.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]))
    const e = await expectInputError(readSource(zip), 'binary', zip)
    expect(e.message).toContain('Word')
    const utf16NoBom = await fixture('utf16-nobom.txt', Buffer.from(SAMPLE, 'utf16le'))
    await expectInputError(readSource(utf16NoBom), 'binary', utf16NoBom)
  })

  it('accepts text with a few form feeds and vertical tabs (PDF and Word conversions)', async () => {
    const s = await readSource(await fixture('ff.txt', `第一页\f第二页\v续\n`))
    expect(s.text).toBe('第一页\f第二页\v续\n')
  })

  it('rejects a file over maxBytes', async () => {
    const path = await fixture('big.txt', SAMPLE.repeat(100))
    await expectInputError(readSource(path, { maxBytes: 1000 }), 'too-large', path)
    expect((await readSource(path, { maxBytes: 1_000_000 })).text).toBe(SAMPLE.repeat(100))
  })
})

describe('readStdin', () => {
  it('reads bytes from a stream and decodes them like a file', async () => {
    const chunks = [Buffer.from(SAMPLE.slice(0, 10)), Buffer.from(SAMPLE.slice(10))]
    const s = await readStdin(undefined, { stream: Readable.from(chunks) })
    expect(s.filePath).toBe('<stdin>')
    expect(s.text).toBe(SAMPLE)
    const gb = iconv.encode(SAMPLE, 'gb18030')
    // Split a GB18030 character across chunks: decoding happens after concatenation.
    const t = await readStdin('draft.md', { stream: Readable.from([gb.subarray(0, 7), gb.subarray(7)]) })
    expect(t.text).toBe(SAMPLE)
    expect(t.encoding).toBe('gb18030')
    expect(t.format).toBe('md')
  })

  it('rejects empty input, a terminal, and input over maxBytes', async () => {
    await expectInputError(readStdin(undefined, { stream: Readable.from([]) }), 'empty', '<stdin>')
    const tty = Object.assign(Readable.from([Buffer.from('x')]), { isTTY: true })
    await expectInputError(readStdin(undefined, { stream: tty }), 'empty', '<stdin>')
    await expectInputError(
      readStdin('<stdin>', { stream: Readable.from([Buffer.alloc(600, 0x41), Buffer.alloc(600, 0x41)]), maxBytes: 1000 }),
      'too-large',
      '<stdin>',
    )
  })
})

describe('sourceFromText', () => {
  it('strips a BOM, normalises line ends and locates offsets', () => {
    const s = sourceFromText('\ufeff标题\r\n\r\n第一句。𠀀二\r末行')
    expect(s.text).toBe('标题\n\n第一句。𠀀二\n末行')
    expect(s.filePath).toBe('<text>')
    expect(s.format).toBe('txt')
    expect(s.locate(0)).toEqual({ line: 1, column: 1 })
    expect(s.locate(2)).toEqual({ line: 1, column: 3 })
    expect(s.locate(3)).toEqual({ line: 2, column: 1 })
    expect(s.locate(4)).toEqual({ line: 3, column: 1 })
    // 𠀀 (offsets 8–9) is two UTF-16 code units but one column: 二 is column 6.
    expect(s.locate(8)).toEqual({ line: 3, column: 5 })
    expect(s.locate(10)).toEqual({ line: 3, column: 6 })
    expect(s.locate(11)).toEqual({ line: 3, column: 7 })
    expect(s.locate(s.text.length)).toEqual({ line: 4, column: 3 })
    expect(s.locate(-5)).toEqual({ line: 1, column: 1 })
    expect(s.locate(1e9)).toEqual({ line: 4, column: 3 })
  })

  it('agrees with the parser on every node position', () => {
    const alphabet = [...'科学素质。，（）\n\r 1.%', '𠀀', '\r\n']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }).map((a) => a.join('')), (raw) => {
        const s = sourceFromText(raw, 'x.md', 'md')
        expect(s.text).not.toContain('\r')
        const root = parseText(s.text)
        const end = root.position!.end
        expect(s.locate(s.text.length)).toEqual({ line: end.line, column: end.column })
        const stack: { position?: { start: { line: number; column: number; offset?: number } }; children?: unknown[] }[] = [root]
        while (stack.length) {
          const node = stack.pop()!
          const { line, column, offset } = node.position!.start
          expect(s.locate(offset!)).toEqual({ line, column })
          if (node.children) stack.push(...(node.children as typeof stack))
        }
      }),
      { numRuns: 200 },
    )
  })
})

describe('plausibleChinese', () => {
  it('accepts Chinese and ASCII text and rejects replacement or control characters and kana/Greek soup', () => {
    expect(plausibleChinese('到2025年，公民具备科学素质的比例超过15%。')).toBe(true)
    expect(plausibleChinese('abc\ufffd')).toBe(false)
    expect(plausibleChinese('abc\u0001')).toBe(false)
    expect(plausibleChinese('ぁΑБぃΒВぅΓГ科学')).toBe(false)
    expect(plausibleChinese('')).toBe(false)
  })
})
