import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { buildPlan, chineseNumber, matchMarker, parseUnitList, Locator } from '../src/plan/index.js'

const plan = (body: string) =>
  buildPlan(`某某市某某区全民科学素质行动规划纲要实施方案（2021—2025年）\n\n一、总体要求\n\n到2025年，全区公民具备科学素质的比例超过15%。\n\n二、提升行动\n\n${body}\n\n三、组织实施\n\n（一）加强组织领导。各单位要高度重视。\n`)

describe('responsibility conventions', () => {
  it('a statement on the line under a heading without 。 is the task\'s, not the rest of its title', () => {
    // a heading broken over two lines continues on a short line; a 牵头单位 line never does
    const p = plan('（一）青少年科学素质提升行动\n1.开展科技活动\n组织竞赛。\n2.建设科普基地\n牵头单位：区科技局\n3.建设科技馆\n（牵头单位：区文旅局）\n4.建设场馆。\n牵头单位：区科协')
    expect(p.tasks.map((t) => [t.title, t.lead.map((u) => u.name)])).toEqual([
      ['开展科技活动', []],
      ['建设科普基地', ['区科技局']],
      ['建设科技馆', ['区文旅局']],
      ['建设场馆', ['区科协']],
    ])
  })

  it('inline （牵头单位：…；责任单位：…） after each task', () => {
    const p = plan('（一）青少年科学素质提升行动\n1.开展科技活动。组织竞赛。（牵头单位：区教育局；责任单位：区科协、团区委）\n2.建设基地。建成3个。（牵头单位：区科技局）')
    expect(p.tasks.map((t) => [t.lead.map((u) => u.name), t.leadSource])).toEqual([
      [['区教育局'], 'inline'],
      [['区科技局'], 'inline'],
    ])
    expect(p.tasks[0]!.partners.map((u) => u.name)).toEqual(['区科协', '团区委'])
  })

  it('inline 〔牵头单位：…，责任单位：…〕 with a comma between the labels', () => {
    const p = plan('（一）青少年科学素质提升行动\n1.开展科技活动。组织竞赛。〔牵头单位：区教育局，责任单位：区科协、各街道〕')
    expect(p.tasks[0]!.lead.map((u) => u.name)).toEqual(['区教育局'])
    expect(p.tasks[0]!.partners.map((u) => [u.name, u.vague])).toEqual([['区科协', false], ['各街道', true]])
  })

  it('block （牵头部门：…） once per action, trailing （X、Y按职责分工负责） per task', () => {
    const p = plan('（一）老年人科学素质提升行动。提升信息素养。\n（牵头部门：区卫生健康委、区科协）\n1.开展智慧助老。依托社区开展培训。（区民政局、区科协按职责分工负责）\n2.实施银龄行动。发展老科协。')
    expect(p.actions[0]!.responsibilities.map((r) => r.convention)).toEqual(['block'])
    for (const t of p.tasks) {
      expect(t.leadSource).toBe('block')
      expect(t.lead.map((u) => u.name)).toEqual(['区卫生健康委', '区科协'])
    }
    expect(p.tasks[0]!.partners.map((u) => u.name)).toEqual(['区民政局'])
  })

  it('a block statement after the last task applies to the block when no task has its own', () => {
    const p = plan('（一）农民科学素质提升行动。\n1．树立科学观念。开展宣传。\n2．培育高素质农民。开展培训。\n（牵头单位：市农业农村局、市科协。责任单位：市委宣传部）')
    expect(p.actions[0]!.responsibilities).toHaveLength(1)
    expect(p.tasks.every((t) => t.leadSource === 'block')).toBe(true)
    expect(p.tasks[0]!.partners.map((u) => u.name)).toEqual(['市委宣传部'])
  })

  it('trailing units lead a task when there is no block statement', () => {
    const p = plan('（一）产业工人科学素质提升行动\n1.开展职业培训。大规模开展培训。（区人社局、区总工会按职责分工负责）')
    expect(p.tasks[0]!.leadSource).toBe('trailing')
    expect(p.tasks[0]!.lead.map((u) => u.name)).toEqual(['区人社局', '区总工会'])
  })

  it('own-line 牵头单位： with the prefix elided after the first unit', () => {
    const p = plan('（一）青少年科学素质提升行动\n1.提升科学教育水平。推动课程建设。\n牵头单位：市教育局、科学技术局、科协\n责任单位：团市委')
    const t = p.tasks[0]!
    expect(t.leadSource).toBe('own-line')
    expect(t.lead.map((u) => u.name)).toEqual(['市教育局', '市科学技术局', '市科协'])
    expect(t.lead.map((u) => u.text)).toEqual(['市教育局', '科学技术局', '科协'])
    expect(t.partners.map((u) => u.name)).toEqual(['团市委'])
  })

  it('（X牵头，Y配合）', () => {
    const p = plan('（一）青少年科学素质提升行动\n1.开展科技活动。组织竞赛。（区教育局牵头，区科协、团区委配合）')
    expect(p.tasks[0]!.lead.map((u) => u.name)).toEqual(['区教育局'])
    expect(p.tasks[0]!.partners.map((u) => u.name)).toEqual(['区科协', '团区委'])
  })

  it('a task with no statement has no lead, and a bracketed sentence is not a unit list', () => {
    const p = plan('（一）青少年科学素质提升行动\n1.开展科技活动。组织竞赛（含线上线下活动）。\n2.建设基地（场馆、站点）。')
    expect(p.tasks.map((t) => t.lead.length)).toEqual([0, 0])
    expect(p.units).toHaveLength(0)
  })

  it('（责任单位：…） with no 牵头单位: the responsible units stand in for the lead', () => {
    const p = plan('（一）青少年科学素质提升行动\n1.开展科技活动。组织竞赛。（责任单位：区教育局、区科协）\n2.建设基地。建成3个。（配合单位：区科协）')
    expect(p.tasks[0]!.lead.map((u) => u.name)).toEqual(['区教育局', '区科协'])
    expect(p.tasks[0]!.leadFromResponsible).toBe(true)
    // 配合单位 only support: no lead
    expect(p.tasks[1]!.lead).toEqual([])
  })

  it('（由X牵头，Y配合）: the preposition is not part of the unit name', () => {
    const p = plan('（一）青少年科学素质提升行动\n1.开展科技活动。组织竞赛。（由区教育局牵头，区科协配合）')
    expect(p.tasks[0]!.lead.map((u) => [u.name, u.text])).toEqual([['区教育局', '区教育局']])
    expect(p.tasks[0]!.partners.map((u) => u.name)).toEqual(['区科协'])
  })

  it('a markdown 分工表 with a 序号 column and task cells without markers', () => {
    const p = buildPlan(
      [
        '一、提升行动',
        '（一）青少年科学素质提升行动',
        '1.开展科技活动。正文。',
        '2.建设科普基地。正文。',
        '二、组织实施',
        '（一）加强组织领导',
        '附件',
        '| 序号 | 工作任务 | 牵头单位 | 配合单位 |',
        '|---|---|---|---|',
        '| 1 | 开展科技活动 | 区教育局 | 区科协 |',
        '| 2 | 建设科普基地 | 区科技局 | |',
      ].join('\n'),
    )
    expect(p.tasks.map((t) => [t.leadSource, t.lead.map((u) => u.name).join()])).toEqual([
      ['table', '区教育局'],
      ['table', '区科技局'],
    ])
  })

  it('a unit marked （牵头） leads, in a 责任单位 list, a plain list, or on its own line', () => {
    const p = plan('（一）青少年科学素质提升行动\n1.开展科技活动。正文。（责任单位：县教育和体育局（牵头），县科协、团县委）\n2.建设基地。正文。（县科技局（牵头）、县科协）\n3.培养教师。正文。\n责任单位：县教育和体育局（牵头）\n4.开展竞赛。正文。（主要责任单位：县科协；配合单位：县教育和体育局）')
    expect(p.tasks.map((t) => [t.lead.map((u) => u.name).join(), t.partners.map((u) => u.name).join()])).toEqual([
      ['县教育和体育局', '县科协,团县委'],
      ['县科技局', '县科协'],
      ['县教育和体育局', ''],
      ['县科协', '县教育和体育局'],
    ])
  })

  it('the statement on the action heading line, a 由…牵头 sentence, and labels after the text without brackets', () => {
    const p = plan(
      [
        '（一）实施青少年科学素质提升行动（牵头单位：县教育体育局、县科协）',
        '1.弘扬科学精神。正文。',
        '（二）实施农民科学素质提升行动',
        '由县农业农村局、县科协牵头，县人社局、县妇联等单位配合实施。',
        '2.培育高素质农民。正文。',
        '（三）实施老年人科学素质提升行动',
        '3.开展智慧助老。正文。牵头单位：县卫生健康局；责任单位：县民政局、县科协。',
      ].join('\n'),
    )
    expect(p.actions.map((a) => a.name)).toEqual(['青少年科学素质提升行动', '农民科学素质提升行动', '老年人科学素质提升行动'])
    expect(p.tasks.map((t) => [t.lead.map((u) => u.name).join(), t.partners.map((u) => u.name).join()])).toEqual([
      ['县教育体育局,县科协', ''],
      ['县农业农村局,县科协', '县人社局,县妇联'],
      ['县卫生健康局', '县民政局,县科协'],
    ])
  })

  it('a 任务分工表 (tab-separated) assigns leads by task title', () => {
    const p = buildPlan(
      [
        '某某区全民科学素质行动规划纲要实施方案(2022-2025年)',
        '一、提升行动',
        '(一)实施青少年科学素质提升行动',
        '1.将弘扬科学精神贯穿于育人全链条。坚持立德树人。',
        '2.提升基础教育阶段科学教育水平。完善课程。',
        '二、组织实施',
        '(一)加强组织领导',
        '某某区全民科学素质行动规划纲要实施方案任务分工表',
        '项目\t要点\t牵头单位\t配合单位',
        '\t1.将弘扬科学精神贯穿于 育人全链条。\t区教育局\t区科协',
        '(一) 实施青 少年\t2.提升基础教育阶段科学教育水平。\t区教育 局\t区科协、 团区委',
      ].join('\n'),
    )
    expect(p.tasks.map((t) => [t.leadSource, t.lead.map((u) => u.name).join()])).toEqual([
      ['table', '区教育局'],
      ['table', '区教育局'],
    ])
    expect(p.tableRows).toHaveLength(2)
    expect(p.tasks[1]!.partners.map((u) => u.name)).toEqual(['区科协', '团区委'])
  })
})

