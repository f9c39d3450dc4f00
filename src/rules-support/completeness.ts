/**
 * Whether a text is a whole plan or only part of one: the issuing notice without the plan
 * after it, or an excerpt (headings, but none at the first level and no goals section).
 * Rules that judge a plan as a whole (required actions and projects, the headline target,
 * numbering from 一) stay silent on a part; `plan-completeness` says once what it is.
 */
import type { PlanTree } from '../plan/types.js'

export type Fragment = 'notice' | 'excerpt'

/** A notice's own sentences: 关于印发…的通知, 现将…印发给你们. */
const NOTICE = /关于印发[\s\S]{0,80}?通知|现将[\s\S]{0,80}?印发给你们|印发给你们，请/

export function fragmentKind(plan: PlanTree, text: string): Fragment | undefined {
  const headings = plan.headings
  if (headings.length === 0) return NOTICE.test(text) ? 'notice' : undefined
  if (headings.some((h) => h.level <= 1)) return undefined
  const goals = headings.some((h) => h.role === 'goals') || plan.targets.some((t) => t.inGoals)
  return goals ? undefined : 'excerpt'
}
