import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { describeIssues, loadContent } from '../../build/content-loader.ts'
import { geoDistanceMeters } from '../../src/domain/geo/distance.ts'
import { type ContentFiles, validContentFiles, writeContentTree } from './fixture-content.ts'

/**
 * Each case breaks one rule in an otherwise valid content tree and checks that the author is
 * told the file, the field path, the value and the rule, and that no pack is produced.
 */

const SITE = 'routes-data/sites/zaoyuan.md'
const LESSON = 'routes-data/lessons/zaoyuan-lesson.yaml'
const ROUTE = 'routes-data/routes/test-route.yaml'

function messagesFor(edit: (files: ContentFiles) => void): string {
  const files = validContentFiles()
  edit(files)
  const result = loadContent(writeContentTree(files))
  expect(result.pack).toBeUndefined()
  return describeIssues(result.issues)
}

const replaceIn = (files: ContentFiles, path: string, from: string | RegExp, to: string) => {
  const before = files[path] ?? ''
  const after = before.replace(from, to)
  if (after === before) throw new Error(`fixture edit did not apply to ${path}`)
  files[path] = after
}

describe('content validation of bad files', () => {
  it('accepts the valid fixture', () => {
    const result = loadContent(writeContentTree(validContentFiles()))
    expect(describeIssues(result.issues)).toBe('')
    expect(result.pack?.sites).toHaveLength(2)
    expect(result.pack?.version).toMatch(/^[0-9a-f]{16}$/)
  })

  it('names file, field, value and rule for a latitude out of range', () => {
    expect(messagesFor((f) => replaceIn(f, SITE, 'lat: 36.6335', 'lat: 136.6'))).toContain(
      `${SITE}: location.lat: 136.6 is not a latitude (-90..90)`,
    )
  })

  it('reports a question with no answer', () => {
    expect(messagesFor((f) => replaceIn(f, LESSON, '      answer: a\n', ''))).toContain(
      `${LESSON}: quiz.questions[0].answer: is missing (required)`,
    )
  })

  it('reports an answer that names no choice', () => {
    expect(messagesFor((f) => replaceIn(f, LESSON, '      answer: a\n', '      answer: d\n'))).toContain(
      `${LESSON}: quiz.questions[0].answer: "d" names no choice of this question (choices: a, b)`,
    )
  })

  it('reports a wrong type with the value', () => {
    expect(messagesFor((f) => replaceIn(f, SITE, 'radiusM: 150', 'radiusM: big'))).toContain(
      `${SITE}: checkin.radiusM: "big" is not a number`,
    )
  })

  it('reports an unknown (misspelt) field', () => {
    expect(messagesFor((f) => replaceIn(f, SITE, 'summary:', 'sumary:'))).toMatch(
      /zaoyuan\.md: has unknown field sumary \(a typo\?\)/,
    )
  })

  it('reports a duplicate site id', () => {
    const msg = messagesFor((f) => {
      f['routes-data/sites/zaoyuan-copy.md'] = f[SITE] ?? ''
    })
    expect(msg).toContain('routes-data/sites/zaoyuan.md: id: "zaoyuan" is a duplicate id')
  })

  it('reports an id that does not match its file name', () => {
    expect(messagesFor((f) => replaceIn(f, ROUTE, 'id: test-route', 'id: other-route'))).toContain(
      `${ROUTE}: id: "other-route" does not match the file name (test-route)`,
    )
  })

  it('reports a route stop that names no site', () => {
    expect(messagesFor((f) => replaceIn(f, ROUTE, 'site: yangjialing', 'site: nowhere'))).toContain(
      `${ROUTE}: stops[1].site: "nowhere" names no site in routes-data/sites/`,
    )
  })

  it('reports a lesson whose site does not exist and a site listing a missing lesson', () => {
    const msg = messagesFor((f) => {
      replaceIn(f, LESSON, 'site: zaoyuan', 'site: nowhere')
    })
    expect(msg).toContain(`${LESSON}: site: "nowhere" names no site in routes-data/sites/`)
    expect(msg).toContain(`${SITE}: lessons[0]: "zaoyuan-lesson" is a lesson of another site (nowhere)`)
  })

  it('reports a quiz with fewer than five questions', () => {
    expect(messagesFor((f) => replaceIn(f, LESSON, / {4}- \{ id: q5.*\n/, ''))).toContain(
      `${LESSON}: quiz.questions: [`,
    )
  })

  it('reports an explanation that points at shuffled choices by their place', () => {
    const bad = messagesFor((f) =>
      replaceIn(
        f,
        LESSON,
        'explanation: { zh: 甲和丙。 }',
        'explanation: { zh: 甲和丙。, en: "The first and last options." }',
      ),
    )
    expect(bad).toContain(
      `${LESSON}: quiz.questions[1].explanation.en: "last options" points at choices by their place, but the app shuffles them on every attempt: name the choices themselves`,
    )
    expect(
      messagesFor((f) =>
        replaceIn(f, LESSON, 'explanation: { zh: 甲和丙。 }', 'explanation: { zh: 前两项不对。 }'),
      ),
    ).toContain(`${LESSON}: quiz.questions[1].explanation.zh: "前两项" points at choices by their place`)
  })

  it('warns about a quiz that always picking the same letter and the same truth passes', () => {
    const files = validContentFiles()
    // Two statements true out of two: "always 正确" plus one lucky letter is 3 of 5.
    replaceIn(files, LESSON, 'prompt: { zh: 问题四 }, answer: false', 'prompt: { zh: 问题四 }, answer: true')
    const result = loadContent(writeContentTree(files))
    expect(describeIssues(result.issues)).toMatch(
      /warning: routes-data\/lessons\/zaoyuan-lesson\.yaml: quiz\.questions: "always [A-D], always 正确" passes without reading the questions \(3 of 5 right\)/,
    )
  })

  it('reports YAML syntax errors with the line', () => {
    expect(messagesFor((f) => replaceIn(f, ROUTE, 'days: 1', 'days: [1'))).toMatch(
      /test-route\.yaml: line \d+: is not valid YAML/,
    )
  })

  it('reports a site file without front matter', () => {
    expect(messagesFor((f) => replaceIn(f, SITE, /^---\n/, ''))).toContain(
      `${SITE}: has no YAML front matter between --- lines`,
    )
  })

  it('reports a history too short to say anything', () => {
    expect(messagesFor((f) => replaceIn(f, SITE, /## 历史沿革[\s\S]*$/, '很短。\n'))).toContain(
      `${SITE}: (body): is too short`,
    )
  })

  it('reports media that does not exist', () => {
    const msg = messagesFor((f) =>
      replaceIn(f, LESSON, 'steps:\n', 'steps:\n  - { kind: image, src: media/none.jpg, alt: { zh: 图 } }\n'),
    )
    expect(msg).toContain(`${LESSON}: steps[0].src: "media/none.jpg" names no file under public/`)
  })
})

describe('datums', () => {
  it('converts a GCJ-02 position to WGS84', () => {
    const files = validContentFiles()
    replaceIn(files, SITE, 'locationSource:', 'datum: gcj02\nlocationSource:')
    const site = loadContent(writeContentTree(files)).pack?.sites.find((s) => s.id === 'zaoyuan')
    expect(site?.sourceDatum).toBe('gcj02')
    const shift = geoDistanceMeters({ lng: 109.4336, lat: 36.6335 }, site!.location)
    expect(shift).toBeGreaterThan(100)
    expect(shift).toBeLessThan(1000)
  })
})

describe('npm run content:check', () => {
  const run = (root: string, ...args: string[]) => {
    const r = spawnSync(
      join(process.cwd(), 'node_modules/.bin/tsx'),
      [join(process.cwd(), 'scripts/content-check.ts'), ...args],
      {
        cwd: root,
        encoding: 'utf8',
      },
    )
    return { code: r.status, out: r.stdout + r.stderr }
  }

  it('exits 1 and prints the message for a bad file', () => {
    const files = validContentFiles()
    replaceIn(files, SITE, 'lat: 36.6335', 'lat: 136.6')
    const { code, out } = run(writeContentTree(files))
    expect(code).toBe(1)
    expect(out).toContain('routes-data/sites/zaoyuan.md: location.lat: 136.6 is not a latitude (-90..90)')
  })

  it('fails on warnings unless --allow-warnings is given', () => {
    const files = validContentFiles()
    // A lesson its site does not list is valid but unreachable: a warning.
    files['routes-data/lessons/zaoyuan-extra.yaml'] = (files[LESSON] ?? '').replace(
      'id: zaoyuan-lesson',
      'id: zaoyuan-extra',
    )
    const root = writeContentTree(files)
    const strict = run(root)
    expect(strict.code).toBe(1)
    expect(strict.out).toContain(
      'warning: routes-data/lessons/zaoyuan-extra.yaml: site: "zaoyuan" does not list this lesson in its lessons',
    )
    expect(run(root, '--allow-warnings').code).toBe(0)
  })

  it('reports uncertain coordinates as a notice that does not fail', () => {
    const files = validContentFiles()
    replaceIn(files, SITE, 'confidenceM: 50', 'confidenceM: 800')
    const { code, out } = run(writeContentTree(files))
    expect(code).toBe(0)
    expect(out).toContain(
      'notice: routes-data/sites/zaoyuan.md: locationSource.confidenceM: 800 is above the 200 m aim',
    )
  })
})
