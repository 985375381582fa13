import {
  type CoverageInput,
  coverageByMember,
  type MemberCoverage,
  sortBranches,
  sortPeople,
} from '../classes/coverage.ts'
import { type ArchiveTable, yesNo } from './tables.ts'

/**
 * The coverage export (全覆盖): one row per counted member, with their branch, who they are and
 * whether each measure of src/domain/classes/coverage.ts reached them in the period, so an
 * organiser can filter the ones to follow up in a spreadsheet. Branches in the coverage
 * screen's order, members by name within one, members without a branch last (an empty branch
 * cell). Headers are bilingual like the archive's (tables.ts); the server writes the CSV with
 * the archive's writer (csv-writer.ts).
 */

export const COVERAGE_HEADER: readonly string[] = [
  '党支部 Branch',
  '姓名 Name',
  '用户名 Username',
  '党员编号 Member no.',
  '参加班次 Attended a class',
  '走完一条路线 Completed a route',
  '完成VR课程 Completed a VR lesson',
  '参加任一培训 Any training',
]

export function coverageTable(input: CoverageInput): ArchiveTable {
  const byBranch = new Map<string | null, MemberCoverage[]>()
  for (const m of coverageByMember(input)) {
    const list = byBranch.get(m.branchId)
    if (list) list.push(m)
    else byBranch.set(m.branchId, [m])
  }
  const groups = [
    ...sortBranches(input.branches).map((b) => ({ name: b.name, members: byBranch.get(b.id) ?? [] })),
    { name: null, members: byBranch.get(null) ?? [] },
  ]
  return {
    title: '培训覆盖 Coverage',
    header: COVERAGE_HEADER,
    rows: groups.flatMap((g) =>
      sortPeople(g.members).map((m) => [
        g.name,
        m.displayName,
        m.username,
        m.memberNumber,
        yesNo(m.attendedClass),
        yesNo(m.completedRoute),
        yesNo(m.vrLesson),
        yesNo(m.any),
      ]),
    ),
  }
}
