/**
 * The kernel's types: messages, fixes, rule meta and the generic rule shape. Nothing here
 * knows a plan, a preset or a parser; those reach rules through `Env` and `Nodes`.
 */
import type { Position, UserLocation } from '../support/position.js'

export type { Position, UserLocation }

/** How directive problems are reported (ESLint's `linterOptions`): off, warn or error. */
export type SeverityName = 'off' | 'warn' | 'error'
/** A rule's setting by name: ESLint's three, and `info` for a note that never fails a run. */
export type RuleSeverityName = SeverityName | 'info'
/** ESLint's numbers: 0 off, 1 warn, 2 error (info has no number; write `info`). */
export type Severity = 0 | 1 | 2
export type RuleSetting = RuleSeverityName | Severity | [RuleSeverityName | Severity, ...unknown[]]
/** The level a rule runs at, or one message is reported at. */
export type Level = 'error' | 'warn' | 'info'

export interface Fix {
  /** [start, end) offsets into the linted text. */
  range: [number, number]
  text: string
}

/** What a rule's fix function receives (ESLint's fixer): each method returns a `Fix`. */
export interface RuleFixer {
  replaceText(node: { position?: Position | undefined }, text: string): Fix
  replaceTextRange(range: readonly [number, number], text: string): Fix
  insertTextBefore(node: { position?: Position | undefined }, text: string): Fix
  insertTextBeforeRange(range: readonly [number, number], text: string): Fix
  insertTextAfter(node: { position?: Position | undefined }, text: string): Fix
  insertTextAfterRange(range: readonly [number, number], text: string): Fix
  remove(node: { position?: Position | undefined }): Fix
  removeRange(range: readonly [number, number]): Fix
}

/** A fix written as a function of the fixer: one fix, several (merged into one), or none. */
export type FixFunction = (fixer: RuleFixer) => Fix | Iterable<Fix> | null | undefined

export interface Suggestion {
  desc: string
  fix: Fix
}

/** Another place of a grouped finding: where the preferred spelling is written, where the
 * first copy of a repeat is. Editors show these beside the finding (LSP `relatedInformation`). */
export interface RelatedPlace {
  /** [start, end) offsets into the linted text. */
  range: [number, number]
  message: string
}

export interface LintMessage {
  ruleId: string | null
  messageId?: string
  /** 1 = warning, 2 = error (ESLint's numbers, for its consumers); a note at the info level
   * has severity 1 and `level: 'info'`. */
  severity: 1 | 2
  /** `info`: a note (SARIF `note`, LSP Information) — never an error, not a warning, never fails
   * a run. Absent on errors and warnings. */
  level?: 'info'
  message: string
  line: number
  column: number
  endLine: number
  endColumn: number
  /** Offsets of the finding in the linted text. */
  range: [number, number]
  fix?: Fix
  suggestions?: Suggestion[]
  /** True for a message that stopped a rule or the run. */
  fatal?: boolean
  /** Where the user sees it in Word/PDF. */
  location?: { paragraph?: number; page?: number }
  /** What the text should say instead, for reporters that show it; `expectedFrom` says whose
   * wording it is (an upper plan's, a standard's, or the document's own majority spelling). */
  expected?: string
  expectedFrom?: ExpectedSource
  actual?: string
  url?: string
  /** The other places of a grouped finding. */
  related?: RelatedPlace[]
  /** The same problem at several places: how many, and every place (the first included). */
  count?: number
  places?: RelatedLocation[]
}

/** Whose wording `expected` is: an upper plan's, a standard's (GB/T, 公文 rules), or the
 * document's own majority spelling. */
export type ExpectedSource = 'upper-plan' | 'standard' | 'document'

/** One place of a grouped finding. */
export interface RelatedLocation {
  line: number
  column: number
  endLine: number
  endColumn: number
  range: [number, number]
  location?: { paragraph?: number; page?: number }
  fix?: Fix
  suggestions?: Suggestion[]
}

export interface LintResult {
  filePath: string
  messages: LintMessage[]
  errorCount: number
  /** Warnings only: notes at the info level are counted in `infoCount`. */
  warningCount: number
  infoCount: number
  fatalErrorCount: number
  fixableErrorCount: number
  fixableWarningCount: number
  /** The fixed text, when fixing was requested and something changed. */
  output?: string
  /** The text that was linted (kept for reporters that quote it). */
  source?: string
  /** Id of the preset used, and how it was chosen. */
  preset?: { id: string; reason: string }
  /** Findings a directive, a Word comment, the config or the bulk-suppressions file
   * suppressed, each with why (ESLint's `suppressedMessages`). Not counted above. */
  suppressedMessages?: SuppressedMessage[]
}