describe('outline', () => {
  it('levels by marker, full- and half-width, markdown decoration ignored', () => {
    const p = buildPlan('## 一、总体要求\n### **（一）指导思想**\n**1. 坚持党的领导。**正文。\n(1)细则\n## 二、提升行动\n(一)青少年科学素质提升行动\n1．任务甲。\n1、任务乙。\n')
    expect(p.headings.map((h) => [h.level, h.style, h.number, h.title])).toEqual([
      [1, 'cn-dun', 1, '总体要求'],
      [2, 'cn-paren', 1, '指导思想'],
      [3, 'arabic-dot', 1, '坚持党的领导'],
      [4, 'arabic-paren', 1, '细则'],
      [1, 'cn-dun', 2, '提升行动'],
      [2, 'cn-paren', 1, '青少年科学素质提升行动'],
      [3, 'arabic-dot', 1, '任务甲'],
      [3, 'arabic-dun', 1, '任务乙'],
    ])
    expect(p.headings[2]!.runIn).toBe(true)
  })

  it('actions as level-1 headings, tasks under them as （一）', () => {
    const p = buildPlan('一、总体要求\n正文。\n二、青少年科学素质提升行动\n（一）开展科技活动。正文。（牵头单位：区教育局）\n（二）建设科普基地。正文。\n三、农民科学素质提升行动\n（一）开展农业培训。正文。\n四、重点工程\n（一）科普基础设施工程\n1.建设科技馆。正文。\n五、保障措施\n（一）加强组织领导。')
    expect(p.actions.map((a) => a.name)).toEqual(['青少年科学素质提升行动', '农民科学素质提升行动'])
    expect(p.actions[0]!.tasks.map((t) => t.title)).toEqual(['开展科技活动', '建设科普基地'])
    expect(p.projects.map((x) => x.name)).toEqual(['科普基础设施工程'])
    expect(p.headings.find((h) => h.title === '开展科技活动')!.role).toBe('task')
  })

  it('container titles hold items whatever their own suffix (五项提升行动, 六项重点任务)', () => {
    const p = buildPlan('一、实施五项提升行动\n（一）青少年科学素质提升行动\n1.任务甲。\n二、六项重点任务\n（一）深化智慧科普建设\n1.任务乙。\n')
    expect(p.actions.map((a) => a.name)).toEqual(['青少年科学素质提升行动'])
    expect(p.projects.map((a) => a.name)).toEqual(['深化智慧科普建设'])
  })

  it('an item named after a population (…科学素质提升, no 行动) is an action under any container, 重点任务 too', () => {
    const p = buildPlan('一、工作目标\n正文。\n二、重点任务\n（一）青少年科学素质提升\n1.任务甲。\n（二）社区居民科学素质提升\n2.任务乙。\n三、保障措施\n正文。')
    expect(p.actions.map((a) => a.name)).toEqual(['青少年科学素质提升', '社区居民科学素质提升'])
    expect(p.projects).toEqual([])
    expect(p.actionsHeading?.title).toBe('重点任务')
    expect(p.actionsHeading?.role).toBe('actions')
    // 重点任务 items that name no population stay projects (四川's 六项重点任务)
    const q = buildPlan('一、工作目标\n正文。\n二、重点任务\n（一）提升基层科普能力\n1.任务甲。\n（二）加强科普基础设施建设\n2.任务乙。\n')
    expect(q.actions).toEqual([])
    expect(q.projects.map((a) => a.name)).toEqual(['提升基层科普能力', '加强科普基础设施建设'])
    expect(q.outline[1]!.role).toBe('projects')
  })

  it('a container nested one level down (二、重点任务 › （一）提升行动 › 1.…行动)', () => {
    const p = buildPlan('一、总体要求\n正文。\n二、重点任务\n（一）五项提升行动\n1.青少年科学素质提升行动。正文。（牵头单位：区教育局）\n2.农民科学素质提升行动。正文。\n（二）重点工程\n1.科普基础设施工程。正文。\n三、保障措施\n（一）加强组织领导。')
    expect(p.actions.map((a) => a.name)).toEqual(['青少年科学素质提升行动', '农民科学素质提升行动'])
    expect(p.projects.map((a) => a.name)).toEqual(['科普基础设施工程'])
  })

  it('actions as 一、 headings with （一） tasks that end in 计划 or 行动 (the level of the items is the level of their siblings)', () => {
    const p = buildPlan('一、总体要求\n正文。\n二、青少年科学素质提升行动\n（一）实施科技创新后备人才培育计划。正文。\n三、农民科学素质提升行动\n（一）实施高素质农民培育计划。正文。\n（二）实施乡村振兴科技支撑行动。正文。\n四、老年人科学素质提升行动\n（一）实施智慧助老行动。正文。\n五、组织实施\n（一）加强领导。')
    expect(p.actions.map((a) => [a.name, a.tasks.length])).toEqual([
      ['青少年科学素质提升行动', 1],
      ['农民科学素质提升行动', 2],
      ['老年人科学素质提升行动', 1],
    ])
    expect(p.projects).toEqual([])
  })

  it('第一部分 / 第二部分 are a level above 一、, and 一、 restarts in each part', () => {
    const p = buildPlan('第一部分  总体要求\n一、指导思想\n正文。\n第二部分  提升行动\n一、青少年科学素质提升行动\n（一）弘扬科学精神。正文。\n二、农民科学素质提升行动\n（一）培育高素质农民。正文。\n第三部分  重点工程\n一、科技资源科普化工程\n（一）开放科技资源。正文。')
    expect(p.outline.map((h) => [h.level, h.style, h.title])).toEqual([
      [0, 'part', '总体要求'],
      [0, 'part', '提升行动'],
      [0, 'part', '重点工程'],
    ])
    expect(p.actions.map((a) => a.name)).toEqual(['青少年科学素质提升行动', '农民科学素质提升行动'])
    expect(p.projects.map((a) => a.name)).toEqual(['科技资源科普化工程'])
  })

  it('tolerates a heading broken across lines by PDF conversion', () => {
    const p = buildPlan('一、重点工程\n（一）实施科普基础设\n施建设工程\n1.加强规划。正文。\n')
    expect(p.projects.map((x) => x.name)).toEqual(['科普基础设施建设工程'])
  })

  it('chinese numbers', () => {
    expect([chineseNumber('一'), chineseNumber('十'), chineseNumber('十二'), chineseNumber('二十三'), chineseNumber('x')]).toEqual([1, 10, 12, 23, 0])
    expect(matchMarker('1.5%的增长')).toBeUndefined()
    expect(matchMarker('１．标题')?.number).toBe(1)
  })

  it('property: building never throws and every heading marker slices its text', () => {
    const alphabet = fc.constantFrom('一、', '（一）', '(二)', '1.', '2、', '（3）', '\n', '\n\n', '。', '，', '牵头单位：', '区教育局', '、', '（', '）', '〔', '〕', '行动', '工程', '到2025年', '15%', '**', '# ', '\t', '— 5 —', '一批')
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }), (parts) => {
        const text = parts.join('')
        const p = buildPlan(text)
        for (const h of p.headings) expect(text.slice(h.markerPosition!.start.offset, h.markerPosition!.end.offset)).toBe(h.marker)
        for (const u of p.units) expect(u.position.end.offset).toBeGreaterThan(u.position.start.offset)
      }),
      { numRuns: 300 },
    )
  })
})

