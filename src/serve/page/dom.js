// @ts-check
// Small DOM helpers shared by the page's modules, and the state they read. Every piece of
// document text goes into the page with textContent (never as HTML).

/** What the page shows: the last answer of /api/check. */
export const state = { /** @type {any} */ report: null }

export const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id))

/**
 * Makes an element; string children become text nodes.
 * @param {string} tag
 * @param {Record<string, string | undefined>} [attrs]
 * @param {...(Node | string | null | undefined | false)} children
 */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) e.setAttribute(k, v)
  for (const c of children) if (c !== null && c !== undefined && c !== false) e.append(c)
  return e
}


export const isError = (/** @type {any} */ m) => m.fatal === true || m.severity === 2

/** The class of a finding's level: error, warning, or info (a note: severity 1 with level 'info'). */
export const levelClass = (/** @type {any} */ m) => (isError(m) ? 'error' : m.level === 'info' ? 'info' : 'warning')

/** What each level is called on the page. */
export const LEVEL_LABELS = /** @type {Record<string, string>} */ ({ error: '错误', warning: '警告', info: '提示' })

export function where(/** @type {any} */ m) {
  if (m.location?.page) return `第${m.location.page}页${m.location.paragraph ? `第${m.location.paragraph}段` : ''}`
  if (m.location?.paragraph) return `第${m.location.paragraph}段`
  if (!m.line) return '全文'
  return `第${m.line}行`
}

