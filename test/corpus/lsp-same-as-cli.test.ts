/**
 * The language server on the real corpus: for each plan, the diagnostics of
 * `planlint lsp --stdio` are exactly the CLI's findings for the same text at the same path
 * (same rules, messages and ranges), with the file's own line ends in the editor buffer.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { corpusDir, corpusFiles } from './corpus.js'
import { LspClient } from '../helpers/lsp-client.js'
import { asCliFinding, cliFindings } from '../helpers/lsp-compare.js'

let client: LspClient
beforeAll(async () => {
  client = new LspClient()
  await client.initialize()
})
afterAll(() => client.kill())

describe('planlint lsp --stdio on the corpus', () => {
  it.each(corpusFiles)('%s: the diagnostics are the CLI findings', async (name) => {
    const file = path.join(corpusDir, `${name}.txt`)
    const text = readFileSync(file, 'utf8')
    const uri = pathToFileURL(file).href
    const doc = client.open(uri, text)
    const diagnostics = await client.diagnosticsFor(uri)
    const expected = cliFindings(file, text)
    expect(expected.length).toBeGreaterThan(0)
    expect(diagnostics.map((d) => asCliFinding(doc, d))).toEqual(expected)
    client.close(uri)
  })

  it.each(corpusFiles)('%s saved with CRLF line ends: the same findings, at the same lines and columns', async (name) => {
    const file = path.join(corpusDir, `${name}.txt`)
    const text = readFileSync(file, 'utf8').replace(/\r?\n/g, '\r\n')
    const uri = pathToFileURL(file).href
    const doc = client.open(uri, text)
    const diagnostics = await client.diagnosticsFor(uri)
    expect(diagnostics.map((d) => asCliFinding(doc, d))).toEqual(cliFindings(file, text))
    client.close(uri)
  })
})