describe('unit lists', () => {
  it('drops fragments and OCR debris, keeps vague catch-alls marked', () => {
    const loc = new Locator('x')
    const units = parseUnitList('区委宣传部、加强协同推进、区政局局、各成员单位、区民政局等', 0, loc, { placeNames: [] })
    expect(units.map((u) => [u.name, u.vague])).toEqual([
      ['区委宣传部', false],
      ['各成员单位', true],
      ['区民政局', false],
    ])
  })

  it('does not prefix a unit that already names the place', () => {
    const loc = new Locator('x')
    const units = parseUnitList('市委宣传部、乐平生态环境局、科协', 0, loc, { placeNames: ['乐平市', '乐平'] })
    expect(units.map((u) => u.name)).toEqual(['市委宣传部', '乐平生态环境局', '市科协'])
  })
})

describe('targets and dates in other wordings', () => {
  const goals = (sentence: string) => buildPlan(`某县全民科学素质行动规划纲要实施方案（2021—2025年）\n一、总体要求\n（一）工作目标\n${sentence}\n二、组织实施\n（一）明确进度安排。2023年，全面推进实施。`)
  it.each([
    ['到“十四五”末，全县公民具备科学素质的比例达到12%。', 2025],
    ['到二〇二五年，全县公民具备科学素质的比例达到12%。', 2025],
    ['2025年，全县公民具备科学素质的比例达到12%。', 2025],
    ['到2025年底，全县公民具备科学素质的比例达到12%。', 2025],
    ['到2025年，全县公民具备科学素质的比例达到百分之十二。', 2025],
  ])('%s', (sentence, year) => {
    const p = goals(sentence)
    expect(p.targets.filter((t) => t.inGoals).map((t) => [t.year, t.value])).toEqual([[year, 12]])
    // a bare year in the schedule is not a target
    expect(p.targets.some((t) => t.year === 2023)).toBe(false)
  })

  it('baselines before the period are not targets: a bare year, or a past achievement', () => {
    const p = goals('到2025年，全县公民具备科学素质的比例超过15%。\n2020年，全县公民具备科学素质的比例为8.5%。\n到2020年，全县公民具备科学素质的比例已达到9.6%，为“十四五”发展奠定了坚实基础。')
    expect(p.targets.filter((t) => t.inGoals).map((t) => t.year)).toEqual([2025])
  })

  it('the date under the signature, in Arabic or Chinese numerals, dates the plan', () => {
    expect(buildPlan('某县实施方案（2021—2025年）\n一、总体要求\n正文。\n\n某县人民政府办公室\n2022年3月5日').date).toBe('2022-03-05')
    expect(buildPlan('某县实施方案（2021—2025年）\n一、总体要求\n正文。\n\n二〇二二年三月十五日').date).toBe('2022-03-15')
  })

  it('the issuing office and its date above the title are not part of the title', () => {
    const p = buildPlan('盐池县人民政府办公室\n2022年3月5日\n盐池县全民科学素质行动规划纲要实施方案\n（2021—2025年）\n一、总体要求\n正文。')
    expect(p.title?.text).toBe('盐池县全民科学素质行动规划纲要实施方案（2021—2025年）')
  })
})