/** Where a suppression was written: an inline directive, a Word comment (批注), the
 * config's `exemptions`, or the bulk-suppressions file. */
export type SuppressionKind = 'directive' | 'wordComment' | 'config' | 'bulk'

export interface Suppression {
  kind: SuppressionKind
  /** The reason written with it ('' when none was given). */
  justification: string
}

export interface SuppressedMessage extends LintMessage {
  suppressions: Suppression[]
}

/** A config exemption for any rule (see config/types.ts `Exemption`). */
export interface RuleExemption {
  rule: string
  text?: string
  sentence?: string
  reason: string
}

/** How inline directives are themselves checked (ESLint's `linterOptions`). */
export interface LinterOptions {
  /** A disable directive or Word comment that suppressed nothing (default `warn`). */
  reportUnusedDisableDirectives?: SeverityName
  /** A disable directive or Word comment without a reason (default `warn`). */
  requireDisableReason?: SeverityName
}

export type RuleType = 'problem' | 'suggestion' | 'layout'

export interface RuleMeta {
  id: string
  type: RuleType
  /** Default severity when the rule is enabled without one. */
  severity: Level
  docs: {
    description: { zh: string; en: string }
    url: string
    /** Whether the rule is on in the default config. */
    recommended?: boolean
  }
  fixable?: false | 'code'
  hasSuggestions?: boolean
  /** JSON Schema of the options object (the second item of `[severity, options]`). */
  schema: Record<string, unknown>
  defaultOptions?: Record<string, unknown>
  /** messageId → zh-CN template with {{placeholders}}. */
  messages: Record<string, string>
}

export interface ReportDescriptor {
  messageId: string
  data?: Record<string, string | number>
  /** A plan or nlcst node whose position is the finding's place. */
  node?: { position?: Position | undefined }
  /** Or explicit offsets. */
  range?: [number, number]
  /** A fix, or a function of the fixer returning one (or several, merged; or none). */
  fix?: Fix | FixFunction | null | undefined
  suggest?: { desc: string; fix: Fix | FixFunction }[] | undefined
  /** Lowers the rule's severity for this one message (a fact known only from memory: warn; a
   * note: info); never raises it above the level the rule runs at. */
  severity?: Level
  expected?: string
  /** Whose wording `expected` is (default: none said). */
  expectedFrom?: ExpectedSource
  actual?: string
  /** The other places of a grouped finding (at most 20 are kept). */
  related?: RelatedPlace[]
}

/**
 * What a rule's `create` receives. The kernel fills the fields below; `Env` is what the
 * composition root hands every rule besides (planlint's: the plan, the nlcst tree, the preset,
 * the config, the input adapter's result — see src/rules-support/context.ts).
 */
export type RuleContext<Options = Record<string, unknown>, Env extends object = object> = Env & {
  id: string
  options: Options
  /** The severity the rule runs at. */
  severity: Level
  text: string
  filePath: string
  report(descriptor: ReportDescriptor): void
  /** Text of a node or range. */
  getText(nodeOrRange: { position?: Position | undefined } | [number, number]): string
  /** The nodes around the one being visited, outermost first (a copy). */
  ancestors(): unknown[]
  /** The node directly around the one being visited. */
  parent(): unknown
}

/**
 * A listener map keyed by node type: the key names the node type, so `Nodes[K]` is the
 * parameter's type; `K:exit` runs after the node's children. Keys outside `Nodes` are not
 * allowed: a misspelt node type is a type error, not a listener that never runs.
 */
export type RuleVisitors<Nodes extends object = Record<string, unknown>> = {
  [K in keyof Nodes & string]?: (node: Nodes[K]) => void
} & {
  [K in keyof Nodes & string as `${K}:exit`]?: (node: Nodes[K]) => void
}

export interface Rule<Options = any, Env extends object = any, Nodes extends object = any> {
  meta: RuleMeta
  create(context: RuleContext<Options, Env>): RuleVisitors<Nodes>
}
