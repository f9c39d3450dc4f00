/**
 * The server's settings (`planlint.*` in the editor): the same names in VS Code, in the
 * `initializationOptions` Neovim/Helix/Emacs send, and in `workspace/configuration`
 * answers. Anything the client sends is hostile until checked here: a wrong type falls
 * back to the default instead of reaching the engine.
 */

export interface ServerSettings {
  /** Lint at all. */
  enable: boolean
  /** Preset id or path; '' = the config's, or detected from the title (as the CLI). */
  preset: string
  /** `onType`: lint as the user types (debounced); `onSave`: on open and on save only. */
  run: 'onType' | 'onSave'
  /** Config file instead of the one found upward from the document ('' = look up). */
  configFile: string
  /** Milliseconds of quiet after a change before linting (onType). */
  debounceMs: number
}

export const DEFAULT_SETTINGS: ServerSettings = {
  enable: true,
  preset: '',
  run: 'onType',
  configFile: '',
  debounceMs: 200,
}

const MAX_DEBOUNCE_MS = 10_000

/** `raw` (anything a client sent) read over `base`; unknown keys and wrong types are ignored. */
export function readSettings(raw: unknown, base: ServerSettings = DEFAULT_SETTINGS): ServerSettings {
  const out = { ...base }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return out
  const r = raw as Record<string, unknown>
  if (typeof r.enable === 'boolean') out.enable = r.enable
  if (typeof r.preset === 'string') out.preset = r.preset.trim()
  if (r.run === 'onType' || r.run === 'onSave') out.run = r.run
  if (typeof r.configFile === 'string') out.configFile = r.configFile.trim()
  if (typeof r.debounceMs === 'number' && Number.isFinite(r.debounceMs)) {
    out.debounceMs = Math.min(MAX_DEBOUNCE_MS, Math.max(0, Math.round(r.debounceMs)))
  }
  return out
}

/** The `planlint` section of a settings object (`{ planlint: {…} }`), or the object itself. */
export function planlintSection(raw: unknown): unknown {
  if (raw !== null && typeof raw === 'object' && 'planlint' in raw) return (raw as { planlint: unknown }).planlint
  return raw
}
