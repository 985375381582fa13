import type { ClassDashboard, DashboardRow } from '../classes/dashboard.ts'
import { flagText } from '../records/flag-text.ts'

/**
 * The archive (学员档案) as tables, made from class dashboards (src/domain/classes/dashboard.ts)
 * and nothing else, so an export shows exactly the dashboard's figures. The CSV is the detail
 * table; the workbook has the summary, the detail and the reflections as three sheets.
 *
 * - detail: one row per member per dashboard column (each stop, each lesson) and one per
 *   reflection, with attendance, the check-in's method, verdict and flags, the trainer's
 *   attestation, completion, modes, best score, attempts, and the reflection's text;
 * - summary: one row per member (class archive) or per class (member archive) with the totals;
 * - reflections: one row per reflection.
 * Times are China Standard Time, `YYYY-MM-DD HH:mm:ss`, and their headers say so (timeHeader);
 * scores are percentages to one decimal.
 */

export type Cell = string | number | null

export interface ArchiveTable {
  /** Also the sheet's name. */
  readonly title: string
  readonly header: readonly string[]
  readonly rows: readonly (readonly Cell[])[]
}

export interface ArchiveTables {
  readonly summary: ArchiveTable
  readonly detail: ArchiveTable
  readonly reflections: ArchiveTable
}

const YES = '是'
const NO = '否'
/** How every archive table writes a yes or no. */
export const yesNo = (b: boolean) => (b ? YES : NO)

/** ISO 8601 → `YYYY-MM-DD HH:mm:ss` in China Standard Time (UTC+8, no daylight saving). */
export function chinaTime(iso: string | null | undefined): string | null {
  if (!iso) return null
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return null
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ')
}

/** A share 0..1 as a percentage to one decimal (0.8333 → 83.3); null stays null. */
export const percent = (share: number | null): number | null =>
  share === null ? null : Math.round(share * 1000) / 10

const METHODS: Record<string, string> = { gps: 'GPS定位', qr: '二维码' }
const VERDICTS: Record<string, string> = { inside: '在范围内', 'qr-valid': '二维码有效' }
const MODES: Record<string, string> = { onsite: '现场', remote: '远程', vr: 'VR' }

/**
 * A time column's header names its zone, since the cells (chinaTime) carry none: a reader
 * outside China, or a spreadsheet that takes them for local time, would be hours off.
 */
export const timeHeader = (zh: string, en: string) => `${zh}（北京时间） ${en} (UTC+8)`
/** A column made by timeHeader: its cells are chinaTime strings. */
export const isTimeHeader = (header: string) => header.endsWith(' (UTC+8)') && header.includes('（北京时间）')

const IDENTITY = ['班次编号 Class id', '班次 Class', '姓名 Name', '党员编号 Member no.', '党支部 Branch']

/** The detail columns; a row is built by key, so no value can land in a neighbour's column. */
const DETAIL_COLUMNS = {
  group: '类别 Group',
  itemId: '项目编号 Item id',
  item: '项目 Item',
  present: '到场 Present',
  checkedInAt: timeHeader('打卡时间', 'Checked in at'),
  method: '打卡方式 Check-in method',
  // What the phone found (in the area, a valid code); the server's own checks are the flags.
  verdict: '手机判定 Verdict on the phone',
  attestedAt: timeHeader('确认到场时间', 'Presence confirmed at'),
  completed: '完成 Completed',
  completedAt: timeHeader('完成时间', 'Completed at'),
  modes: '学习方式 Modes',
  bestScore: '最高得分(%) Best score (%)',
  attempts: '答题次数 Attempts',
  passed: '通过 Passed',
  reflections: '心得篇数 Reflections',
  pending: '待核 Pending',
  writtenAt: timeHeader('心得时间', 'Written at'),
  text: '心得内容 Text',
  flags: '标记 Flags',
} as const
type DetailKey = keyof typeof DETAIL_COLUMNS
const DETAIL_KEYS = Object.keys(DETAIL_COLUMNS) as DetailKey[]

