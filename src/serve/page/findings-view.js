// @ts-check
// The findings pane: cards grouped by severity and rule, the filters, and selecting a
// finding (its highlight scrolls into view).
import { $, el, LEVEL_LABELS, levelClass, state, where } from './dom.js'
import { jump } from './outline-view.js'

function findingCard(/** @type {any} */ m, /** @type {number} */ i) {
  const rule = state.report.rules[m.ruleId ?? ''] ?? null
  const sev = levelClass(m)
  const card = el(
    'div',
    {
      class: `finding ${sev}`,
      'data-f': String(i),
      'data-rule': m.ruleId ?? 'planlint',
      'data-severity': String(m.severity),
      'data-line': String(m.line),
      'data-column': String(m.column),
      'data-end-line': String(m.endLine),
      'data-end-column': String(m.endColumn),
      'data-fixable': m.fix ? 'yes' : 'no',
      tabindex: '0',
    },
    el('div', {}, el('span', { class: `badge ${sev}` }, m.fatal ? '无法检查' : LEVEL_LABELS[sev]), ' ', el('span', { class: 'where' }, where(m)), el('span', { class: 'msg' }, m.message)),
  )
  if (m.expected || m.actual) {
    card.append(
      el('div', { class: 'upper' }, m.actual ? `原文：${m.actual}` : null, m.actual && m.expected ? '；' : null, m.expected ? `上级规划（或规范）的写法：${m.expected}` : null),
    )
  }
  if (m.fix) {
    const before = state.report.text.slice(m.fix.range[0], m.fix.range[1])
    card.append(
      el('div', { class: 'fix' }, '可自动修复：', before ? el('del', {}, before) : null, before ? ' → ' : '插入 ', m.fix.text ? el('ins', {}, m.fix.text) : '（删除）'),
    )
  } else if (m.suggestions?.length) {
    const s = m.suggestions[0]
    card.append(el('div', { class: 'fix' }, `建议：${s.desc}`, s.fix.text ? ' → ' : null, s.fix.text ? el('ins', {}, s.fix.text) : null))
  }
  if (rule) {
    card.append(
      el(
        'details',
        {},
        el('summary', {}, `规则 ${m.ruleId}：${rule.description}`),
        rule.why ? el('p', {}, rule.why) : null,
      ),
    )
  }
  return card
}

export function renderFindings() {
  const msgs = /** @type {any[]} */ (state.report.messages)
  const box = $('findings')
  const rules = /** @type {HTMLSelectElement} */ ($('f-rule'))
  const chosen = rules.value
  const ids = [...new Set(msgs.map((m) => m.ruleId ?? 'planlint'))].sort()
  rules.replaceChildren(el('option', { value: '' }, '全部规则'), ...ids.map((id) => el('option', { value: id }, `${id}${state.report.rules[id] ? `（${state.report.rules[id].description.slice(0, 24)}…）` : ''}`)))
  rules.value = ids.includes(chosen) ? chosen : ''
  const suppressed = /** @type {any[]} */ (state.report.suppressed ?? [])
  const suppressedNote = suppressed.length
    ? el(
        'details',
        { class: 'suppressed' },
        el('summary', {}, `另有 ${suppressed.length} 个问题已按文中或配置中的说明忽略`),
        el(
          'ul',
          {},
          ...suppressed.map((m) =>
            el('li', {}, `${where(m)}：${m.message}`, el('span', { class: 'muted' }, `（${m.suppressions.map((/** @type {any} */ x) => x.justification || '未写理由').join('；')}）`)),
          ),
        ),
      )
    : null
  if (msgs.length === 0) {
    box.replaceChildren(el('p', { class: 'none' }, '✔ 未发现问题'), ...(suppressedNote ? [suppressedNote] : []))
    return
  }
  const groups = []
  for (const sev of ['error', 'warning', 'info']) {
    const label = LEVEL_LABELS[sev]
    const inGroup = msgs.map((m, i) => ({ m, i })).filter(({ m }) => levelClass(m) === sev)
    if (inGroup.length === 0) continue
    const byRule = new Map()
    for (const x of inGroup) {
      const id = x.m.ruleId ?? 'planlint'
      if (!byRule.has(id)) byRule.set(id, [])
      byRule.get(id).push(x)
    }
    const section = el('section', { class: 'group', 'data-severity': sev }, el('h3', {}, el('span', { class: `badge ${sev}` }, label), `${inGroup.length} ${sev === 'info' ? '条' : '个'}`))
    for (const [id, list] of byRule) {
      const rule = state.report.rules[id]
      section.append(
        el(
          'div',
          { class: 'rule-group', 'data-rule': id },
          el('h4', {}, rule ? rule.description : '运行提示', ' ', el('code', {}, id), `（${list.length}）`),
          ...list.map((/** @type {any} */ x) => findingCard(x.m, x.i)),
        ),
      )
    }
    groups.push(section)
  }
  box.replaceChildren(...groups, ...(suppressedNote ? [suppressedNote] : []))
}

export function applyFilters() {
  if (!state.report) return
  const showErr = /** @type {HTMLInputElement} */ ($('f-error')).checked
  const showWarn = /** @type {HTMLInputElement} */ ($('f-warning')).checked
  const showInfo = /** @type {HTMLInputElement} */ ($('f-info')).checked
  const shows = /** @type {Record<string, boolean>} */ ({ error: showErr, warning: showWarn, info: showInfo })
  const onlyFix = /** @type {HTMLInputElement} */ ($('f-fixable')).checked
  const rule = /** @type {HTMLSelectElement} */ ($('f-rule')).value
  const q = /** @type {HTMLInputElement} */ ($('f-search')).value.trim()
  const msgs = /** @type {any[]} */ (state.report.messages)
  const visible = msgs.map((m) => {
    if (!shows[levelClass(m)]) return false
    if (onlyFix && !m.fix) return false
    if (rule && (m.ruleId ?? 'planlint') !== rule) return false
    if (q && !m.message.includes(q)) return false
    return true
  })
  let shown = 0
  for (const card of document.querySelectorAll('#findings .finding')) {
    const on = visible[Number(card.getAttribute('data-f'))]
    ;/** @type {HTMLElement} */ (card).hidden = !on
    if (on) shown++
  }
  for (const g of document.querySelectorAll('#findings .rule-group, #findings .group')) {
    ;/** @type {HTMLElement} */ (g).hidden = g.querySelector('.finding:not([hidden])') === null
  }
  for (const mark of document.querySelectorAll('#doc mark')) {
    const ids = (mark.getAttribute('data-f') ?? '').split(' ').map(Number)
    mark.classList.toggle('off', !ids.some((id) => visible[id]))
  }
  $('shown-count').textContent = shown === msgs.length ? `共 ${msgs.length} 个` : `显示 ${shown} / ${msgs.length} 个`
}

export function select(/** @type {number} */ id, /** @type {boolean} */ fromDocument) {
  for (const e of document.querySelectorAll('.current')) e.classList.remove('current')
  const card = document.querySelector(`#findings .finding[data-f="${id}"]`)
  const marks = [...document.querySelectorAll('#doc mark')].filter((m) => (m.getAttribute('data-f') ?? '').split(' ').includes(String(id)))
  for (const m of marks) m.classList.add('current')
  card?.classList.add('current')
  if (fromDocument) card?.scrollIntoView({ block: 'nearest' })
  else if (marks[0]) marks[0].scrollIntoView({ block: 'center' })
  else {
    const m = state.report.messages[id]
    if (m?.line) jump(m.line)
  }
}
