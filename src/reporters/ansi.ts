/** Minimal ANSI styling that is a no-op when colour is off. */
export interface Paint {
  red(s: string): string
  yellow(s: string): string
  green(s: string): string
  cyan(s: string): string
  dim(s: string): string
  bold(s: string): string
  underline(s: string): string
}

const wrap = (open: number, close: number) => (s: string) => `\u001B[${open}m${s}\u001B[${close}m`

const on: Paint = {
  red: wrap(31, 39),
  yellow: wrap(33, 39),
  green: wrap(32, 39),
  cyan: wrap(36, 39),
  dim: wrap(2, 22),
  bold: wrap(1, 22),
  underline: wrap(4, 24),
}

const id = (s: string) => s
const off: Paint = { red: id, yellow: id, green: id, cyan: id, dim: id, bold: id, underline: id }

export function paint(color: boolean): Paint {
  return color ? on : off
}
