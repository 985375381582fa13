import { describe, expect, it } from 'vitest'
import type { AnyRecord } from '../records/record.ts'
import { record } from '../testing/fixtures.ts'
import {
  buildClassDashboard,
  type ClassDashboardInput,
  type DashboardContent,
  type DashboardMember,
  type DashboardRecord,
  type DashboardScene,
} from './dashboard.ts'

// A two-stop route (stop b teaches two lessons), a scene teaching stop a's lesson, a scene with
// a lesson of a site off the route, and a standalone scene (the oath) with no lesson file.
const content = {
  routes: [
    {
      id: 'r',
      title: { zh: '路线' },
      stops: [
        { site: 'b', day: 1 },
        { site: 'a', day: 2 },
      ],
    },
  ],
  sites: [
    { id: 'a', name: { zh: '甲地', en: 'Site A' }, lessons: ['la'] },
    { id: 'b', name: { zh: '乙地' }, lessons: ['lb2', 'lb1'] },
    { id: 'c', name: { zh: '丙地' }, lessons: ['lc'] },
  ],
  lessons: [
    { id: 'la', site: 'a', title: { zh: '甲课' } },
    { id: 'lb1', site: 'b', title: { zh: '乙课一' } },
    { id: 'lb2', site: 'b', title: { zh: '乙课二' } },
    { id: 'lc', site: 'c', title: { zh: '丙课' } },
  ],
} as unknown as DashboardContent

const scenes: DashboardScene[] = [
  { id: 's-a', title: { zh: '甲景' }, lesson: 'la', site: 'a' },
  { id: 's-c', title: { zh: '丙景' }, lesson: 'lc', site: 'c' },
  {
    id: 'oath',
    title: { zh: '重温入党誓词' },
    standaloneCompletion: { lessonId: 'oath-renewal', siteId: 'vr' },
  },
]

const member = (id: string, displayName: string, branch: string | null, memberNumber: string | null = null) =>
  ({
    id,
    displayName,
    memberNumber,
    branchId: branch,
    branchName: branch && `${branch}支部`,
  }) satisfies DashboardMember

const of = (memberId: string, r: AnyRecord, flags: string[] = [], status: 'accepted' | 'held' = 'accepted') =>
  ({ record: { ...r, memberId }, flags, status }) satisfies DashboardRecord

const input = (records: DashboardRecord[], members = [member('m1', '张三', 'x')]): ClassDashboardInput => ({
  content,
  scenes,
  class: {
    id: 'k',
    name: '班',
    routeId: 'r',
    sceneIds: ['oath', 's-c', 's-a', 'missing'],
    startsOn: '2026-05-01',
    endsOn: '2026-05-02',
  },
  members,
  records,
})

describe('buildClassDashboard columns', () => {
  it('lists the stops in route order, their lessons in site order, then the scenes’ other lessons', () => {
    const d = buildClassDashboard(input([]))
    expect(d.columns.stops.map((s) => [s.siteId, s.day, s.name.zh])).toEqual([
      ['b', 1, '乙地'],
      ['a', 2, '甲地'],
    ])
    expect(d.columns.lessons.map((l) => [l.lessonId, l.stopSiteId, l.sceneIds, l.hasQuiz])).toEqual([
      ['lb2', 'b', [], true],
      ['lb1', 'b', [], true],
      ['la', 'a', ['s-a'], true],
      ['oath-renewal', null, ['oath'], false],
      ['lc', null, ['s-c'], true],
    ])
    expect(d.columns.lessons[3]?.title.zh).toBe('重温入党誓词')
    expect(new Set([...d.columns.stops, ...d.columns.lessons].map((c) => c.key)).size).toBe(7)
  })

  it('has only scene lessons for a class without a route', () => {
    const d = buildClassDashboard({
      ...input([]),
      class: { ...input([]).class, routeId: null, sceneIds: ['s-a'] },
    })
    expect(d.columns.stops).toEqual([])
    expect(d.columns.lessons.map((l) => [l.lessonId, l.stopSiteId])).toEqual([['la', null]])
  })
})

