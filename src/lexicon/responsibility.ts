/**
 * The labels of a responsibility statement (`牵头单位：县教育局；责任单位：县科协`), by what
 * the units after them do. One list for the builder's every reading of a statement (inside
 * brackets, after a sentence, on a line of its own).
 */

/** Units after these labels lead the task. */
export const LEAD_LABELS = ['牵头单位', '牵头部门', '主要责任单位', '主要负责单位', '主责单位', '主办单位'] as const
/** Units after these labels carry the task (with no lead named, they carry it in its place). */
export const RESPONSIBLE_LABELS = ['责任单位', '责任部门', '落实单位', '实施单位'] as const
/** Units after these labels support the lead. */
export const PARTNER_LABELS = ['配合单位', '配合部门', '参与单位', '协同单位', '协办单位'] as const

export type ResponsibilityLabel = (typeof LEAD_LABELS)[number] | (typeof RESPONSIBLE_LABELS)[number] | (typeof PARTNER_LABELS)[number]

/** Every label, as a regex alternation (without the colon). */
export const RESPONSIBILITY_LABEL = [...LEAD_LABELS, ...RESPONSIBLE_LABELS, ...PARTNER_LABELS].join('|')

const LEAD = new Set<string>(LEAD_LABELS)
const RESPONSIBLE = new Set<string>(RESPONSIBLE_LABELS)

/** The label names the lead (牵头单位, 主责单位 …). */
export function isLeadLabel(label: string): boolean {
  return LEAD.has(label)
}

/** The label names units that carry the task (责任单位, 落实单位 …). */
export function isResponsibleLabel(label: string): boolean {
  return RESPONSIBLE.has(label)
}
