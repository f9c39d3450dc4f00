/**
 * textlint with textlint-rule-prh through textlint's Node API (`loadTextlintrc` +
 * `createLinter`, textlint 15): the same thing a user gets from `textlint --rule prh`.
 * textlint-rule-prh reads and compiles its YAML dictionary each time a file is linted;
 * that is part of what is measured, as it is part of every real run.
 */
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createLinter, loadTextlintrc } from 'textlint'

export interface TextlintRun {
  ms: number
  hits: number
}

export type TextlintLinter = ReturnType<typeof createLinter>

export async function textlintLinter(textlintrc: string, root: string): Promise<TextlintLinter> {
  const descriptor = await loadTextlintrc({ configFilePath: textlintrc, node_modulesDir: join(root, 'node_modules') })
  if (descriptor.rule.lintableDescriptors.length === 0) throw new Error(`textlint 没有从 ${textlintrc} 加载到 prh 规则`)
  return createLinter({ descriptor })
}

/** Lints each text in turn; the time of the whole pass and the number of prh messages. */
export async function textlintPass(linter: TextlintLinter, texts: { path: string; text: string }[]): Promise<TextlintRun> {
  let hits = 0
  const start = performance.now()
  for (const t of texts) hits += (await linter.lintText(t.text, t.path)).messages.length
  return { ms: performance.now() - start, hits }
}