describe('buildClassDashboard rows', () => {
  it('shows the earliest check-in at a stop with its method, verdict, time and the server’s flags', () => {
    const gps = record(
      'checkin',
      { siteId: 'a', method: 'gps', verdict: 'inside' },
      '2026-05-02T02:00:00.000Z',
    )
    const qr = record(
      'checkin',
      { siteId: 'a', method: 'qr', verdict: 'qr-valid' },
      '2026-05-02T01:00:00.000Z',
    )
    const d = buildClassDashboard(input([of('m1', gps), of('m1', qr, ['qr-expired'])]))
    const [b, a] = d.rows[0]?.stops ?? []
    expect(b).toEqual({ siteId: 'b', checkin: null, attestation: null, present: false })
    expect(a?.checkin).toEqual({
      recordId: qr.id,
      method: 'qr',
      verdict: 'qr-valid',
      at: '2026-05-02T01:00:00.000Z',
      flags: ['qr-expired'],
    })
    expect(d.rows[0]?.totals).toMatchObject({ stopsCheckedIn: 1, stopsPresent: 1, flaggedRecords: 1 })
  })

  it('shows a lesson’s completion, modes, best score, attempts, reflections and flags', () => {
    const rs = [
      of(
        'm1',
        record('quiz.submitted', {
          lessonId: 'la',
          attempt: 1,
          mode: 'vr',
          answers: {},
          correct: 2,
          total: 5,
          passed: false,
        }),
      ),
      of(
        'm1',
        record('quiz.submitted', {
          lessonId: 'la',
          attempt: 2,
          mode: 'vr',
          answers: {},
          correct: 4,
          total: 5,
          passed: true,
        }),
        ['quiz-score-mismatch'],
      ),
      of(
        'm1',
        record(
          'lesson.completed',
          { lessonId: 'la', siteId: 'a', mode: 'vr', score: 0.8 },
          '2026-05-01T03:00:00.000Z',
        ),
      ),
      of('m1', record('reflection', { lessonId: 'la', text: '收获很大' }, '2026-05-01T04:00:00.000Z')),
      of('m1', record('reflection', { siteId: 'b', text: '现场很震撼' }, '2026-05-01T02:00:00.000Z')),
    ]
    const row = buildClassDashboard(input(rs)).rows[0]
    const la = row?.lessons.find((l) => l.lessonId === 'la')
    expect(la).toEqual({
      lessonId: 'la',
      completed: true,
      completedAt: '2026-05-01T03:00:00.000Z',
      modes: ['vr'],
      bestScore: 0.8,
      attempts: 2,
      passed: true,
      reflections: 1,
      pending: false,
      attestation: null,
      flags: ['quiz-score-mismatch'],
    })
    expect(row?.reflections.map((r) => r.text)).toEqual(['现场很震撼', '收获很大'])
    expect(row?.totals).toMatchObject({ lessonsCompleted: 1, meanScore: 0.8, reflections: 1 })
  })

  it('lists only the class’s reflections: on its lessons and stops, or on nothing in particular', () => {
    const rs = [
      of('m1', record('reflection', { lessonId: 'la', text: '本班课程' }, '2026-05-01T01:00:00.000Z')),
      of('m1', record('reflection', { text: '总的体会' }, '2026-05-01T02:00:00.000Z')),
      // Taken outside the class: the record names the class all the same.
      of('m1', record('reflection', { lessonId: 'elsewhere', text: '别处的课' }, '2026-05-01T03:00:00.000Z')),
      of('m1', record('reflection', { siteId: 'nowhere', text: '别处的站' }, '2026-05-01T04:00:00.000Z')),
    ]
    const row = buildClassDashboard(input(rs)).rows[0]
    expect(row?.reflections.map((r) => r.text)).toEqual(['本班课程', '总的体会'])
  })

  it('counts a held completion as pending, not completed', () => {
    const held = record('lesson.completed', {
      lessonId: 'lb1',
      siteId: 'b',
      mode: 'onsite',
      quizRecordId: 'q',
    })
    const cell = buildClassDashboard(input([of('m1', held, [], 'held')])).rows[0]?.lessons[1]
    expect(cell).toMatchObject({ lessonId: 'lb1', completed: false, pending: true })
  })

  it('reads a trainer’s attestation of this class by kind name, and ignores other classes’', () => {
    const attest = (payload: unknown, classId: string | null = null) =>
      ({
        ...record('reflection', { text: 'x' }),
        kind: 'attestation',
        payload,
        classId,
      }) as unknown as AnyRecord
    const rs = [
      of('m1', attest({ classId: 'k', siteId: 'b', trainerId: 't1' })),
      of('m1', attest({ siteId: 'a' }, 'other')),
      of('m1', attest({ classId: 'k', lessonId: 'lc' })),
      of('m1', attest('not an object')),
    ]
    const row = buildClassDashboard(input(rs)).rows[0]
    expect(row?.stops[0]).toMatchObject({ siteId: 'b', checkin: null, present: true })
    expect(row?.stops[0]?.attestation).toMatchObject({ siteId: 'b', trainerId: 't1' })
    expect(row?.stops[1]?.attestation).toBeNull()
    expect(row?.lessons.find((l) => l.lessonId === 'lc')?.attestation).toMatchObject({ lessonId: 'lc' })
    expect(row?.totals).toMatchObject({ stopsAttested: 1, stopsCheckedIn: 0, stopsPresent: 1 })
  })

  it('orders rows by name, member number, id, and leaves out people not on the roster', () => {
    const members = [
      member('m3', '李四', null),
      member('m2', '张三', 'y', '002'),
      member('m1', '张三', 'x', '001'),
    ]
    const stranger = of('zz', record('checkin', { siteId: 'a', method: 'gps', verdict: 'inside' }))
    const d = buildClassDashboard(input([stranger], members))
    expect(d.rows.map((r) => r.member.id)).toEqual(['m3', 'm1', 'm2'])
    expect(d.summary.stops.every((s) => s.checkedIn === 0)).toBe(true)
    expect(d.branches).toEqual([
      { id: 'x', name: 'x支部', members: 1 },
      { id: 'y', name: 'y支部', members: 1 },
      { id: null, name: null, members: 1 },
    ])
  })
})