describe('goals written as a list', () => {
  it('lines with a percentage under a 到2025年 lead-in are targets for 2025; a baseline is not the target', () => {
    const p = buildPlan('某县全民科学素质行动规划纲要实施方案（2021—2025年）\n一、总体要求\n（一）工作目标\n到2025年，实现以下目标：\n——全县公民具备科学素质的比例超过15%；\n（2）科普教育基地达到5个。\n全县公民具备科学素质的比例由2020年的9.6%提高到15%以上。\n截至2020年底，全县公民具备科学素质的比例达到9.6%。\n二、组织实施\n正文。')
    const goals = p.targets.filter((t) => t.inGoals)
    expect(goals.map((t) => [t.year, t.indicator ?? null, t.value ?? null])).toEqual([
      [2025, '公民具备科学素质的比例', 15],
      [2025, '公民具备科学素质的比例', 15],
    ])
  })
})

describe('town-level plans and more unit-list forms', () => {
  it('a 镇 is a town placed by its county', () => {
    const p = buildPlan('南昌县向塘镇全民科学素质行动实施方案（2022—2025年）\n一、总体要求\n正文。')
    expect(p.jurisdiction).toMatchObject({ parts: ['南昌县', '向塘镇'], level: 'town', suffix: '镇', division: { city: '南昌市', county: '南昌县' } })
  })

  it('（X牵头，Y、Z按职责分工负责）: Y and Z are partners; bracketed names and place names stay whole', () => {
    const p = plan('（一）青少年科学素质提升行动\n1.开展科技活动。正文。（市教育局牵头，市科协、团市委按职责分工负责）\n2.建设基地。正文。（责任单位：镇中心小学、区实验中学、镇团委、各村（社区）、仁化县人民政府、街道办事处）')
    expect(p.tasks[0]!.lead.map((u) => u.name)).toEqual(['市教育局'])
    expect(p.tasks[0]!.partners.map((u) => u.name)).toEqual(['市科协', '团市委'])
    expect(p.tasks[1]!.lead.map((u) => u.name)).toEqual(['镇中心小学', '区实验中学', '镇团委', '各村（社区）', '仁化县人民政府', '街道办事处'])
  })

  it('a 分工表 numbered straight through, with rows worded differently from the headings, and a row naming a project', () => {
    const p = buildPlan(
      [
        '一、提升行动',
        '（一）青少年科学素质提升行动',
        '1．将弘扬科学精神贯穿于育人全链条。坚持立德树人。',
        '（二）农民科学素质提升行动',
        '2．实施高素质农民培育计划。开展农业实用技术培训。',
        '二、重点工程',
        '（一）科普基础设施工程',
        '3．推进县科技馆建设，加强科普教育基地建设。',
        '三、组织实施',
        '（一）加强组织领导。',
        '任务分工表',
        '序号\t任务\t牵头单位\t责任单位',
        '1\t弘扬科学精神\t县教育局\t县科协',
        '2\t高素质农民培育\t县农业农村局\t县科协',
        '3\t科普基础设施工程\t县科协\t县财政局',
      ].join('\n'),
    )
    expect(p.tasks.map((t) => [t.leadSource, t.lead.map((u) => u.name).join()])).toEqual([
      ['table', '县教育局'],
      ['table', '县农业农村局'],
      ['table', '县科协'],
    ])
  })
})

