/**
 * The plan plugin's structure step (src/plan/structure.ts) seen in the tree it makes: what kind
 * each paragraph is (heading, responsibility, tableRow, furniture, body — also with CRLF line
 * ends), which node holds each plan fact, and the order of the facts a node holds.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { analyseText } from '../src/lint/processor.js'
import { parseText } from '../src/parse/index.js'
import { Locator, readPlan } from '../src/plan/index.js'
import type { Line } from '../src/plan/lines.js'
import type { TaskNode } from '../src/plan/types.js'
import { structureTree } from '../src/plan/structure.js'

type N = { type: string; position?: { start: { offset?: number }; end: { offset?: number } }; children?: N[]; data?: { kind?: string; plan?: { type: string; position: { start: { offset: number }; end: { offset: number } } }[] } }

/** Every paragraph as `kind「its text」` (line ends shown as ⏎). */
function paragraphs(text: string): string[] {
  const out: string[] = []
  const walk = (n: N): void => {
    if (n.type === 'ParagraphNode') out.push(`${n.data?.kind}「${text.slice(n.position!.start.offset, n.position!.end.offset).replace(/\r?\n/g, '⏎')}」`)
    else for (const c of n.children ?? []) walk(c)
  }
  walk(analyseText(text).tree as N)
  return out
}

/** Every node holding facts: `Type「its text」: fact「text」, …`. */
function holders(text: string): string[] {
  const out: string[] = []
  const slice = (p: { start: { offset?: number }; end: { offset?: number } }) => text.slice(p.start.offset, p.end.offset).replace(/\r?\n/g, '⏎')
  const walk = (n: N): void => {
    if (n.data?.plan?.length) out.push(`${n.type}「${slice(n.position!)}」: ${n.data.plan.map((f) => `${f.type}「${slice(f.position)}」`).join(' ')}`)
    for (const c of n.children ?? []) walk(c)
  }
  walk(analyseText(text).tree as N)
  return out
}

const ACTION = ['一、提升行动', '（一）青少年科学素质提升行动']

describe('paragraph kinds', () => {
  it('heading, responsibility, furniture and body, the same with CRLF line ends', () => {
    const lines = [...ACTION, '1.开展科技活动。组织竞赛。', '（牵头单位：县教育局）', '— 3 —', '每年开展科学家精神进校园活动。', '2.建设基地。']
    const expected = ['heading「一、提升行动」', 'heading「（一）青少年科学素质提升行动」', 'heading「1.开展科技活动。组织竞赛。」', 'responsibility「（牵头单位：县教育局）」', 'furniture「— 3 —」', 'body「每年开展科学家精神进校园活动。」', 'heading「2.建设基地。」']
    expect(paragraphs(lines.join('\n')).map((p) => p.replace(/⏎$/, ''))).toEqual(expected)
    expect(paragraphs(lines.join('\r\n')).map((p) => p.replace(/\r/g, '').replace(/⏎$/, ''))).toEqual(expected)
  })

  it('a responsibility paragraph holds nothing but the statement (brackets, markdown marks, closing punctuation around it)', () => {
    const kinds = (line: string) => paragraphs([...ACTION, '1.开展科技活动。组织竞赛。', line, '2.建设基地。'].join('\n'))[3]!.replace(/「.*/, '')
    expect(kinds('（牵头单位：县教育局）')).toBe('responsibility')
    expect(kinds('**（牵头单位：县教育局）**')).toBe('responsibility')
    expect(kinds('牵头单位：县教育局；责任单位：县科协。')).toBe('responsibility')
    expect(kinds('组织竞赛。（牵头单位：县科协）')).toBe('body')
    expect(kinds('（牵头单位：县科协）等单位落实。')).toBe('body')
    expect(kinds('开展宣传，县教育局牵头，县科协配合。')).toBe('body')
  })

  it('the rows of a markdown 分工表 are tableRow paragraphs; the row the plan reads holds its row and its units', () => {
    const text = [...ACTION, '1.开展科技活动。组织竞赛。', '二、组织实施', '（一）加强组织领导', '附件', '| 序号 | 工作任务 | 牵头单位 | 配合单位 |', '|---|---|---|---|', '| 1 | 开展科技活动 | 区科技局 | 团区委 |', '注：各单位按职责分工负责。'].join('\n')
    expect(paragraphs(text).slice(-5).map((p) => p.replace(/⏎$/, ''))).toEqual([
      'body「附件」',
      'tableRow「| 序号 | 工作任务 | 牵头单位 | 配合单位 |」',
      'tableRow「|---|---|---|---|」',
      'tableRow「| 1 | 开展科技活动 | 区科技局 | 团区委 |」',
      'body「注：各单位按职责分工负责。」',
    ])
    expect(holders(text)).toContain(
      'SentenceNode「| 1 | 开展科技活动 | 区科技局 | 团区委 |」: responsibility「| 1 | 开展科技活动 | 区科技局 | 团区委 |」 tableRow「| 1 | 开展科技活动 | 区科技局 | 团区委 |」 unit「区科技局」 unit「团区委」',
    )
  })
})

