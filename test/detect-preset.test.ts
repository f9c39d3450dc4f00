import { describe, expect, it } from 'vitest'
import { buildPlan } from '../src/plan/index.js'
import { detectPreset } from '../src/presets/detect.js'
import { readPlan } from './helpers/plans.js'

const planFiles = ['fuliang-county', 'xinjian-district', 'wuhou-district-draft', 'huadu-district', 'qingxi-county']

const detect = (text: string) => detectPreset(buildPlan(text))

describe('choosing the preset from the title', () => {
  it("places each of the project's plans and picks the deepest bundled preset on its chain", () => {
    const chosen = Object.fromEntries(planFiles.map((f) => [f, detect(readPlan(f)).id]))
    expect(chosen).toEqual({
      'fuliang-county': 'jingdezhen',
      'xinjian-district': 'nanchang',
      'wuhou-district-draft': 'chengdu',
      'huadu-district': 'guangzhou',
      'qingxi-county': 'national',
    })
  })

  it('a county-level 市 named alone is placed under its city by GB/T 2260', () => {
    const plan = buildPlan('乐平市全民科学素质行动规划纲要实施方案（2021—2025年）\n一、总体要求\n正文。')
    expect(plan.jurisdiction).toMatchObject({ name: '乐平市', level: 'county', division: { province: '江西省', city: '景德镇市' } })
    expect(detectPreset(plan)).toEqual({ id: 'jingdezhen', reason: '根据标题「乐平市」判定为江西省›景德镇市›乐平市，按上级规划检查，使用景德镇市的预设 jingdezhen' })
  })

  it('falls back to national, saying why, when the title and the cited upper plans disagree', () => {
    const r = detect('乐平市全民科学素质行动规划纲要实施方案（2021—2025年）\n根据《广东省全民科学素质行动规划纲要实施方案（2021—2025年）》，制定本方案。\n一、总体要求\n正文。')
    expect(r.id).toBe('national')
    expect(r.reason).toBe('标题所示「乐平市」属江西省，但文中引用的上级方案是广东省的，二者不一致，改用全国预设 national')
  })

  it('uses the cited upper plans when the title cannot be placed', () => {
    const r = detect('XX县全民科学素质行动实施方案（2021—2025年）\n根据《宁夏回族自治区全民科学素质行动规划纲要实施方案（2021年—2025年）》，结合实际制定本方案。\n一、总体要求\n正文。')
    expect(r).toEqual({ id: 'ningxia', reason: '未能从标题确定行政区划，根据文中引用的上级方案（宁夏回族自治区）使用预设 ningxia' })
  })

  it('national, saying so, when nothing is known', () => {
    expect(detect('某某县全民科学素质行动实施方案\n一、总体要求\n正文。')).toEqual({ id: 'national', reason: '未能确定「某某县」的行政区划，使用全国预设 national' })
    expect(detect('关于做好科普工作的通知')).toEqual({ id: 'national', reason: '未从标题识别出行政区划，使用全国预设 national' })
    // placed, but no bundled preset on its chain
    expect(detect('杭州市西湖区全民科学素质行动规划纲要实施方案（2021—2025年）\n一、总体要求\n正文。')).toEqual({
      id: 'national',
      reason: '「杭州市西湖区」的上级杭州市、浙江省没有内置预设，使用全国预设 national',
    })
  })

  it('a name that exists twice is disambiguated by its upper part', () => {
    const beijing = buildPlan('北京市朝阳区全民科学素质行动规划纲要实施方案（2021—2025年）\n一、总体要求')
    expect(beijing.jurisdiction?.division?.province).toBe('北京市')
    const bare = buildPlan('朝阳区全民科学素质行动规划纲要实施方案（2021—2025年）\n一、总体要求')
    expect(bare.jurisdiction?.division).toBeUndefined()
  })

  it('checks a plan against the plans ABOVE it, never against its own preset', () => {
    // a city plan: its province's preset, and the reason names the one left out
    const city = detect('南昌市全民科学素质行动规划纲要实施方案（2021—2025年）\n一、总体要求\n正文。')
    expect(city).toEqual({
      id: 'jiangxi',
      reason: '根据标题「南昌市」判定为江西省›南昌市，按上级规划检查，使用江西省的预设 jiangxi（不用本级预设 nanchang：它就是本方案这一级的规划；如需使用请用 --preset nanchang 指定）',
    })
    // a province plan: national
    const province = detect('四川省全民科学素质行动规划纲要实施方案（2021—2025年）\n一、总体要求\n正文。')
    expect(province.id).toBe('national')
    expect(province.reason).toContain('不用本级预设 sichuan')
    // an autonomous region named with its full name
    expect(detect('宁夏回族自治区全民科学素质行动实施方案（2021—2025年）\n一、总体要求\n正文。').id).toBe('national')
    // a county-level plan under a city with a preset: the city's
    expect(detect('成都市锦江区全民科学素质行动规划纲要实施方案（2021—2025年）\n一、总体要求\n正文。').id).toBe('chengdu')
    // a city without its own preset under a province with one: the province's
    expect(detect('德阳市全民科学素质行动规划纲要实施方案（2021—2025年）\n一、总体要求\n正文。').id).toBe('sichuan')
    // the cited upper plan of the plan's own name is not an ancestor
    expect(detect('XX县全民科学素质行动实施方案（2021—2025年）\n根据《XX县全民科学素质行动实施方案（2016—2020年）》，制定本方案。\n一、总体要求').id).toBe('national')
  })
})
