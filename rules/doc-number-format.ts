/**
 * doc-number-format: 文号 as GB/T 9704-2012 §7.2.4 writes them — 机关代字〔年份〕序号号: the
 * year in 六角括号 〔〕 (U+3014/U+3015), the serial without 第 and without leading zeros.
 * Reads plan.docNumbers (every 文号 the builder found, with the brackets as typed). The fix
 * changes only the wrong characters, never the agency, year or serial.
 */
import { defineRule, ruleDocsUrl } from '../src/rules-support/context.js'
import type { DocNumberNode, Fix } from '../src/types.js'

/** Endings of a 机关代字 (粤府, 国办发, 川府函, 穗南府, 中发, …): a bracketed year after a
 * word that ends otherwise is probably not a 文号 (`基地(2023)3号楼`), unless in 〔〕. */
const AGENCY_END = /[发函字府办委令电规文通纪组党协呈报复批示告知]$/

export default defineRule({
  meta: {
    id: 'doc-number-format',
    type: 'layout',
    severity: 'error',
    docs: {
      description: {
        zh: '文号按 GB/T 9704-2012 书写：机关代字〔年份〕序号号，年份用六角括号〔〕，序号不加“第”、不编虚位',
        en: 'Document numbers follow GB/T 9704-2012: agency〔year〕serial号, with 〔〕 brackets, no 第 and no leading zeros',
      },
      url: ruleDocsUrl('doc-number-format'),
      recommended: true,
    },
    fixable: 'code',
    schema: { type: 'object', properties: {}, additionalProperties: false },
    messages: {
      brackets: '文号「{{written}}」的年份应用六角括号〔〕括入（GB/T 9704-2012），应为「{{expected}}」',
      serial: '文号「{{written}}」的发文顺序号不加“第”、不编虚位（GB/T 9704-2012），应为「{{expected}}」',
    },
  },
  create(ctx) {
    return {
      docNumber(node: DocNumberNode) {
        const start = node.position.start.offset
        const written = ctx.text.slice(start, node.position.end.offset)
        const badBrackets = node.brackets !== '〔〕'
        if (badBrackets && !AGENCY_END.test(node.agency)) return
        const parts = /^(.*?)([〔\[【(（［])(\s*\d{4}\s*)([〕\]】)）］])(\s*)(第?)(\s*)(\d+)(\s*号)$/.exec(written)
        if (!parts) return
        const [, agency, open, year, close, sp1, di, sp2, serial, tail] = parts as unknown as string[]
        const fixes: Fix[] = []
        if (badBrackets) {
          const at = start + agency!.length
          fixes.push({ range: [at, at + 1], text: '〔' })
          const closeAt = at + open!.length + year!.length
          fixes.push({ range: [closeAt, closeAt + 1], text: '〕' })
        }
        const cleanSerial = String(Number(serial))
        const badSerial = di === '第' || cleanSerial !== serial
        const expected = `${agency}〔${year}〕${sp1}${cleanSerial}${tail}`.replace(/\s+/g, '')
        if (badBrackets) {
          ctx.report({
            messageId: 'brackets',
            data: { written, expected },
            node,
            fix: merge(written, start, fixes),
            expected,
            actual: written,
          })
        }
        if (badSerial) {
          const serialAt = start + agency!.length + open!.length + year!.length + close!.length + sp1!.length
          const serialEnd = serialAt + di!.length + sp2!.length + serial!.length
          ctx.report({
            messageId: 'serial',
            data: { written, expected },
            range: [serialAt, serialEnd],
            // a bracket fix on the same 文号 goes first; the fixer's next pass takes this one
            fix: { range: [serialAt, serialEnd], text: cleanSerial },
            expected,
            actual: written,
          })
        }
      },
    }
  },
})

/** Two single-character replacements as one fix over the span between them. */
function merge(written: string, start: number, fixes: Fix[]): Fix {
  const from = fixes[0]!.range[0]
  const to = fixes[fixes.length - 1]!.range[1]
  let text = written.slice(from - start, to - start)
  for (const f of [...fixes].reverse()) {
    const a = f.range[0] - from
    text = text.slice(0, a) + f.text + text.slice(a + (f.range[1] - f.range[0]))
  }
  return { range: [from, to], text }
}