describe('facts', () => {
  it('a node holds its facts in document order, outer before inner, whatever kind they are', () => {
    const text = [...ACTION, '1.开展科技活动。依据《科普法》开展活动（牵头单位：县科协）', '2.建设科普基地。'].join('\n')
    expect(holders(text)).toContain('SentenceNode「依据《科普法》开展活动（牵头单位：县科协）」: citation「《科普法》」 responsibility「（牵头单位：县科协）」 unit「县科协」')
  })

  it('a fact is held by the deepest node holding all of it: a sentence, else its paragraph', () => {
    const text = ['一、总体要求', '到2025年，全县公民具备科学素质的比例超过15%。', '二、提升行动', '（一）青少年科学素质提升行动', '1.开展科技活动。组织竞赛。牵头单位：县教育局；责任单位：县科协。', '2.建设科普基地。'].join('\n')
    expect(holders(text)).toEqual([
      'SentenceNode「一、总体要求」: heading「一、总体要求」',
      'SentenceNode「到2025年，全县公民具备科学素质的比例超过15%。」: target「到2025年，全县公民具备科学素质的比例超过15%。」',
      'SentenceNode「二、提升行动」: heading「二、提升行动」',
      'SentenceNode「（一）青少年科学素质提升行动」: heading「（一）青少年科学素质提升行动」',
      // the statement spans two sentences (；ends one): its paragraph holds it, each unit its sentence
      'ParagraphNode「1.开展科技活动。组织竞赛。牵头单位：县教育局；责任单位：县科协。」: responsibility「牵头单位：县教育局；责任单位：县科协。」',
      'SentenceNode「1.开展科技活动。」: heading「1.开展科技活动」',
      'SentenceNode「牵头单位：县教育局；」: unit「县教育局」',
      'SentenceNode「责任单位：县科协。」: unit「县科协」',
      'SentenceNode「2.建设科普基地。」: heading「2.建设科普基地」',
    ])
  })
})

describe('paragraph kinds from the builder’s lines', () => {
  // structureTree marks each paragraph with the line the builder already classified; with no
  // lines handed over it classifies each paragraph itself: the two must always agree
  const kindsOf = (text: string, lines?: readonly Line[]): string[] => {
    const tree = parseText(text)
    const { plan, lines: read } = readPlan(text, tree)
    structureTree(tree, plan, text, lines ?? read)
    const out: string[] = []
    const walk = (n: N): void => {
      if (n.type === 'ParagraphNode') out.push(`${n.data?.kind}@${n.position!.start.offset}`)
      else for (const c of n.children ?? []) walk(c)
    }
    walk(tree as N)
    return out
  }
  const LINES = [...ACTION, '1.开展科技活动。', '（牵头单位：县教育局）', '— 3 —', '  — 4 —  ', '序号  任务  牵头单位', '1  科普活动  县科协', '\t\t县科协\t县教育局', '| 项目 | 要点 | 牵头单位 |', '# 二、保障措施', '**（二）组织保障**', '  ', '', '每年开展科学家精神进校园活动。']

  it('agree on CRLF, tab, table, furniture and decorated lines', () => {
    for (const end of ['\n', '\r\n']) {
      const text = LINES.join(end)
      const withLines = kindsOf(text)
      expect(withLines.length).toBe(LINES.filter((l) => l.trim() !== '').length)
      expect(withLines.map((k) => k.replace(/@.*/, ''))).toContain('tableRow')
      expect(withLines.map((k) => k.replace(/@.*/, ''))).toContain('furniture')
      expect(kindsOf(text, [])).toEqual(withLines)
    }
  })

  it('agree on any mix of such lines', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LINES, '（一）', '\t', ' 2.建设基地。 '), { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), (lines, end) => {
        const text = lines.join(end)
        expect(kindsOf(text, [])).toEqual(kindsOf(text))
      }),
      { numRuns: 200 },
    )
  })
})