export const DETAIL_HEADER: readonly string[] = [...IDENTITY, ...DETAIL_KEYS.map((k) => DETAIL_COLUMNS[k])]

const detailRow = (who: Cell[], cells: Partial<Record<DetailKey, Cell>>): Cell[] => [
  ...who,
  ...DETAIL_KEYS.map((k) => cells[k] ?? null),
]

export const REFLECTIONS_HEADER = [
  ...IDENTITY,
  '课程或站点 Lesson or site',
  timeHeader('时间', 'Written at'),
  '心得内容 Text',
  '标记 Flags',
]

/**
 * The server's flags in words (what the dashboard says), each with its code for whoever traces
 * it: an organiser reading the sheet could not read `geofence-outside`.
 */
export const flagWords = (flags: readonly string[]) =>
  flags.length > 0 ? flags.map((f) => `${flagText(f).zh}（${f}）`).join('；') : null

function identity(d: ClassDashboard, row: DashboardRow): Cell[] {
  return [d.class.id, d.class.name, row.member.displayName, row.member.memberNumber, row.member.branchName]
}

function itemName(d: ClassDashboard, lessonId: string | null, siteId: string | null): string | null {
  const lesson = lessonId ? d.columns.lessons.find((l) => l.lessonId === lessonId) : undefined
  if (lesson) return lesson.title.zh
  const stop = siteId ? d.columns.stops.find((s) => s.siteId === siteId) : undefined
  return stop?.name.zh ?? lessonId ?? siteId
}

function detailRows(d: ClassDashboard, row: DashboardRow): Cell[][] {
  const who = identity(d, row)
  const stops = d.columns.stops.map((col, i) => {
    const cell = row.stops[i]
    const c = cell?.checkin ?? null
    return detailRow(who, {
      group: '站点 Stop',
      itemId: col.siteId,
      item: col.name.zh,
      present: yesNo(cell?.present ?? false),
      checkedInAt: chinaTime(c?.at),
      method: c ? (METHODS[c.method] ?? c.method) : null,
      verdict: c ? (VERDICTS[c.verdict] ?? c.verdict) : null,
      attestedAt: chinaTime(cell?.attestation?.at),
      flags: flagWords([...(c?.flags ?? []), ...(cell?.attestation?.flags ?? [])]),
    })
  })
  const lessons = d.columns.lessons.map((col, i) => {
    const l = row.lessons[i]
    return detailRow(who, {
      group: '课程 Lesson',
      itemId: col.lessonId,
      item: col.title.zh,
      attestedAt: chinaTime(l?.attestation?.at),
      completed: yesNo(l?.completed ?? false),
      completedAt: chinaTime(l?.completedAt),
      modes: l && l.modes.length > 0 ? l.modes.map((m) => MODES[m] ?? m).join('、') : null,
      // A standalone scene's completion has no quiz: no score, attempts or pass to speak of.
      bestScore: percent(l?.bestScore ?? null),
      attempts: col.hasQuiz ? (l?.attempts ?? 0) : null,
      passed: col.hasQuiz ? yesNo(l?.passed ?? false) : null,
      reflections: l?.reflections ?? 0,
      pending: l?.pending ? YES : null,
      flags: flagWords(l?.flags ?? []),
    })
  })
  const reflections = row.reflections.map((r) =>
    detailRow(who, {
      group: '心得 Reflection',
      itemId: r.lessonId ?? r.siteId,
      item: itemName(d, r.lessonId, r.siteId),
      writtenAt: chinaTime(r.at),
      text: r.text,
      flags: flagWords(r.flags),
    }),
  )
  return [...stops, ...lessons, ...reflections]
}

function reflectionRows(d: ClassDashboard, row: DashboardRow): Cell[][] {
  return row.reflections.map((r) => [
    ...identity(d, row),
    itemName(d, r.lessonId, r.siteId),
    chinaTime(r.at),
    r.text,
    flagWords(r.flags),
  ])
}

