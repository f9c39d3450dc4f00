// @ts-check
// The review page's script: no framework, no build step. Every piece of document text is
// put into the page with textContent (never as HTML), so a plan containing <script> or
// "><img onerror=…> shows those characters and runs nothing.
import { renderDocument } from './document-view.js'
import { $, el, state } from './dom.js'
import { applyFilters, renderFindings, select } from './findings-view.js'
import { jump, renderOutline } from './outline-view.js'

/** @type {{ document?: File, text?: string, presetFile?: File }} */
const current = {}
/** Counts finished checks (success or error), so a test or a script can wait for the next. */
let checks = 0
/** Numbers the requests: only the answer to the latest one is shown. */
let latest = 0

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
    state.report = body
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
  const j = state.report.explain.jurisdiction
  const p = state.report.preset
  const c = state.report.counts
  s.replaceChildren(
    el('span', {}, '文稿：', el('b', {}, state.report.file.name)),
    el('span', {}, '辖区：', el('b', { id: 'jurisdiction' }, j ? `${j.name}${j.level && LEVEL[j.level] ? `（${LEVEL[j.level]}）` : ''}` : '未识别')),
    el('span', {}, '对照的上级规划：', el('b', { id: 'preset-used', 'data-id': p.id }, p.title), el('span', { class: 'muted small' }, `（预设 ${p.id}${p.reason ? `；${p.reason}` : ''}）`)),
    el('span', { class: `count ${c.errors ? 'err' : 'ok'}` }, el('b', {}, String(c.errors)), ' 个错误'),
    el('span', { class: `count ${c.warnings ? 'warn' : 'ok'}` }, el('b', {}, String(c.warnings)), ' 个警告'),
    c.infos ? el('span', { class: 'count info' }, el('b', {}, String(c.infos)), ' 条提示') : null,
    c.fixable ? el('span', { class: 'count' }, el('b', {}, String(c.fixable)), ' 个可自动修复') : null,
  )
  const annotated = /** @type {HTMLButtonElement} */ ($('dl-annotated'))
  annotated.disabled = state.report.file.format !== 'docx'
  annotated.title = annotated.disabled ? '上传 .docx 文件时可用' : '把问题写成 Word 批注、把修复写成修订'
}

/** The text with every finding's range wrapped in <mark>, one <p> per line. */
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
  for (const id of ['f-error', 'f-warning', 'f-info', 'f-fixable', 'f-rule']) $(id).addEventListener('change', applyFilters)
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