describe('statements over lines of their own', () => {
  it('every task’s own-line statement is a responsibility paragraph, and a statement on two lines (牵头单位, then 责任单位) makes both lines one', () => {
    const text = [...ACTION, '1.开展科技活动。组织竞赛。', '牵头单位：县科协', '责任单位：县教育局、团县委', '2.建设科普基地。建设场馆。', '（牵头单位：县教育局）', '3.开展科普宣传。开展宣传活动。', '县文旅局牵头，县科协配合。'].join('\n')
    expect(paragraphs(text).slice(2)).toEqual([
      'heading「1.开展科技活动。组织竞赛。」',
      'responsibility「牵头单位：县科协」',
      'responsibility「责任单位：县教育局、团县委」',
      'heading「2.建设科普基地。建设场馆。」',
      'responsibility「（牵头单位：县教育局）」',
      'heading「3.开展科普宣传。开展宣传活动。」',
      'responsibility「县文旅局牵头，县科协配合。」',
    ])
    // the two-line statement is its task's; each line's unit its sentence's; a statement and the
    // unit it starts with: the statement first
    expect(holders(text)).toEqual(
      expect.arrayContaining([
        'TaskNode「1.开展科技活动。组织竞赛。⏎牵头单位：县科协⏎责任单位：县教育局、团县委⏎」: responsibility「牵头单位：县科协⏎责任单位：县教育局、团县委」',
        'SentenceNode「牵头单位：县科协」: unit「县科协」',
        'SentenceNode「县文旅局牵头，县科协配合。」: responsibility「县文旅局牵头，县科协配合」 unit「县文旅局」 unit「县科协」',
      ]),
    )
  })

  it('a bracket broken over two lines of its own makes both lines responsibility; one that began in the text of a line goes on as body', () => {
    const alone = [...ACTION, '1.开展竞赛。组织竞赛。', '（牵头单位：县科协；', '责任单位：县教育局）。', '2.建设科普基地。'].join('\n')
    expect(paragraphs(alone).slice(3)).toEqual(['responsibility「（牵头单位：县科协；」', 'responsibility「责任单位：县教育局）。」', 'heading「2.建设科普基地。」'])
    const inText = [...ACTION, '1.开展竞赛。组织竞赛（牵头单位：县科协；', '责任单位：县教育局）', '2.建设科普基地。'].join('\n')
    expect(paragraphs(inText).slice(2)).toEqual(['heading「1.开展竞赛。组织竞赛（牵头单位：县科协；」', 'body「责任单位：县教育局）」', 'heading「2.建设科普基地。」'])
    const endsInText = [...ACTION, '1.开展竞赛。组织竞赛。', '（牵头单位：县科协；', '责任单位：县教育局）等单位落实。', '2.建设科普基地。'].join('\n')
    expect(paragraphs(endsInText).slice(3, 5).map((p) => p.replace(/「.*/, ''))).toEqual(['body', 'body'])
  })

  it('a statement is the line’s only text even with closing punctuation after its bracket; a line of marks above it is not', () => {
    const kinds = (...lines: string[]) => paragraphs([...ACTION, '1.开展科技活动。组织竞赛。', ...lines, '2.建设基地。'].join('\n')).slice(3, -1).map((p) => p.replace(/「.*/, ''))
    expect(kinds('（牵头单位：县教育局）。')).toEqual(['responsibility'])
    expect(kinds('**', '牵头单位：县教育局')).toEqual(['body', 'responsibility'])
  })
})

