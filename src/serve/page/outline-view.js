// @ts-check
// The outline pane: what planlint understood (the explain tree) — actions, projects, tasks,
// each task's lead and where it was read from, and the headings.
import { $, el, state } from './dom.js'

const ROLE = { preamble: '前言', goals: '总体要求', actions: '提升行动', projects: '重点工程', safeguards: '保障措施', annex: '附件', action: '行动', project: '工程', task: '任务', other: '' }
const LEAD_SOURCE = { inline: '任务后括注', block: '行动统一括注', trailing: '“按职责分工负责”句', 'own-line': '单独成行的牵头单位', table: '任务分工表' }

function unitList(/** @type {any[]} */ units) {
  return units.map((u) => u.text).join('、')
}

export function jump(/** @type {number} */ line) {
  const p = document.querySelector(`#doc p[data-line="${line}"]`)
  if (p) p.scrollIntoView({ block: 'center' })
}

export function renderOutline() {
  const x = state.report.explain
  const box = $('outline')
  const headingList = (/** @type {any[]} */ list) =>
    el(
      'ul',
      {},
      ...list.map((h) =>
        el(
          'li',
          {},
          el('span', { class: 'jump', 'data-line': String(h.position.line) }, `${h.marker}${h.title}`),
          ROLE[h.role] ? el('span', { class: 'role' }, ` · ${ROLE[h.role]}`) : null,
          h.children.length ? headingList(h.children) : null,
        ),
      ),
    )
  const actionList = (/** @type {string} */ title, /** @type {any[]} */ list) => {
    if (list.length === 0) return null
    return el(
      'div',
      {},
      el('h3', {}, `${title}（${list.length}）`),
      el(
        'ul',
        {},
        ...list.map((a) =>
          el(
            'li',
            {},
            el('span', { class: 'jump', 'data-line': String(a.position.line) }, `${a.marker}${a.title}`),
            el(
              'ul',
              {},
              ...a.tasks.map((/** @type {any} */ t) =>
                el(
                  'li',
                  { class: 'task' },
                  el('span', { class: 'jump', 'data-line': String(t.position.line) }, `${t.marker}${t.title}`),
                  el('br'),
                  t.lead.length
                    ? el('span', { class: 'lead' }, `牵头：${unitList(t.lead)}`, el('span', { class: 'source' }, `（来自${LEAD_SOURCE[t.leadSource] ?? '未知'}）`))
                    : el('span', { class: 'lead missing' }, '没有找到牵头单位'),
                  t.partners.length ? el('span', { class: 'source' }, `；配合：${unitList(t.partners)}`) : null,
                ),
              ),
            ),
          ),
        ),
      ),
    )
  }
  const parts = [
    el('p', { class: 'small' }, `任务 ${x.tasks.total} 项：有牵头单位 ${x.tasks.withLead} 项，没有 ${x.tasks.withoutLead} 项。`),
    el('p', { class: 'small muted' }, `标题：${x.title ?? '未识别'}；期限：${x.period ? `${x.period.start}—${x.period.end}年` : '未识别'}${x.draft ? '；征求意见稿' : ''}`),
    actionList('提升行动', x.actions),
    actionList('重点工程', x.projects),
    el('h3', {}, '提纲'),
    x.outline.length ? headingList(x.outline) : el('p', { class: 'muted' }, '未识别到编号标题'),
  ]
  box.replaceChildren(...parts.filter((e) => e !== null))
}
