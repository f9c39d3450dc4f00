/** Text bound for a terminal or a log: nothing in it can act as a control sequence. */

/** Control characters (NUL, ESC, CR, LF…, C1, line/paragraph separators) shown as \\uXXXX, never sent raw. */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** Multi-line text for a terminal: each line made printable, the line breaks kept. */
export function printableLines(s: string): string {
  return s.split('\n').map(printable).join('\n')
}
