// @ts-check
// The review page's script: no framework, no build step. Every piece of document text is
// put into the page with textContent (never as HTML), so a plan containing <script> or
// "><img onerror=…> shows those characters and runs nothing.

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id))

/**
 * Makes an element; string children become text nodes.
 * @param {string} tag
 * @param {Record<string, string | undefined>} [attrs]
 * @param {...(Node | string | null | undefined | false)} children
 */
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) e.setAttribute(k, v)
  for (const c of children) if (c !== null && c !== undefined && c !== false) e.append(c)
  return e
}

/** @type {{ document?: File, text?: string, presetFile?: File }} */
const current = {}
/** @type {any} */
let report = null
/** Counts finished checks (success or error), so a test or a script can wait for the next. */
let checks = 0
/** Numbers the requests: only the answer to the latest one is shown. */
let latest = 0

const ROLE = { preamble: '前言', goals: '总体要求', actions: '提升行动', projects: '重点工程', safeguards: '保障措施', annex: '附件', action: '行动', project: '工程', task: '任务', other: '' }
const LEAD_SOURCE = { inline: '任务后括注', block: '行动统一括注', trailing: '“按职责分工负责”句', 'own-line': '单独成行的牵头单位', table: '任务分工表' }
const LEVEL = { province: '省级', city: '市级', county: '区县级', town: '乡镇（街道）级' }

function showError(/** @type {string} */ text) {
  const box = $('error')
  box.textContent = text
  box.hidden = text === ''
}

function form() {
  const fd = new FormData()
  if (current.document) fd.append('document', current.document, current.document.name)
  else fd.append('text', current.text ?? '')
  fd.append('preset', /** @type {HTMLSelectElement} */ ($('preset')).value)
  if (current.presetFile) fd.append('presetFile', current.presetFile, current.presetFile.name)
  return fd
}

async function errorOf(/** @type {Response} */ res) {
  try {
    const body = await res.json()
    if (body && typeof body.error === 'string') return body.error
  } catch {
    // not JSON
  }
  return `请求失败（${res.status}）`
}

async function check() {
  if (!current.document && current.text === undefined) return
  showError('')
  $('busy').hidden = false
  const seq = ++latest
  try {
    const res = await fetch('/api/check', { method: 'POST', body: form() })
    if (seq !== latest) return
    if (!res.ok) {
      showError(await errorOf(res))
      return
    }
    const body = await res.json()
    if (seq !== latest) return
    report = body
    render()
  } catch (e) {
    showError(`无法连接 planlint 服务：${e instanceof Error ? e.message : String(e)}（服务是否已停止？）`)
  } finally {
    $('busy').hidden = true
    document.body.setAttribute('data-checks', String(++checks))
  }
}

async function download(/** @type {string} */ kind) {
  showError('')
  try {
    const res = await fetch(`/api/export/${kind}`, { method: 'POST', body: form() })
    if (!res.ok) {
      showError(await errorOf(res))
      return
    }
    const blob = await res.blob()
    const header = res.headers.get('content-disposition') ?? ''
    const m = /filename\*=UTF-8''([^;]+)/.exec(header)
    const name = m ? decodeURIComponent(m[1]) : `planlint-${kind}`
    const url = URL.createObjectURL(blob)
    const a = el('a', { href: url, download: name })
    document.body.append(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10000)
  } catch (e) {
    showError(`下载失败：${e instanceof Error ? e.message : String(e)}`)
  }
}

// ── rendering ────────────────────────────────────────────────────────────────

const isError = (/** @type {any} */ m) => m.fatal === true || m.severity === 2

function where(/** @type {any} */ m) {
  if (m.location?.page) return `第${m.location.page}页${m.location.paragraph ? `第${m.location.paragraph}段` : ''}`
  if (m.location?.paragraph) return `第${m.location.paragraph}段`
  if (!m.line) return '全文'
  return `第${m.line}行`
}

