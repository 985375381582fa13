/**
 * Why: the archive (学员档案) is what an organisation files about each trainee, and it must say
 * exactly what the trainer saw on the class dashboard. These tests make a class's records as
 * members' devices do, build the dashboard the way the trainer's screen does (from the class's
 * records and roster endpoints, with buildClassDashboard), then download the CSV, the workbook
 * and the xAPI statements and read every figure back: the same figures, valid xAPI 1.0.3,
 * files that Excel opens (BOM, quoting, formula guard) and names that survive Chinese.
 */
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { loadScenes } from '../../scenes/load-scenes.ts'
import { parseCsv } from '../../server/admin/csv.ts'
import { DEMO_CLASS_ID } from '../../server/db/seed.ts'
import { chinaTime, DETAIL_HEADER, flagWords, percent } from '../../src/domain/archive/tables.ts'
import {
  buildClassDashboard,
  type ClassDashboard,
  type DashboardRecord,
} from '../../src/domain/classes/dashboard.ts'
import { buildClassWorld, type ClassWorld, OTHER_CLASS_ID } from './classes-world.ts'
import { Device } from './driver.ts'
import { DATABASES, serverPerTest } from './harness.ts'
import { StatementSchema } from './xapi-statement-schema.ts'

const FORMULA = '=HYPERLINK("http://example.com","点我")'
const REFLECTION = '延安精神, 就是"自力更生"。\n第二行'