describe('buildClassDashboard summary', () => {
  it('counts check-ins per stop, completions per lesson and the mean score', () => {
    const members = [member('m1', '甲', 'x'), member('m2', '乙', 'x')]
    const rs = [
      of('m1', record('checkin', { siteId: 'b', method: 'gps', verdict: 'inside' })),
      of('m2', record('checkin', { siteId: 'b', method: 'qr', verdict: 'qr-valid' })),
      of('m1', record('lesson.completed', { lessonId: 'lb2', siteId: 'b', mode: 'onsite', score: 1 })),
      of('m2', record('lesson.completed', { lessonId: 'lb1', siteId: 'b', mode: 'onsite', score: 0.5 })),
      of('m2', record('lesson.completed', { lessonId: 'lb2', siteId: 'b', mode: 'remote', score: 0.6 })),
    ]
    const s = buildClassDashboard(input(rs, members)).summary
    expect(s.members).toBe(2)
    expect(s.stops).toEqual([
      { siteId: 'b', checkedIn: 2, attested: 0, present: 2 },
      { siteId: 'a', checkedIn: 0, attested: 0, present: 0 },
    ])
    expect(s.lessons.slice(0, 2)).toEqual([
      { lessonId: 'lb2', completed: 2, completionRate: 1, meanScore: 0.8 },
      { lessonId: 'lb1', completed: 1, completionRate: 0.5, meanScore: 0.5 },
    ])
    expect(s.meanScore).toBeCloseTo(0.7, 10)
  })

  it('gives the same dashboard whatever order the records arrive in', () => {
    const rs = [
      of(
        'm1',
        record('checkin', { siteId: 'b', method: 'gps', verdict: 'inside' }, '2026-05-01T01:00:00.000Z'),
      ),
      of(
        'm1',
        record('checkin', { siteId: 'b', method: 'qr', verdict: 'qr-valid' }, '2026-05-01T01:00:00.000Z'),
      ),
      of('m1', record('reflection', { text: '一' }, '2026-05-01T01:00:00.000Z')),
      of('m1', record('reflection', { text: '二' }, '2026-05-01T01:00:00.000Z')),
    ]
    expect(buildClassDashboard(input([...rs].reverse()))).toEqual(buildClassDashboard(input(rs)))
  })
})
