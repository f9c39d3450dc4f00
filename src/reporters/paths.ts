import path from 'node:path'

/** A path as the user should see it: relative to cwd when inside it, as given otherwise. */
export function displayPath(filePath: string, cwd: string): string {
  if (filePath === '<stdin>' || !path.isAbsolute(filePath)) return filePath
  const rel = path.relative(cwd, filePath)
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : filePath
}
