/**
 * Why: a trainer fills a class from the branch's roster (花名册) as a spreadsheet, usually
 * saved by Excel on a Chinese Windows PC. One wrong member number would add a stranger to the
 * class and show them other people's records, so every row must match an account by number
 * AND name, and one bad row must stop the whole file (all or nothing) with every problem named
 * by line. Trainers never create accounts this way; the admin's roster import does.
 */
import { describe, expect, it } from 'vitest'
import { DEMO_CLASS_ID } from '../../server/db/seed.ts'
import { buildClassWorld, type ClassWorld, uploadCsv } from './classes-world.ts'
import { DATABASES, serverPerTest } from './harness.ts'

/** "姓名,党员编号,党支部\n赵三,YA-2024-0003,延安市直机关第二党支部\n" in GB18030, as Excel saves it. */
function gb18030Roster(): Uint8Array {
  const hex =
    'd0d5c3fb2cb5b3d4b1b1e0bac52cb5b3d6a7b2bf0ad5d4c8fd2c59412d323032342d303030332cd1d3b0b2cad0d6b1bbfab9d8b5dab6feb5b3d6a7b2bf0a'
  return Uint8Array.from(hex.match(/../g)!.map((h) => Number.parseInt(h, 16)))
}

describe.each(DATABASES)('class roster upload on %s', (dbKind) => {
  const startServer = serverPerTest(dbKind)
  let w: ClassWorld
  const start = async () => {
    w = await buildClassWorld(await startServer())
  }
  const membersOf = async (classId: string) =>
    (
      await w.server.services.db
        .selectFrom('class_members')
        .select('user_id')
        .where('class_id', '=', classId)
        .execute()
    )
      .map((r) => r.user_id)
      .sort()

  it('adds the members a Chinese-header UTF-8 file with a BOM names, and reports who already was', async () => {
    await start()
    const csv =
      '\uFEFF姓名,党员编号,党支部\r\n赵三,ya-2024-0003,延安市直机关第二党支部\r\n李红梅,YA-2024-0001,\r\n'
    const r = await uploadCsv(w.devices.trainer, DEMO_CLASS_ID, csv)
    expect(r.status, r.text).toBe(200)
    expect(r.body).toEqual({
      dryRun: false,
      added: [{ line: 2, id: 'member3', displayName: '赵三', memberNumber: 'YA-2024-0003' }],
      alreadyMembers: [{ line: 3, id: 'demo-member1', displayName: '李红梅', memberNumber: 'YA-2024-0001' }],
      warnings: [],
    })
    expect(await membersOf(DEMO_CLASS_ID)).toEqual(['demo-member1', 'demo-member2', 'member3'])
  })

  it('reads a GB18030 file as Excel on Chinese Windows saves it', async () => {
    await start()
    const r = await uploadCsv(w.devices.trainer, DEMO_CLASS_ID, gb18030Roster())
    expect(r.status, r.text).toBe(200)
    expect(r.body.added.map((m: { id: string }) => m.id)).toEqual(['member3'])
  })

  it('English headers in any order work; a differing branch is only a warning', async () => {
    await start()
    const csv = 'Member Number,Branch,Name\nYA-2024-0003,某某支部,赵三\n'
    const r = await uploadCsv(w.devices.trainer, DEMO_CLASS_ID, csv)
    expect(r.status, r.text).toBe(200)
    expect(r.body.warnings).toEqual([
      {
        line: 2,
        code: 'branch_differs',
        column: 'branch',
        values: { accountBranch: '延安市直机关第二党支部' },
        message: "the account's branch is 延安市直机关第二党支部",
      },
    ])
  })

  it('one bad row stops the whole file, and every problem is named by line', async () => {
    await start()
    const csv = [
      '姓名,党员编号,党支部',
      '赵三,YA-2024-0003,延安市直机关第二党支部',
      '王五,YA-9999-0000,延安市直机关第一党支部',
      '王建国,YA-2024-0001,延安市直机关第一党支部',
      '赵三,YA-2024-0003,延安市直机关第二党支部',
      ',,',
      '张老师,trainer1,',
    ].join('\n')
    const r = await uploadCsv(w.devices.trainer, DEMO_CLASS_ID, csv)
    expect(r.status).toBe(400)
    expect(Object.keys(r.body)).toEqual(['error'])
    expect(r.body.error).toMatchObject({ code: 'invalid', path: 'roster' })
    expect(r.body.error.problems.map((p: { line: number; column: string }) => [p.line, p.column])).toEqual([
      [3, 'member_number'],
      [4, 'name'],
      [5, 'member_number'],
      [6, 'member_number'],
      [6, 'name'],
      [7, 'member_number'],
    ])
    expect(r.body.error.problems[0].message).toMatch(/no account/)
    expect(r.body.error.problems[1].message).toContain('李红梅')
    expect(r.body.error.problems[2].message).toContain('line 2')
    expect(await membersOf(DEMO_CLASS_ID)).toEqual(['demo-member1', 'demo-member2'])
  })

  it('gives every problem a stable code, its column and the values its sentence needs', async () => {
    await start()
    const csv = [
      '姓名,党员编号,党支部',
      '王五,YA-9999-0000,延安市直机关第一党支部',
      '王建国,YA-2024-0001,延安市直机关第一党支部',
      '赵三,YA-2024-0003,延安市直机关第二党支部',
      '赵三,ya-2024-0003,延安市直机关第二党支部',
      ',,',
      '张老师,YA-T-0001,',
      `赵\u0000三,YA-2024-0004,`,
      '王建国,YA-2024-0002,',
    ].join('\n')
    const db = w.server.services.db
    await db
      .updateTable('users')
      .set({ member_number: 'YA-T-0001' })
      .where('username', '=', 'trainer1')
      .execute()
    const now = w.server.clock.now().toISOString()
    await db.updateTable('users').set({ disabled_at: now }).where('username', '=', 'member2').execute()
    const r = await uploadCsv(w.devices.trainer, DEMO_CLASS_ID, csv)
    expect(r.status).toBe(400)
    type Note = { line: number; code: string; column: string; values: object; message: string }
    expect(
      r.body.error.problems.map(({ line, code, column, values }: Note) => ({ line, code, column, values })),
    ).toEqual([
      { line: 2, code: 'unknown_member_number', column: 'member_number', values: {} },
      { line: 3, code: 'name_mismatch', column: 'name', values: { accountName: '李红梅' } },
      { line: 5, code: 'repeated_member_number', column: 'member_number', values: { firstLine: 4 } },
      { line: 6, code: 'empty_cell', column: 'member_number', values: {} },
      { line: 6, code: 'empty_cell', column: 'name', values: {} },
      { line: 7, code: 'not_a_member_account', column: 'member_number', values: {} },
      { line: 8, code: 'nul_character', column: '', values: {} },
      { line: 9, code: 'disabled_account', column: 'member_number', values: {} },
    ])
    // API clients keep the English sentence.
    expect(r.body.error.problems.every((p: Note) => p.message.length > 0)).toBe(true)
  })

  it('a file without a member number column, or not a CSV at all, is refused', async () => {
    await start()
    const noColumn = await uploadCsv(w.devices.trainer, DEMO_CLASS_ID, '姓名,党支部\n赵三,第二支部\n')
    expect(noColumn.status).toBe(400)
    expect(noColumn.body.error.problems).toEqual([
      {
        line: 1,
        code: 'missing_column',
        column: 'member_number',
        values: {},
        message: 'has no member number column (党员编号)',
      },
    ])
    const codes = async (csv: string) =>
      (await uploadCsv(w.devices.trainer, DEMO_CLASS_ID, csv)).body.error.problems.map(
        (p: { code: string; column: string }) => `${p.code} ${p.column}`,
      )
    expect(await codes('')).toEqual(['empty_file '])
    expect(await codes('党员编号\nYA-2024-0003\n')).toEqual(['missing_column name'])
    expect(await codes('姓名,党员编号\n"赵三,YA-2024-0003\n')).toEqual(['unclosed_quote '])
    const json = await w.devices.trainer.request('POST', `/api/classes/${DEMO_CLASS_ID}/roster`, {
      json: { rows: [] },
    })
    expect(json.status).toBe(415)
    expect(json.body.error.code).toBe('unsupported_media_type')
  })

  it('a dry run reports what would happen and adds nobody', async () => {
    await start()
    const r = await uploadCsv(
      w.devices.trainer,
      DEMO_CLASS_ID,
      'name,member_number\n赵三,YA-2024-0003\n',
      '?dryRun=true',
    )
    expect(r.status, r.text).toBe(200)
    expect(r.body.dryRun).toBe(true)
    expect(r.body.added).toHaveLength(1)
    expect(await membersOf(DEMO_CLASS_ID)).toEqual(['demo-member1', 'demo-member2'])
  })

  it('a roster of 1000 members (about 60 KB) fits the upload limit', async () => {
    await start()
    const lines = ['姓名,党员编号,党支部']
    for (let i = 0; i < 1000; i++)
      lines.push(`学员${i},YA-BULK-${String(i).padStart(4, '0')},延安市直机关第一党支部`)
    // Accounts made straight in the database (hashing 1000 passwords through the API would be slow).
    const now = w.server.clock.now().toISOString()
    const branch = await w.server.services.db.selectFrom('branches').select('id').executeTakeFirstOrThrow()
    await w.server.services.db
      .insertInto('users')
      .values(
        Array.from({ length: 1000 }, (_, i) => ({
          id: `bulk-${i}`,
          username: `ya-bulk-${String(i).padStart(4, '0')}`,
          display_name: `学员${i}`,
          member_number: `YA-BULK-${String(i).padStart(4, '0')}`,
          branch_id: branch.id,
          role: 'member' as const,
          password_hash: 'x',
          disabled_at: null,
          created_at: now,
        })),
      )
      .execute()
    const csv = lines.join('\n')
    expect(Buffer.byteLength(csv)).toBeGreaterThan(50_000)
    const r = await uploadCsv(w.devices.trainer, DEMO_CLASS_ID, csv)
    expect(r.status, r.text.slice(0, 200)).toBe(200)
    expect(r.body.added).toHaveLength(1000)
    expect(await membersOf(DEMO_CLASS_ID)).toHaveLength(1002)
  })
})
