/** The preset chosen for each real plan of ../shared/corpus (corpus suite). */
import { describe, expect, it } from 'vitest'
import { buildPlan } from '../../src/plan/index.js'
import { detectPreset } from '../../src/presets/detect.js'
import { corpusFiles, readCorpus } from './corpus.js'

const detect = (text: string) => detectPreset(buildPlan(text))

describe('choosing the preset from the title', () => {
  it('places each corpus plan and picks the deepest bundled preset on its chain', () => {
    const chosen = Object.fromEntries(corpusFiles.map((f) => [f, detect(readCorpus(f)).id]))
    expect(chosen).toEqual({ qingyunpu: 'nanchang', leping: 'jingdezhen', 'jinjiang-draft': 'chengdu', nansha: 'guangzhou' })
  })
})
