/**
 * Through the real CLI: a plugin's rule gets the whole tree, although a run of built-in rules
 * alone builds sentences without their words (src/lint/tree-depth.ts). One plugin listens to
 * WordNode, another only to SentenceNode and reads its children; both see every word.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Node, Parent } from 'unist'
import { parseText } from '../src/parse/index.js'
import { runCli } from './helpers/cli.js'

const META = `meta: { id: 'words', type: 'suggestion', severity: 'warn',
    docs: { description: { zh: '列出词', en: 'list words' }, url: 'https://example.test/words' },
    schema: { type: 'object' }, messages: { words: '{{words}}' } }`

/** A plugin whose rule collects words with `listeners` and reports them once, at plan:exit. */
const plugin = (listeners: string): string => `export default { rules: { words: {
  ${META},
  create(ctx) {
    const seen = []
    return {
      ${listeners},
      'plan:exit'(plan) { ctx.report({ node: plan, messageId: 'words', data: { words: seen.join('|') } }) },
    }
  },
} } }\n`

// CRLF, a line broken in mid-sentence (the plan plugin joins it), brackets, Latin, an astral character
const TEXT = [
  '一、总体要求',
  '（一）指导思想。科学素质是国民素质的重要组成部分，对于增强国家自主创新能力和文化软',
  '',
  '实力具有十分重要的意义。\r',
  '二、重点任务',
  '1.开展科普活动（牵头单位：区科协；责任单位：区教育局）。推进 PDF 2.0 版𠀀字库建设！',
  '',
].join('\n')

function wordsOf(text: string): string[] {
  const out: string[] = []
  const walk = (node: Node): void => {
    if (node.type === 'WordNode') out.push(text.slice(node.position!.start.offset, node.position!.end.offset))
    for (const c of (node as Parent).children ?? []) walk(c)
  }
  walk(parseText(text))
  return out
}

describe('through the CLI: plugin rules get every word', () => {
  const dir = mkdtempSync(join(tmpdir(), 'planlint-tree-depth-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  writeFileSync(join(dir, '方案.txt'), TEXT)
  const expected = wordsOf(TEXT)

  const reported = (ns: string, listeners: string): string[] => {
    writeFileSync(join(dir, `planlint-plugin-${ns}.mjs`), plugin(listeners))
    writeFileSync(join(dir, 'planlint.config.yaml'), `plugins:\n  - ./planlint-plugin-${ns}.mjs\nrules:\n  ${ns}/words: warn\n`)
    const r = runCli(['方案.txt', '--format', 'json'], { cwd: dir })
    expect(r.stderr).toBe('')
    const messages = (JSON.parse(r.stdout) as { messages: { ruleId: string; message: string }[] }[])[0]!.messages
    const mine = messages.filter((m) => m.ruleId === `${ns}/words`)
    expect(mine).toHaveLength(1)
    return mine[0]!.message.split('|')
  }

  it('the text has words of every kind to find', () => {
    expect(expected).toEqual(expect.arrayContaining(['对于增强国家自主创新能力和文化软', '实力具有十分重要的意义', 'PDF', '2', '0', '版𠀀字库建设']))
  })

  it('a rule listening to WordNode', () => {
    expect(reported('w', `WordNode(node) { seen.push(ctx.getText(node)) }`)).toEqual(expected)
  })

  it('a rule listening only to SentenceNode, reading the sentence’s children', () => {
    expect(reported('s', `SentenceNode(node) { for (const c of node.children) if (c.type === 'WordNode') seen.push(ctx.getText(c)) }`)).toEqual(expected)
  })
})