function render() {
  $('report').hidden = false
  document.body.classList.add('has-report')
  renderSummary()
  renderDocument()
  renderFindings()
  renderOutline()
  applyFilters()
}

function renderSummary() {
  const s = $('summary')
  const j = report.explain.jurisdiction
  const p = report.preset
  const c = report.counts
  s.replaceChildren(
    el('span', {}, '文稿：', el('b', {}, report.file.name)),
    el('span', {}, '辖区：', el('b', { id: 'jurisdiction' }, j ? `${j.name}${j.level && LEVEL[j.level] ? `（${LEVEL[j.level]}）` : ''}` : '未识别')),
    el('span', {}, '对照的上级规划：', el('b', { id: 'preset-used', 'data-id': p.id }, p.title), el('span', { class: 'muted small' }, `（预设 ${p.id}${p.reason ? `；${p.reason}` : ''}）`)),
    el('span', { class: `count ${c.errors ? 'err' : 'ok'}` }, el('b', {}, String(c.errors)), ' 个错误'),
    el('span', { class: `count ${c.warnings ? 'warn' : 'ok'}` }, el('b', {}, String(c.warnings)), ' 个警告'),
    c.fixable ? el('span', { class: 'count' }, el('b', {}, String(c.fixable)), ' 个可自动修复') : null,
  )
  const annotated = /** @type {HTMLButtonElement} */ ($('dl-annotated'))
  annotated.disabled = report.file.format !== 'docx'
  annotated.title = annotated.disabled ? '上传 .docx 文件时可用' : '把问题写成 Word 批注、把修复写成修订'
}

/** The text with every finding's range wrapped in <mark>, one <p> per line. */
function renderDocument() {
  const text = /** @type {string} */ (report.text)
  const msgs = /** @type {any[]} */ (report.messages)
  /** @type {Map<number, number[]>} */ const starts = new Map()
  /** @type {Map<number, number[]>} */ const ends = new Map()
  /** @type {Map<number, number[]>} */ const gaps = new Map()
  const points = new Set([0, text.length])
  const push = (/** @type {Map<number, number[]>} */ map, /** @type {number} */ k, /** @type {number} */ v) => {
    const list = map.get(k)
    if (list) list.push(v)
    else map.set(k, [v])
  }
  msgs.forEach((m, i) => {
    const [s, e] = m.range
    if (!(s >= 0 && e >= s && e <= text.length)) return
    if (m.fatal) return
    if (s === e) push(gaps, s, i)
    else {
      push(starts, s, i)
      push(ends, e, i)
      points.add(s).add(e)
    }
    points.add(s)
  })
  for (let k = text.indexOf('\n'); k !== -1; k = text.indexOf('\n', k + 1)) points.add(k).add(k + 1)
  const sorted = [...points].sort((a, b) => a - b)
  const root = $('doc')
  const paras = []
  let n = 1
  let p = el('p', { 'data-line': '1', 'data-n': '1' })
  /** @type {Set<number>} */ const active = new Set()
  for (let i = 0; i < sorted.length; i++) {
    const at = sorted[i]
    for (const id of ends.get(at) ?? []) active.delete(id)
    for (const id of starts.get(at) ?? []) active.add(id)
    for (const id of gaps.get(at) ?? []) {
      p.append(el('mark', { class: `gap ${isError(msgs[id]) ? 'error' : 'warning'}`, 'data-f': String(id), title: msgs[id].message }, '▲'))
    }
    const next = sorted[i + 1]
    if (next === undefined) break
    if (text[at] === '\n') {
      paras.push(p)
      n++
      p = el('p', { 'data-line': String(n), 'data-n': String(n) })
      continue
    }
    const piece = text.slice(at, next)
    if (active.size === 0) p.append(piece)
    else {
      const ids = [...active]
      const sev = ids.some((id) => isError(msgs[id])) ? 'error' : 'warning'
      p.append(el('mark', { class: sev, 'data-f': ids.join(' '), title: ids.map((id) => msgs[id].message).join('\n') }, piece))
    }
  }
  paras.push(p)
  root.replaceChildren(...paras)
}

