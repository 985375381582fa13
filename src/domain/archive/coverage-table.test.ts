import { describe, expect, it } from 'vitest'
import type { CoverageInput } from '../classes/coverage.ts'
import { COVERAGE_HEADER, coverageTable } from './coverage-table.ts'

const input: CoverageInput = {
  period: { from: '2026-05-01', to: '2026-05-31' },
  branches: [
    { id: 'b1', name: '第一党支部' },
    { id: 'b2', name: '第二党支部' },
  ],
  members: [
    { id: 'm1', branchId: 'b1', displayName: '张三', username: 'zhang3', memberNumber: 'N-1' },
    { id: 'm2', branchId: 'b1', displayName: '李四', username: 'li4', memberNumber: null },
    { id: 'm4', branchId: null, displayName: '赵六', username: 'zhao6', memberNumber: null },
    { id: 'm3', branchId: 'b2', displayName: '王五', username: 'wang5', memberNumber: 'N-3' },
  ],
  classes: [{ id: 'c1', startsOn: '2026-05-10', endsOn: '2026-05-11', memberIds: ['m1'] }],
  routes: [{ id: 'r1', stopSiteIds: ['a'] }],
  records: [
    { kind: 'checkin', memberId: 'm1', siteId: 'a', at: '2026-05-10T01:00:00Z', classId: null },
    { kind: 'lesson.completed', memberId: 'm3', mode: 'vr', at: '2026-05-20T01:00:00Z', classId: null },
  ],
}

describe('coverageTable', () => {
  it('has one row per member: branch, name, username, member number and yes/no per measure', () => {
    const t = coverageTable(input)
    expect(t.header).toEqual(COVERAGE_HEADER)
    expect(t.header.length).toBe(8)
    // Branches in the screen's order (第二 before 第一 in pinyin), by name within one, no branch last.
    expect(t.rows).toEqual([
      ['第二党支部', '王五', 'wang5', 'N-3', '否', '否', '是', '是'],
      ['第一党支部', '李四', 'li4', null, '否', '否', '否', '否'],
      ['第一党支部', '张三', 'zhang3', 'N-1', '是', '是', '否', '是'],
      [null, '赵六', 'zhao6', null, '否', '否', '否', '否'],
    ])
  })

  it('is the header alone when there are no members', () => {
    expect(coverageTable({ ...input, members: [], records: [] }).rows).toEqual([])
  })
})