const TOTALS_HEADER = [
  '到场站点 Stops present',
  '打卡站点 Stops checked in',
  '确认到场站点 Stops with presence confirmed',
  '完成课程 Lessons completed',
  '平均得分(%) Mean score (%)',
  '心得篇数 Reflections',
  '有标记的记录 Flagged records',
]

const totals = (row: DashboardRow): Cell[] => [
  row.totals.stopsPresent,
  row.totals.stopsCheckedIn,
  row.totals.stopsAttested,
  row.totals.lessonsCompleted,
  percent(row.totals.meanScore),
  row.totals.reflections,
  row.totals.flaggedRecords,
]

/** The archive of one class: every member of its dashboard. */
export function classArchiveTables(d: ClassDashboard): ArchiveTables {
  const header = [
    ...IDENTITY.slice(2),
    ...d.columns.stops.map((s) => `${s.name.zh}·到场`),
    ...d.columns.lessons.flatMap((l) => [`${l.title.zh}·完成`, `${l.title.zh}·得分(%)`]),
    ...TOTALS_HEADER,
  ]
  const memberRows = d.rows.map((row): Cell[] => [
    ...identity(d, row).slice(2),
    ...row.stops.map((s) => yesNo(s.present)),
    ...row.lessons.flatMap((l) => [yesNo(l.completed), percent(l.bestScore)]),
    ...totals(row),
  ])
  // The dashboard's class summary: how many were present or completed, the mean scores, and
  // the members' totals added up (stop-visits, lessons, reflections and flags of the class).
  const sum = (of: (t: DashboardRow['totals']) => number) => d.rows.reduce((n, r) => n + of(r.totals), 0)
  const classRow: Cell[] = [
    `全班（${d.summary.members}人）Class`,
    null,
    null,
    ...d.summary.stops.map((s) => s.present),
    ...d.summary.lessons.flatMap((l) => [l.completed, percent(l.meanScore)]),
    sum((t) => t.stopsPresent),
    sum((t) => t.stopsCheckedIn),
    sum((t) => t.stopsAttested),
    sum((t) => t.lessonsCompleted),
    percent(d.summary.meanScore),
    sum((t) => t.reflections),
    sum((t) => t.flaggedRecords),
  ]
  return {
    summary: { title: '总表 Summary', header, rows: [...memberRows, classRow] },
    detail: {
      title: '明细 Detail',
      header: DETAIL_HEADER,
      rows: d.rows.flatMap((row) => detailRows(d, row)),
    },
    reflections: {
      title: '心得 Reflections',
      header: REFLECTIONS_HEADER,
      rows: d.rows.flatMap((row) => reflectionRows(d, row)),
    },
  }
}

/**
 * The archive of one member across classes: each dashboard holds (at least) the member's row;
 * the summary has one row per class.
 */
export function memberArchiveTables(dashboards: readonly ClassDashboard[], memberId: string): ArchiveTables {
  const mine = dashboards.flatMap((d) => {
    const row = d.rows.find((r) => r.member.id === memberId)
    return row ? [{ d, row }] : []
  })
  return {
    summary: {
      title: '总表 Summary',
      header: [
        ...IDENTITY,
        '开始日期 Starts on',
        '结束日期 Ends on',
        '站点数 Stops',
        '课程数 Lessons',
        ...TOTALS_HEADER,
      ],
      rows: mine.map(({ d, row }) => [
        ...identity(d, row),
        d.class.startsOn,
        d.class.endsOn,
        d.columns.stops.length,
        d.columns.lessons.length,
        ...totals(row),
      ]),
    },
    detail: {
      title: '明细 Detail',
      header: DETAIL_HEADER,
      rows: mine.flatMap(({ d, row }) => detailRows(d, row)),
    },
    reflections: {
      title: '心得 Reflections',
      header: REFLECTIONS_HEADER,
      rows: mine.flatMap(({ d, row }) => reflectionRows(d, row)),
    },
  }
}