/** The finding's card: where, what, the rule's explanation, the upper plan's wording, the fix. */
function findingCard(/** @type {any} */ m, /** @type {number} */ i) {
  const rule = report.rules[m.ruleId ?? ''] ?? null
  const sev = isError(m) ? 'error' : 'warning'
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
    el('div', {}, el('span', { class: `badge ${sev}` }, m.fatal ? '无法检查' : sev === 'error' ? '错误' : '警告'), ' ', el('span', { class: 'where' }, where(m)), el('span', { class: 'msg' }, m.message)),
  )
  if (m.expected || m.actual) {
    card.append(
      el('div', { class: 'upper' }, m.actual ? `原文：${m.actual}` : null, m.actual && m.expected ? '；' : null, m.expected ? `上级规划（或规范）的写法：${m.expected}` : null),
    )
  }
  if (m.fix) {
    const before = report.text.slice(m.fix.range[0], m.fix.range[1])
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

function renderFindings() {
  const msgs = /** @type {any[]} */ (report.messages)
  const box = $('findings')
  const rules = /** @type {HTMLSelectElement} */ ($('f-rule'))
  const chosen = rules.value
  const ids = [...new Set(msgs.map((m) => m.ruleId ?? 'planlint'))].sort()
  rules.replaceChildren(el('option', { value: '' }, '全部规则'), ...ids.map((id) => el('option', { value: id }, `${id}${report.rules[id] ? `（${report.rules[id].description.slice(0, 24)}…）` : ''}`)))
  rules.value = ids.includes(chosen) ? chosen : ''
  const suppressed = /** @type {any[]} */ (report.suppressed ?? [])
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
  for (const [sev, label] of /** @type {[string, string][]} */ ([['error', '错误'], ['warning', '警告']])) {
    const inGroup = msgs.map((m, i) => ({ m, i })).filter(({ m }) => (isError(m) ? 'error' : 'warning') === sev)
    if (inGroup.length === 0) continue
    const byRule = new Map()
    for (const x of inGroup) {
      const id = x.m.ruleId ?? 'planlint'
      if (!byRule.has(id)) byRule.set(id, [])
      byRule.get(id).push(x)
    }
    const section = el('section', { class: 'group', 'data-severity': sev }, el('h3', {}, el('span', { class: `badge ${sev}` }, label), `${inGroup.length} 个`))
    for (const [id, list] of byRule) {
      const rule = report.rules[id]
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

function unitList(/** @type {any[]} */ units) {
  return units.map((u) => u.text).join('、')
}

function jump(/** @type {number} */ line) {
  const p = document.querySelector(`#doc p[data-line="${line}"]`)
  if (p) p.scrollIntoView({ block: 'center' })
}

function renderOutline() {
  const x = report.explain
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

// ── filters and navigation ───────────────────────────────────────────────────

function applyFilters() {
  if (!report) return
  const showErr = /** @type {HTMLInputElement} */ ($('f-error')).checked
  const showWarn = /** @type {HTMLInputElement} */ ($('f-warning')).checked
  const onlyFix = /** @type {HTMLInputElement} */ ($('f-fixable')).checked
  const rule = /** @type {HTMLSelectElement} */ ($('f-rule')).value
  const q = /** @type {HTMLInputElement} */ ($('f-search')).value.trim()
  const msgs = /** @type {any[]} */ (report.messages)
  const visible = msgs.map((m) => {
    const err = isError(m)
    if (err ? !showErr : !showWarn) return false
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

function select(/** @type {number} */ id, /** @type {boolean} */ fromDocument) {
  for (const e of document.querySelectorAll('.current')) e.classList.remove('current')
  const card = document.querySelector(`#findings .finding[data-f="${id}"]`)
  const marks = [...document.querySelectorAll('#doc mark')].filter((m) => (m.getAttribute('data-f') ?? '').split(' ').includes(String(id)))
  for (const m of marks) m.classList.add('current')
  card?.classList.add('current')
  if (fromDocument) card?.scrollIntoView({ block: 'nearest' })
  else if (marks[0]) marks[0].scrollIntoView({ block: 'center' })
  else {
    const m = report.messages[id]
    if (m?.line) jump(m.line)
  }
}

// ── wiring ───────────────────────────────────────────────────────────────────

function chooseDocument(/** @type {File | undefined} */ file) {
  if (!file) return
  current.document = file
  delete current.text
  void check()
}

const presetSelect = () => /** @type {HTMLSelectElement} */ ($('preset'))

function wire() {
  const drop = $('drop')
  const fileInput = /** @type {HTMLInputElement} */ ($('file'))
  fileInput.addEventListener('change', () => {
    chooseDocument(fileInput.files?.[0])
    fileInput.value = ''
  })
  drop.addEventListener('dragover', (e) => {
    e.preventDefault()
    drop.classList.add('over')
  })
  drop.addEventListener('dragleave', () => drop.classList.remove('over'))
  drop.addEventListener('drop', (e) => {
    e.preventDefault()
    drop.classList.remove('over')
    chooseDocument(e.dataTransfer?.files?.[0])
  })
  drop.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') fileInput.click()
  })
  $('paste-check').addEventListener('click', () => {
    const text = /** @type {HTMLTextAreaElement} */ ($('paste')).value
    if (text.trim() === '') {
      showError('粘贴框是空的：请先粘贴方案的文字')
      return
    }
    delete current.document
    current.text = text
    void check()
  })
  $('preset').addEventListener('change', () => void check())
  const presetFile = /** @type {HTMLInputElement} */ ($('preset-file'))
  presetFile.addEventListener('change', () => {
    const f = presetFile.files?.[0]
    presetFile.value = ''
    if (!f) return
    current.presetFile = f
    $('preset-file-name').textContent = `使用上传的预设：${f.name}`
    $('preset-file-clear').hidden = false
    presetSelect().disabled = true
    void check()
  })
  $('preset-file-clear').addEventListener('click', () => {
    delete current.presetFile
    $('preset-file-name').textContent = ''
    $('preset-file-clear').hidden = true
    presetSelect().disabled = false
    void check()
  })
  for (const id of ['f-error', 'f-warning', 'f-fixable', 'f-rule']) $(id).addEventListener('change', applyFilters)
  $('f-search').addEventListener('input', applyFilters)
  $('findings').addEventListener('click', (e) => {
    const card = /** @type {HTMLElement} */ (e.target).closest('.finding')
    if (card && !(/** @type {HTMLElement} */ (e.target).closest('summary'))) select(Number(card.getAttribute('data-f')), false)
  })
  $('findings').addEventListener('keydown', (e) => {
    const card = /** @type {HTMLElement} */ (e.target).closest('.finding')
    if (card && e.key === 'Enter') select(Number(card.getAttribute('data-f')), false)
  })
  $('doc').addEventListener('click', (e) => {
    const mark = /** @type {HTMLElement} */ (e.target).closest('mark')
    if (!mark || mark.classList.contains('off')) return
    const first = (mark.getAttribute('data-f') ?? '').split(' ')[0]
    if (first !== undefined && first !== '') select(Number(first), true)
  })
  $('outline').addEventListener('click', (e) => {
    const j = /** @type {HTMLElement} */ (e.target).closest('.jump')
    if (j) jump(Number(j.getAttribute('data-line')))
  })
  for (const b of document.querySelectorAll('[data-download]')) {
    b.addEventListener('click', () => void download(b.getAttribute('data-download') ?? ''))
  }
  $('print').addEventListener('click', () => window.print())
}

async function loadPresets() {
  try {
    const res = await fetch('/api/presets')
    const { presets } = await res.json()
    const select = $('preset')
    for (const p of presets) select.append(el('option', { value: p.id }, `${p.title}（${p.id}）`))
  } catch {
    showError('无法读取内置预设列表')
  }
}

wire()
void loadPresets()
