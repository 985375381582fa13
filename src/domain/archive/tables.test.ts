import { describe, expect, it } from 'vitest'
import { buildClassDashboard, type ClassDashboardInput, type DashboardRecord } from '../classes/dashboard.ts'
import type { AnyRecord } from '../records/record.ts'
import { record } from '../testing/fixtures.ts'
import {
  type ArchiveTable,
  chinaTime,
  classArchiveTables,
  DETAIL_HEADER,
  memberArchiveTables,
  percent,
} from './tables.ts'

// Only the fields the dashboard reads of the content.
const content = {
  routes: [
    {
      id: 'r',
      stops: [
        { site: 'a', day: 1 },
        { site: 'b', day: 1 },
      ],
    },
  ],
  sites: [
    { id: 'a', name: { zh: '甲地' }, lessons: ['la'] },
    { id: 'b', name: { zh: '乙地' }, lessons: [] },
  ],
  lessons: [{ id: 'la', site: 'a', title: { zh: '甲课' } }],
} as unknown as ClassDashboardInput['content']

const members = [
  { id: 'm1', displayName: '李红梅', memberNumber: 'N1', branchId: 'b1', branchName: '第一支部' },
  { id: 'm2', displayName: '王建国', memberNumber: null, branchId: null, branchName: null },
]

const accepted = (r: AnyRecord, flags: string[] = []): DashboardRecord => ({
  record: r,
  flags,
  status: 'accepted',
})

function dashboard(records: DashboardRecord[]) {
  return buildClassDashboard({
    content,
    scenes: [],
    class: { id: 'c', name: '班', routeId: 'r', sceneIds: [], startsOn: '2026-05-01', endsOn: '2026-05-02' },
    members,
    records,
  })
}

const records = [
  accepted(record('checkin', { siteId: 'a', method: 'gps', verdict: 'inside' }, '2026-05-01T01:00:00.000Z'), [
    'geofence-accuracy',
  ]),
  accepted(
    record(
      'quiz.submitted',
      { lessonId: 'la', attempt: 1, mode: 'onsite', answers: {}, correct: 2, total: 3, passed: true },
      '2026-05-01T02:00:00.000Z',
    ),
  ),
  accepted(record('reflection', { lessonId: 'la', text: '学习心得' }, '2026-05-01T03:00:00.000Z')),
]

describe('classArchiveTables', () => {
  const tables = classArchiveTables(dashboard(records))

  it('gives every row exactly as many cells as its header', () => {
    for (const t of [tables.summary, tables.detail, tables.reflections])
      for (const row of t.rows) expect(row, t.title).toHaveLength(t.header.length)
  })

  it('has one detail row per member per stop and lesson, plus one per reflection', () => {
    expect(tables.detail.header).toEqual(DETAIL_HEADER)
    expect(tables.detail.rows).toHaveLength(2 * (2 + 1) + 1)
    const col = (name: string) => tables.detail.header.indexOf(name)
    const [stopA, stopB, lesson, reflection] = tables.detail.rows
    expect(stopA?.[col('到场 Present')]).toBe('是')
    expect(stopA?.[col('打卡时间（北京时间） Checked in at (UTC+8)')]).toBe('2026-05-01 09:00:00')
    expect(stopA?.[col('标记 Flags')]).toBe('定位精度不足，位置不可靠（geofence-accuracy）')
    expect(stopB?.[col('到场 Present')]).toBe('否')
    expect(lesson?.[col('最高得分(%) Best score (%)')]).toBe(66.7)
    expect(lesson?.[col('答题次数 Attempts')]).toBe(1)
    expect(lesson?.[col('心得篇数 Reflections')]).toBe(1)
    expect(reflection?.[col('心得内容 Text')]).toBe('学习心得')
    expect(reflection?.[col('项目 Item')]).toBe('甲课')
  })

  it('names the zone in the header of every column that holds a time', () => {
    const time = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/
    const timeColumns = (t: ArchiveTable) =>
      t.header.filter((_, i) => t.rows.some((r) => time.test(String(r[i]))))
    expect(timeColumns(tables.detail)).not.toHaveLength(0)
    expect(timeColumns(tables.reflections)).not.toHaveLength(0)
    for (const t of [tables.summary, tables.detail, tables.reflections])
      for (const h of timeColumns(t)) expect(h, t.title).toMatch(/（北京时间） .+ \(UTC\+8\)$/)
  })

  it('sums the class up in the last summary row', () => {
    const last = tables.summary.rows.at(-1)
    const col = (name: string) => tables.summary.header.indexOf(name)
    expect(last?.[col('甲地·到场')]).toBe(1)
    expect(last?.[col('乙地·到场')]).toBe(0)
    expect(last?.[col('甲课·得分(%)')]).toBe(66.7)
    // The members' totals, added up: no blank cells in the class's row.
    for (const name of ['到场站点 Stops present', '完成课程 Lessons completed', '心得篇数 Reflections']) {
      const members = tables.summary.rows.slice(0, -1).reduce((n, row) => n + Number(row[col(name)]), 0)
      expect(last?.[col(name)], name).toBe(members)
    }
  })
})

describe('memberArchiveTables', () => {
  it("keeps only the member's rows, one summary row per class", () => {
    const t = memberArchiveTables([dashboard(records), dashboard([])], 'm1')
    expect(t.summary.rows).toHaveLength(2)
    expect(new Set(t.detail.rows.map((r) => r[2]))).toEqual(new Set(['李红梅']))
    expect(t.reflections.rows).toHaveLength(1)
  })
})

describe('formats', () => {
  it('shows times in China Standard Time and shares as percentages to one decimal', () => {
    expect(chinaTime('2026-05-01T16:30:00.000Z')).toBe('2026-05-02 00:30:00')
    expect(chinaTime(null)).toBeNull()
    expect(percent(5 / 6)).toBe(83.3)
    expect(percent(1)).toBe(100)
    expect(percent(null)).toBeNull()
  })
})
