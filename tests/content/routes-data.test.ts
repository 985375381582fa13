import { describe, expect, it } from 'vitest'
import { describeIssues, loadContent } from '../../build/content-loader.ts'
import { isInChinaBox } from '../../src/domain/geo/datum.ts'
import { geoDistanceMeters } from '../../src/domain/geo/distance.ts'
import { passingPattern } from '../../src/domain/lesson/quiz-patterns.ts'

/** The shipped content: every file valid, and the geography of each route plausible. */
const result = loadContent(process.cwd())
const pack = result.pack

describe('routes-data/', () => {
  it('has no errors or warnings', () => {
    expect(describeIssues(result.issues.filter((i) => i.severity !== 'notice'))).toBe('')
    expect(pack).toBeDefined()
  })

  it('has at least three routes and fifteen sites, each with a lesson and a quiz of five or more', () => {
    expect(pack?.routes.length).toBeGreaterThanOrEqual(3)
    expect(pack?.sites.length).toBeGreaterThanOrEqual(15)
    for (const site of pack?.sites ?? []) expect(site.lessons.length, site.id).toBeGreaterThanOrEqual(1)
    for (const lesson of pack?.lessons ?? [])
      expect(lesson.quiz.questions.length, lesson.id).toBeGreaterThanOrEqual(5)
  })

  it('gives every text of every lesson in English too (an English reader can take each quiz)', () => {
    // English is optional per field for authors; the shipped lessons carry it everywhere.
    const missing: string[] = []
    const walk = (value: unknown, path: string) => {
      if (Array.isArray(value)) {
        for (const [i, v] of value.entries()) walk(v, `${path}[${i}]`)
        return
      }
      if (value === null || typeof value !== 'object') return
      const record = value as Record<string, unknown>
      if (typeof record.zh === 'string' && !(typeof record.en === 'string' && record.en.trim()))
        missing.push(path)
      for (const [key, v] of Object.entries(record))
        if (key !== 'zh' && key !== 'en') walk(v, `${path}.${key}`)
    }
    for (const lesson of pack?.lessons ?? []) walk(lesson, lesson.id)
    expect(missing).toEqual([])
  })

  it('puts every site in China and every stop of a route within 300 km of the others', () => {
    for (const site of pack?.sites ?? []) expect(isInChinaBox(site.location), site.id).toBe(true)
    for (const route of pack?.routes ?? []) {
      const points = route.stops.map((s) => pack?.sites.find((x) => x.id === s.site)?.location)
      for (const a of points)
        for (const b of points) if (a && b) expect(geoDistanceMeters(a, b), route.id).toBeLessThan(300_000)
    }
  })

  it('covers the three required regions', () => {
    const names = pack?.sites.map((s) => s.name.zh).join('|') ?? ''
    for (const required of [
      '延安革命纪念馆',
      '杨家岭',
      '枣园',
      '宝塔',
      '王家坪',
      '南泥湾',
      '西北局',
      '会宁',
      '靖远',
      '孟良崮',
      '华东革命烈士陵园',
      '沂蒙革命纪念馆',
    ])
      expect(names, required).toContain(required)
  })

  it('lets no quiz be passed by a pattern: the same letter every time, always 正确 or always 错误', () => {
    // The loader warns about each (no warning is allowed above); said here in the content's terms.
    const passedBy = (pack?.lessons ?? []).flatMap((l) => {
      const p = passingPattern(l.quiz)
      return p ? [`${l.id}: always ${p.letter}, always ${p.truth} (${p.correct}/${p.total})`] : []
    })
    expect(passedBy).toEqual([])
  })
})
