import { describe, expect, it } from 'vitest'
import type { AnyRecord } from '../records/record.ts'
import { record } from '../testing/fixtures.ts'
import { classRegistration, statementsOf, VERBS, type XapiInput, type XapiRecord } from './xapi.ts'

const ORIGIN = 'https://hongtu.example.cn'

const names = {
  sites: new Map([['zaoyuan', { zh: '枣园革命旧址', en: 'Zaoyuan' }]]),
  lessons: new Map([['zaoyuan-lesson', { zh: '为人民服务', en: 'Serve the People' }]]),
  routes: new Map([['yanan-two-day', { zh: '延安两日现场教学路线' }]]),
}

const input = (records: XapiRecord[], routeId: string | null = 'yanan-two-day'): XapiInput => ({
  origin: ORIGIN,
  class: { id: 'yanan-2026', name: '六月延安班', routeId },
  member: { id: 'm1', displayName: '李红梅' },
  names,
  records,
})

const at = (r: AnyRecord, flags: string[] = []): XapiRecord => ({
  record: r,
  flags,
  correctedAt: r.occurredAt,
})

describe('statementsOf', () => {
  it('a check-in: the member attended the site, by account on this server, with the class as registration', () => {
    const r = record(
      'checkin',
      { siteId: 'zaoyuan', method: 'gps', verdict: 'inside' },
      '2026-06-01T01:30:00.000Z',
    )
    const [s] = statementsOf(input([at(r, ['geofence-accuracy'])]))
    expect(s).toEqual({
      id: r.id,
      version: '1.0.3',
      actor: { objectType: 'Agent', name: '李红梅', account: { homePage: ORIGIN, name: 'm1' } },
      verb: VERBS.attended,
      object: {
        objectType: 'Activity',
        id: `${ORIGIN}/xapi/activities/sites/zaoyuan`,
        definition: {
          name: { 'zh-CN': '枣园革命旧址', 'en-US': 'Zaoyuan' },
          type: 'http://activitystrea.ms/schema/1.0/place',
        },
      },
      result: {
        extensions: {
          [`${ORIGIN}/xapi/extensions/checkin-method`]: 'gps',
          [`${ORIGIN}/xapi/extensions/checkin-verdict`]: 'inside',
        },
      },
      context: {
        registration: classRegistration(ORIGIN, 'yanan-2026'),
        contextActivities: {
          grouping: [
            {
              objectType: 'Activity',
              id: `${ORIGIN}/xapi/activities/classes/yanan-2026`,
              definition: {
                name: { 'zh-CN': '六月延安班' },
                type: 'http://adlnet.gov/expapi/activities/course',
              },
            },
            {
              objectType: 'Activity',
              id: `${ORIGIN}/xapi/activities/routes/yanan-two-day`,
              definition: {
                name: { 'zh-CN': '延安两日现场教学路线' },
                type: 'http://adlnet.gov/expapi/activities/module',
              },
            },
          ],
        },
        platform: '红途 Hongtu',
        language: 'zh-CN',
        extensions: { [`${ORIGIN}/xapi/extensions/flags`]: ['geofence-accuracy'] },
      },
      timestamp: '2026-06-01T01:30:00.000Z',
    })
  })

  it('quizzes pass or fail with a scaled and raw score; a pre-test is only answered', () => {
    const post = {
      lessonId: 'zaoyuan-lesson',
      attempt: 1,
      mode: 'onsite',
      answers: {},
      correct: 4,
      total: 5,
    } as const
    const passed = record('quiz.submitted', { ...post, passed: true }, '2026-06-01T02:00:00.000Z')
    const failed = record(
      'quiz.submitted',
      { ...post, correct: 1, passed: false },
      '2026-06-01T03:00:00.000Z',
    )
    const pre = record(
      'quiz.submitted',
      { ...post, correct: 2, passed: false, phase: 'pre' } as never,
      '2026-06-01T04:00:00.000Z',
    )
    const [a, b, c] = statementsOf(input([at(passed), at(failed), at(pre)]))
    expect(a?.verb).toEqual(VERBS.passed)
    expect(a?.result).toMatchObject({
      score: { scaled: 0.8, raw: 4, min: 0, max: 5 },
      success: true,
      completion: true,
    })
    expect(a?.object.id).toBe(`${ORIGIN}/xapi/activities/lessons/zaoyuan-lesson/quiz`)
    expect(a?.context.contextActivities.parent?.[0]?.id).toBe(
      `${ORIGIN}/xapi/activities/lessons/zaoyuan-lesson`,
    )
    expect(b?.verb).toEqual(VERBS.failed)
    expect(b?.result?.success).toBe(false)
    expect(c?.verb).toEqual(VERBS.answered)
    expect(c?.result?.success).toBeUndefined()
  })

  it('a lesson completion is completed, a reflection commented with its text as the response', () => {
    const done = record(
      'lesson.completed',
      { lessonId: 'zaoyuan-lesson', siteId: 'zaoyuan', mode: 'vr', score: 0.6 },
      '2026-06-01T02:00:00.000Z',
    )
    const note = record(
      'reflection',
      { lessonId: 'zaoyuan-lesson', text: '全心全意为人民服务。' },
      '2026-06-01T03:00:00.000Z',
    )
    const loose = record('reflection', { text: '没有指明课程的心得' }, '2026-06-01T04:00:00.000Z')
    const [d, n, l] = statementsOf(input([at(done), at(note), at(loose)]))
    expect(d?.verb).toEqual(VERBS.completed)
    expect(d?.result).toMatchObject({ completion: true, score: { scaled: 0.6 } })
    expect(n?.verb).toEqual(VERBS.commented)
    expect(n?.result?.response).toBe('全心全意为人民服务。')
    expect(n?.object.definition.name).toEqual({ 'zh-CN': '为人民服务', 'en-US': 'Serve the People' })
    expect(l?.object.id).toBe(`${ORIGIN}/xapi/activities/classes/yanan-2026`)
  })

  it("a trainer's attestation in this class is attended; one of another class is left out", () => {
    const mine = { ...record('checkin', { siteId: 'zaoyuan', method: 'qr', verdict: 'qr-valid' }) }
    const attest = (classId: string) =>
      ({
        ...mine,
        id: `0190a0a0-0000-7000-8000-00000000000${classId.length % 10}`,
        kind: 'attestation',
        payload: { classId, token: 'x'.repeat(20), kid: 'k', step: 1, siteId: 'zaoyuan', method: 'scan' },
      }) as unknown as AnyRecord
    const statements = statementsOf(input([at(attest('yanan-2026')), at(attest('other'))]))
    expect(statements).toHaveLength(1)
    expect(statements[0]?.verb).toEqual(VERBS.attended)
  })

  it('names an unknown site by its id, leaves the route out of a VR-only class, and orders by time', () => {
    const late = record(
      'checkin',
      { siteId: 'nowhere', method: 'gps', verdict: 'inside' },
      '2026-06-02T00:00:00.000Z',
    )
    const early = record(
      'checkin',
      { siteId: 'zaoyuan', method: 'gps', verdict: 'inside' },
      '2026-06-01T00:00:00.000Z',
    )
    const [first, second] = statementsOf(input([at(late), at(early)], null))
    expect(first?.id).toBe(early.id)
    expect(second?.object.definition.name).toEqual({ 'zh-CN': 'nowhere' })
    expect(first?.context.contextActivities.grouping).toHaveLength(1)
  })

  it('gives the same statements for the same input, and one registration per class', () => {
    const r = record('reflection', { text: '心得' })
    expect(statementsOf(input([at(r)]))).toEqual(statementsOf(input([at(r)])))
    expect(classRegistration(ORIGIN, 'a')).not.toBe(classRegistration(ORIGIN, 'b'))
    expect(classRegistration(ORIGIN, 'a')).toBe(classRegistration(ORIGIN, 'a'))
  })
})