async function bytes(device: Device, path: string) {
  const res = await fetch(`${device.server.url}${path}`, {
    headers: { cookie: [...device.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
  })
  return { status: res.status, headers: res.headers, body: new Uint8Array(await res.arrayBuffer()) }
}

/** Member1 and member2 do what a field trip does; returns nothing, the server has it. */
async function makeRecords(w: ClassWorld) {
  const m1 = w.devices.member
  const push = async (record: { id: string }) => {
    expect((await m1.push([record])).body.results[0].result).toBe('created')
    return record
  }
  // A minute between records, so that every list the exports order by time has one order.
  const next = () => w.server.clock.advance(60_000)
  await push(m1.checkin(w.ids.member, 'zaoyuan'))
  next()
  await push(m1.checkin(w.ids.member, 'yangjialing', {}, { lng: 109.5, lat: 36.7 }))
  next()
  const quiz = await push(
    m1.record(w.ids.member, 'quiz.submitted', {
      lessonId: 'zaoyuan-lesson',
      attempt: 1,
      mode: 'onsite',
      answers: { q1: ['a'], q2: ['b'], q3: true, q4: ['a', 'b', 'c'], q5: false, q6: ['a'] },
      correct: 5,
      total: 6,
      passed: true,
    }),
  )
  next()
  await push(
    m1.record(w.ids.member, 'lesson.completed', {
      lessonId: 'zaoyuan-lesson',
      siteId: 'zaoyuan',
      mode: 'onsite',
      score: 5 / 6,
      quizRecordId: quiz.id,
    }),
  )
  next()
  await push(
    m1.record(w.ids.member, 'lesson.completed', {
      lessonId: 'oath-renewal',
      siteId: 'vr-center',
      mode: 'vr',
    }),
  )
  next()
  await push(m1.record(w.ids.member, 'reflection', { lessonId: 'zaoyuan-lesson', text: REFLECTION }))
  next()
  await push(m1.record(w.ids.member, 'reflection', { siteId: 'zaoyuan', text: FORMULA }))
  const m2 = new Device(w.server)
  await m2.loginAs('member2')
  expect((await m2.push([m2.checkin('demo-member2', 'zaoyuan')])).body.results[0].result).toBe('created')
}

/** The dashboard as the trainer's screen builds it, from the endpoints the screen reads. */
async function dashboardAsTheScreenSeesIt(w: ClassWorld, classId: string): Promise<ClassDashboard> {
  const detail = (await w.devices.trainer.request('GET', `/api/classes/${classId}`)).body
  const records: DashboardRecord[] = []
  let cursor = '0'
  for (;;) {
    const page = (await w.devices.trainer.request('GET', `/api/classes/${classId}/records?cursor=${cursor}`))
      .body
    records.push(
      ...page.records.map((r: DashboardRecord) => ({ record: r.record, flags: r.flags, status: r.status })),
    )
    cursor = page.cursor
    if (!page.more) break
  }
  return buildClassDashboard({
    content: w.server.services.content,
    scenes: loadScenes(process.cwd()).scenes,
    class: {
      id: detail.class.id,
      name: detail.class.name,
      routeId: detail.class.routeId,
      sceneIds: detail.class.sceneIds,
      startsOn: detail.class.startsOn,
      endsOn: detail.class.endsOn,
    },
    members: detail.members.map(
      (m: {
        id: string
        displayName: string
        memberNumber: string | null
        branch: { id: string; name: string } | null
      }) => ({
        id: m.id,
        displayName: m.displayName,
        memberNumber: m.memberNumber,
        branchId: m.branch?.id ?? null,
        branchName: m.branch?.name ?? null,
      }),
    ),
    records,
  })
}

/** What a detail cell of a number reads as in the CSV. */
const text = (v: number | string | null) => (v === null ? '' : String(v))
const yesNo = (b: boolean) => (b ? '是' : '否')

/** The detail rows the dashboard implies, as CSV strings (formula-guarded text). */
function expectedDetail(d: ClassDashboard): Map<string, Record<string, string>> {
  const rows = new Map<string, Record<string, string>>()
  for (const row of d.rows) {
    d.columns.stops.forEach((col, i) => {
      const cell = row.stops[i]!
      rows.set(`${row.member.id}|站点 Stop|${col.siteId}`, {
        '到场 Present': yesNo(cell.present),
        '打卡时间（北京时间） Checked in at (UTC+8)': text(chinaTime(cell.checkin?.at)),
        '手机判定 Verdict on the phone': cell.checkin
          ? { inside: '在范围内', 'qr-valid': '二维码有效' }[cell.checkin.verdict]
          : '',
        '标记 Flags': flagWords(cell.checkin?.flags ?? []) ?? '',
      })
    })
    d.columns.lessons.forEach((col, i) => {
      const l = row.lessons[i]!
      rows.set(`${row.member.id}|课程 Lesson|${col.lessonId}`, {
        '完成 Completed': yesNo(l.completed),
        '完成时间（北京时间） Completed at (UTC+8)': text(chinaTime(l.completedAt)),
        '最高得分(%) Best score (%)': text(percent(l.bestScore)),
        '答题次数 Attempts': col.hasQuiz ? String(l.attempts) : '',
        '通过 Passed': col.hasQuiz ? yesNo(l.passed) : '',
        '心得篇数 Reflections': String(l.reflections),
        '标记 Flags': flagWords(l.flags) ?? '',
      })
    })
  }
  return rows
}

describe.each(DATABASES)('archive exports on %s', (dbKind) => {
  const startServer = serverPerTest(dbKind)
  let w: ClassWorld
  const start = async () => {
    w = await buildClassWorld(await startServer())
    await makeRecords(w)
  }

  it("the class CSV holds the dashboard's figures, opens in Excel and names itself in Chinese", async () => {
    await start()
    const dashboard = await dashboardAsTheScreenSeesIt(w, DEMO_CLASS_ID)
    const r = await bytes(w.devices.trainer, `/api/classes/${DEMO_CLASS_ID}/archive.csv`)
    expect(r.status).toBe(200)
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    const disposition = r.headers.get('content-disposition') ?? ''
    expect(disposition).toMatch(
      /^attachment; filename="hongtu-archive-demo-yanan-class-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''/,
    )
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toMatch(
      /^学员档案-延安精神现场教学班（演示）-demo-yanan-class-/,
    )
    expect([...r.body.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const csvText = new TextDecoder().decode(r.body)
    expect(csvText).toContain('\r\n')

    const [header, ...rows] = parseCsv(csvText)
    expect(header).toEqual([...DETAIL_HEADER])
    const col = (name: string) => header!.indexOf(name)
    const byKey = new Map(
      rows.map((row) => [
        `${memberIdOf(dashboard, row[col('姓名 Name')]!)}|${row[col('类别 Group')]}|${row[col('项目编号 Item id')]}`,
        row,
      ]),
    )
    const expected = expectedDetail(dashboard)
    expect(expected.size).toBeGreaterThan(10)
    for (const [key, cells] of expected) {
      const row = byKey.get(key)
      expect(row, key).toBeDefined()
      for (const [name, value] of Object.entries(cells)) expect(row![col(name)], `${key} ${name}`).toBe(value)
    }
    // The figures are real ones, not a table of blanks.
    const zaoyuan = byKey.get('demo-member1|课程 Lesson|zaoyuan-lesson')!
    expect(zaoyuan[col('最高得分(%) Best score (%)')]).toBe('83.3')
    expect(byKey.get('demo-member1|站点 Stop|yangjialing')![col('标记 Flags')]).toContain(
      '定位在打卡范围之外（geofence-outside）',
    )
    // Reflections: the text whole (comma, quotes, line break), a formula made harmless.
    const texts = rows
      .filter((row) => row[col('类别 Group')] === '心得 Reflection')
      .map((row) => row[col('心得内容 Text')])
    expect(texts).toEqual([REFLECTION, `'${FORMULA}`])
  })

  it('the workbook reads back to the same figures: summary per member, detail as the CSV, reflections', async () => {
    await start()
    const dashboard = await dashboardAsTheScreenSeesIt(w, DEMO_CLASS_ID)
    const r = await bytes(w.devices.admin, `/api/classes/${DEMO_CLASS_ID}/archive.xlsx`)
    expect(r.status).toBe(200)
    expect(r.headers.get('content-disposition')).toMatch(
      /filename="hongtu-archive-demo-yanan-class-.*\.xlsx"/,
    )
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(r.body as unknown as ArrayBuffer)
    expect(wb.worksheets.map((s) => s.name)).toEqual(['总表 Summary', '明细 Detail', '心得 Reflections'])

    const values = (sheet: ExcelJS.Worksheet) => {
      const out: (string | number | null)[][] = []
      sheet.eachRow({ includeEmpty: false }, (row) => {
        const v = row.values as unknown[]
        out.push(
          Array.from({ length: sheet.columnCount }, (_, i) => (v[i + 1] ?? null) as string | number | null),
        )
      })
      return out
    }
    const [header, ...summary] = values(wb.getWorksheet('总表 Summary')!)
    const at = (name: string) => header!.indexOf(name)
    expect(summary).toHaveLength(dashboard.rows.length + 1)
    dashboard.rows.forEach((row, i) => {
      const line = summary[i]!
      expect(line[0]).toBe(row.member.displayName)
      dashboard.columns.stops.forEach((s, j) => {
        expect(line[at(`${s.name.zh}·到场`)]).toBe(yesNo(row.stops[j]!.present))
      })
      dashboard.columns.lessons.forEach((l, j) => {
        expect(line[at(`${l.title.zh}·完成`)]).toBe(yesNo(row.lessons[j]!.completed))
        expect(line[at(`${l.title.zh}·得分(%)`)]).toBe(percent(row.lessons[j]!.bestScore))
      })
      expect(line[at('到场站点 Stops present')]).toBe(row.totals.stopsPresent)
      expect(line[at('完成课程 Lessons completed')]).toBe(row.totals.lessonsCompleted)
      expect(line[at('平均得分(%) Mean score (%)')]).toBe(percent(row.totals.meanScore))
      expect(line[at('心得篇数 Reflections')]).toBe(row.totals.reflections)
      expect(line[at('有标记的记录 Flagged records')]).toBe(row.totals.flaggedRecords)
    })
    const classLine = summary.at(-1)!
    dashboard.summary.stops.forEach((s, j) => {
      expect(classLine[at(`${dashboard.columns.stops[j]!.name.zh}·到场`)]).toBe(s.present)
    })
    dashboard.summary.lessons.forEach((l, j) => {
      expect(classLine[at(`${dashboard.columns.lessons[j]!.title.zh}·完成`)]).toBe(l.completed)
    })

    // The detail sheet is the CSV, cell for cell (the CSV's apostrophe guard aside).
    const csv = parseCsv(
      new TextDecoder().decode(
        (await bytes(w.devices.admin, `/api/classes/${DEMO_CLASS_ID}/archive.csv`)).body,
      ),
    )
    // Times are date cells there (for sorting), holding the China time the CSV writes as text.
    const cellText = (v: unknown) =>
      v === null ? '' : v instanceof Date ? v.toISOString().slice(0, 19).replace('T', ' ') : String(v)
    const sheet = values(wb.getWorksheet('明细 Detail')!).map((row) => row.map(cellText))
    expect(sheet).toEqual(csv.map((row) => row.map((v) => (v.startsWith("'=") ? v.slice(1) : v))))

    const [, ...reflections] = values(wb.getWorksheet('心得 Reflections')!)
    expect(reflections.map((row) => row[7])).toEqual([REFLECTION, FORMULA])
  })

  it('xAPI statements: one per accepted record, each valid xAPI 1.0.3, stable across exports', async () => {
    await start()
    const path = `/api/classes/${DEMO_CLASS_ID}/archive.xapi.json`
    const r = await w.devices.trainer.request('GET', path)
    expect(r.status).toBe(200)
    const statements = r.body as {
      id: string
      context: { registration: string }
      actor: { account: { homePage: string } }
    }[]
    const accepted = await w.server.services.db
      .selectFrom('records')
      .select('id')
      .where('status', '=', 'accepted')
      .execute()
    expect(statements.map((s) => s.id).sort()).toEqual(accepted.map((a) => a.id).sort())
    for (const s of statements) {
      const check = StatementSchema.safeParse(s)
      expect(check.error?.issues, JSON.stringify(s)).toBeUndefined()
    }
    expect(new Set(statements.map((s) => s.context.registration)).size).toBe(1)
    expect(statements[0]!.actor.account.homePage).toBe(w.server.url.replace('localhost', '127.0.0.1'))
    expect((await w.devices.trainer.request('GET', path)).body).toEqual(statements)
    const ndjson = await w.devices.trainer.request('GET', `${path}?format=ndjson`)
    expect(ndjson.headers.get('content-type')).toMatch(/^application\/x-ndjson/)
    expect(
      ndjson.text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual(statements)
  })

  it("xAPI: another member's record with the same id keeps both statements, the first under the record's id", async () => {
    await start()
    const [first] = (
      await w.server.services.db
        .selectFrom('records')
        .select(['id', 'member_id'])
        .where('status', '=', 'accepted')
        .where('member_id', '=', w.ids.member)
        .orderBy('server_seq')
        .execute()
    ).map((r) => r.id)
    const exported = async () =>
      (await w.devices.trainer.request('GET', `/api/classes/${DEMO_CLASS_ID}/archive.xapi.json`)).body as {
        id: string
        actor: { account: { name: string } }
      }[]
    const before = await exported()
    const m2 = new Device(w.server)
    const m2Id = await m2.loginAs('member2')
    const copy = m2.record(m2Id, 'reflection', { text: '同一个编号' }, { id: first, classId: DEMO_CLASS_ID })
    expect((await m2.push([copy])).body.results[0].result).toBe('created')
    const statements = await exported()
    expect(statements).toHaveLength(before.length + 1)
    expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length)
    const mine = statements.filter((s) => s.id === first)
    expect(mine.map((s) => s.actor.account.name)).toEqual([w.ids.member])
    const ofM2 = (list: typeof before) => list.filter((s) => s.actor.account.name === m2Id).length
    expect(ofM2(statements)).toBe(ofM2(before) + 1)
  })

  it("a member's archive spans their classes; a trainer sees only the classes they train", async () => {
    await start()
    // member1 joins trainer2's class too and makes a record there.
    await w.devices.otherTrainer.request('POST', `/api/classes/${OTHER_CLASS_ID}/members`, {
      json: { memberIds: [w.ids.member] },
    })
    const tagged = w.devices.member.record(
      w.ids.member,
      'reflection',
      { text: '沂蒙精神' },
      { classId: OTHER_CLASS_ID },
    )
    expect((await w.devices.member.push([tagged])).body.results[0].result).toBe('created')

    const classesIn = async (device: Device) => {
      const r = await device.request('GET', `/api/members/${w.ids.member}/archive.csv`)
      expect(r.status, r.text).toBe(200)
      const [header, ...rows] = parseCsv(r.text)
      return [...new Set(rows.map((row) => row[header!.indexOf('班次编号 Class id')]))].sort()
    }
    expect(await classesIn(w.devices.member)).toEqual([DEMO_CLASS_ID, OTHER_CLASS_ID])
    expect(await classesIn(w.devices.admin)).toEqual([DEMO_CLASS_ID, OTHER_CLASS_ID])
    expect(await classesIn(w.devices.trainer)).toEqual([DEMO_CLASS_ID])
    expect(await classesIn(w.devices.otherTrainer)).toEqual([OTHER_CLASS_ID])
    // A member trained by trainer2 in no class, and another member's archive: 404.
    expect(
      (await w.devices.otherTrainer.request('GET', '/api/members/demo-member2/archive.csv')).status,
    ).toBe(404)
    expect(
      (await w.devices.otherMember.request('GET', `/api/members/${w.ids.member}/archive.csv`)).status,
    ).toBe(404)

    const own = await w.devices.member.request('GET', `/api/members/${w.ids.member}/archive.xapi.json`)
    const ids = (own.body as { id: string }[]).map((s) => s.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toContain(tagged.id)
    for (const s of own.body) expect(StatementSchema.safeParse(s).success).toBe(true)
  })
})

function memberIdOf(d: ClassDashboard, name: string): string {
  return d.rows.find((r) => r.member.displayName === name)?.member.id ?? name
}