describe('containers', () => {
  /** Containers as `Type「first…last characters」`, nested by indentation. */
  function containers(text: string): string[] {
    const out: string[] = []
    const walk = (n: N, depth: string): void => {
      for (const c of n.children ?? []) {
        if (!/^(Section|Action|Project|Task)Node$/.test(c.type)) continue
        const t = text.slice(c.position!.start.offset, c.position!.end.offset).replace(/\r?\n/g, '⏎')
        out.push(`${depth}${c.type}「${t}」`)
        walk(c, `${depth}  `)
      }
    }
    walk(analyseText(text).tree as N, '')
    return out
  }

  it('a plan whose actions (or projects) are its top-level headings, bold in a converted file: each section holds its action from the first ** on', () => {
    const text = ['**一、青少年科学素质提升行动**', '1.开展科技活动。组织竞赛。', '**二、农民科学素质提升行动**', '1.开展培训。'].join('\n')
    expect(containers(text)).toEqual([
      'SectionNode「**一、青少年科学素质提升行动**⏎1.开展科技活动。组织竞赛。⏎」',
      '  ActionNode「**一、青少年科学素质提升行动**⏎1.开展科技活动。组织竞赛。⏎」',
      '    TaskNode「1.开展科技活动。组织竞赛。⏎」',
      'SectionNode「**二、农民科学素质提升行动**⏎1.开展培训。」',
      '  ActionNode「**二、农民科学素质提升行动**⏎1.开展培训。」',
      '    TaskNode「1.开展培训。」',
    ])
    // the same with projects (重点工程) as the top-level headings
    const projects = ['**一、科普基础设施工程**', '1.建设科技馆。建设场馆。', '**二、科普信息化工程**', '1.建设平台。'].join('\n')
    expect(containers(projects)).toEqual([
      'SectionNode「**一、科普基础设施工程**⏎1.建设科技馆。建设场馆。⏎」',
      '  ProjectNode「**一、科普基础设施工程**⏎1.建设科技馆。建设场馆。⏎」',
      '    TaskNode「1.建设科技馆。建设场馆。⏎」',
      'SectionNode「**二、科普信息化工程**⏎1.建设平台。」',
      '  ProjectNode「**二、科普信息化工程**⏎1.建设平台。」',
      '    TaskNode「1.建设平台。」',
    ])
  })
})

describe('a plan handed in by the caller', () => {
  // structureTree takes any plan of the text: a task it lists outside every action nests where
  // it starts; one that cannot nest (empty, or running out of the container around it) is no
  // container but a fact of the deepest node holding it
  it('nests a task listed outside any action, and keeps one that cannot nest as a fact', () => {
    const text = [...ACTION, '1.开展科技活动。组织竞赛。', '2.建设科普基地。建设场馆。', '二、保障措施', '加强组织领导。', '落实工作责任。'].join('\n')
    const tree = parseText(text)
    const { plan, lines } = readPlan(text, tree)
    const loc = new Locator(text)
    const at = (s: string, from = 0): number => text.indexOf(s, from)
    const task = (title: string, start: number, end: number): TaskNode => ({ ...plan.tasks[0]!, title, position: loc.position(start, end) })
    const safeguard = task('加强组织领导', at('加强'), at('落实'))
    const across = task('跨越', at('建设场馆'), at('组织领导'))
    const empty = task('空', at('落实'), at('落实'))
    plan.tasks.push(safeguard, across, empty)
    structureTree(tree, plan, text, lines)
    const found: string[] = []
    const walk = (n: N, depth: string): void => {
      const own = (n as { data?: { task?: TaskNode; plan?: { type: string; title?: string }[] } }).data
      if (n.type === 'TaskNode') found.push(`${depth}TaskNode ${own?.task?.title}「${text.slice(n.position!.start.offset, n.position!.end.offset).replace(/\n/g, '⏎')}」`)
      for (const f of own?.plan ?? []) if (f.type === 'task') found.push(`${depth}${n.type} holds task ${f.title}`)
      for (const c of n.children ?? []) walk(c, `${depth} `)
    }
    walk(tree as N, '')
    expect(found).toEqual([
      'RootNode holds task 跨越',
      '   TaskNode 开展科技活动「1.开展科技活动。组织竞赛。⏎」',
      '   TaskNode 建设科普基地「2.建设科普基地。建设场馆。⏎」',
      '  TaskNode 加强组织领导「加强组织领导。⏎」',
      '   SentenceNode holds task 空',
    ])
  })
})