describe('indicator tables in the goals', () => {
  it('the target column (the last number) is the target; an indicator marked （%） with bare numbers', () => {
    const p = buildPlan('某县全民科学素质行动规划纲要实施方案（2021—2025年）\n一、总体要求\n（一）主要目标\n到2025年，主要指标如下：\n指标名称\t2020年\t2025年\n公民具备科学素质的比例\t9.8%\t15%\n序号\t指标\t2020年\t2025年\t属性\n1\t公民具备科学素质的比例（%）\t9.8\t16\t预期性\n二、组织实施\n正文。')
    const values = p.targets.filter((t) => t.inGoals).flatMap((t) => t.clauses.filter((c) => c.valueUnit === '%').map((c) => c.value))
    expect(values).toEqual([15, 16])
  })
})

describe('leads without a label', () => {
  it('a bracket of units after the title, a closing sentence 县X牵头…配合 / 县X负责 / 由县X负责, and 牵头 inside a 责任单位 list', () => {
    const p = plan(
      [
        '（一）青少年科学素质提升行动',
        '1.弘扬科学精神（县教育局）',
        '将科学精神融入课堂教学。',
        '2.开展科技活动。组织竞赛。县科协牵头，县教育局、团县委配合。',
        '3.建设科普基地。建成3个。县科技局负责。',
        '4.培养科技教师。开展培训。由县教育局负责。',
        '5.开展研学活动。正文。（责任单位：县教育局牵头，县科协、团县委配合）',
        '6.开展联合活动。与（县科协、县教育局）共同开展活动，推动发展。',
        '7.组建志愿服务队。覆盖各镇（街道）。',
      ].join('\n'),
    )
    expect(p.tasks.map((t) => [t.title, t.lead.map((u) => u.name).join(), t.partners.map((u) => u.name).join()])).toEqual([
      ['弘扬科学精神', '县教育局', ''],
      ['开展科技活动', '县科协', '县教育局,团县委'],
      ['建设科普基地', '县科技局', ''],
      ['培养科技教师', '县教育局', ''],
      ['开展研学活动', '县教育局', '县科协,团县委'],
      // units in brackets in the middle of the text are not a statement
      ['开展联合活动', '', ''],
      // a bracket completing a place word (各镇（街道）) is not a lead
      ['组建志愿服务队', '', ''],
    ])
  })
})

describe('PDF spacing', () => {
  it('units separated only by a space, and a 分工表 whose columns are runs of spaces', () => {
    const p = buildPlan(
      [
        '一、提升行动',
        '（一）青少年科学素质提升行动',
        '1.弘扬科学精神。正文。（牵头单位：县科技局 县科协；配合单位：县科协 团县委）',
        '2.开展科技活动。正文。（配合单位：区卫生健康 局）',
        '3.建设科普基地。正文。',
        '二、组织实施',
        '（一）加强组织领导。',
        '任务分工表',
        '序号  重点任务  牵头单位  配合单位',
        '3  建设科普基地  县教育局  县科协、 团县委',
      ].join('\n'),
    )
    expect(p.tasks.map((t) => [t.lead.map((u) => u.name).join(), t.partners.map((u) => u.name).join()])).toEqual([
      ['县科技局,县科协', '团县委'],
      ['', '区卫生健康局'],
      ['县教育局', '县科协,团县委'],
    ])
  })
})

describe('leads stated once for many tasks', () => {
  it('one statement at the end of the actions section: the k-th unit leads the k-th action', () => {
    const p = plan('（一）青少年科学素质提升行动\n1.开展科技活动。\n2.建设基地。\n（二）老年人科学素质提升行动\n3.开展智慧助老。\n以上两项提升行动分别由区教育局、区民政局牵头，区科协及各有关单位按职责分工负责。')
    expect(p.tasks.map((t) => [t.title, t.lead.map((u) => u.name), t.leadSource])).toEqual([
      ['开展科技活动', ['区教育局'], 'block'],
      ['建设基地', ['区教育局'], 'block'],
      ['开展智慧助老', ['区民政局'], 'block'],
    ])
  })

  it('a statement whose count of units differs from the count of actions assigns nothing', () => {
    const p = plan('（一）青少年科学素质提升行动\n1.开展科技活动。\n（二）老年人科学素质提升行动\n2.开展智慧助老。\n以上提升行动分别由区教育局、区民政局、区科协牵头。')
    expect(p.tasks.map((t) => t.lead.length)).toEqual([0, 0])
  })

  it('排在第一位的为牵头单位: only the first unit of each list leads', () => {
    const body = '（一）青少年科学素质提升行动\n1.开展科技活动。（区教育局、区科协、团区委）\n2.建设基地。（区科技局、区科协）\n注：各项任务所列单位中，排在第一位的为牵头单位。'
    expect(plan(body).tasks.map((t) => [t.lead.map((u) => u.name), t.partners.map((u) => u.name)])).toEqual([
      [['区教育局'], ['区科协', '团区委']],
      [['区科技局'], ['区科协']],
    ])
    // without the note every listed unit stays a lead, as before
    expect(plan(body.replace(/\n注：.*$/, '')).tasks[0]!.lead.map((u) => u.name)).toEqual(['区教育局', '区科协', '团区委'])
  })
})
