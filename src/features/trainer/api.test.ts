import { describe, expect, it } from 'vitest'
import { createClass, fetchClass, fetchCoverage, uploadRoster } from './api.ts'

/** The trainer API client against canned answers shaped as server/classes and server/coverage give them. */

const answer =
  (status: number, body: unknown, type = 'application/json') =>
  async () =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'content-type': type },
    })

describe('trainer api', () => {
  it('reads a class with its members’ branch and member number', async () => {
    const got = await fetchClass(
      'k',
      answer(200, {
        class: {
          id: 'k',
          name: '班',
          routeId: null,
          sceneIds: ['oath-hall'],
          startsOn: '2026-05-01',
          endsOn: '2026-05-01',
          createdBy: null,
          relation: 'trainer',
        },
        trainers: [{ id: 't', displayName: '张老师' }],
        members: [
          { id: 'm', displayName: '李红梅', memberNumber: 'YA-1', branch: { id: 'b', name: '一支部' } },
        ],
      }),
    )
    expect(got.ok && got.value.members).toEqual([
      { id: 'm', displayName: '李红梅', memberNumber: 'YA-1', branchId: 'b', branchName: '一支部' },
    ])
    expect(got.ok && got.value.class).toMatchObject({
      sceneIds: ['oath-hall'],
      memberCount: 1,
      relation: 'trainer',
    })
  })

  it('tells offline, a captive portal, logged out, not found and a field error apart', async () => {
    const offline = async () => {
      throw new TypeError('Failed to fetch')
    }
    expect(await fetchClass('k', offline)).toEqual({ ok: false, kind: 'offline' })
    expect(await fetchClass('k', answer(200, '<html>Wi-Fi</html>', 'text/html'))).toEqual({
      ok: false,
      kind: 'offline',
    })
    expect(
      await fetchClass('k', answer(401, { error: { code: 'unauthenticated', message: 'log in' } })),
    ).toEqual({
      ok: false,
      kind: 'logged-out',
    })
    expect((await fetchClass('k', answer(404, { error: { code: 'not_found', message: '' } }))).ok).toBe(false)
    const refused = await createClass(
      {
        name: 'x',
        routeId: null,
        sceneIds: [],
        startsOn: '2026-05-01',
        endsOn: '2026-04-01',
        trainerIds: [],
        memberIds: [],
      },
      answer(400, { error: { code: 'invalid', message: 'is before startsOn', path: 'endsOn' } }),
    )
    expect(refused).toMatchObject({
      ok: false,
      kind: 'invalid',
      field: 'endsOn',
      message: 'is before startsOn',
    })
  })

  it('lists a refused roster file’s problems by line', async () => {
    const got = await uploadRoster(
      'k',
      new Blob(['姓名,党员编号\n']),
      answer(400, {
        error: {
          code: 'invalid',
          message: '1 problem(s)',
          path: 'roster',
          problems: [
            {
              line: 2,
              code: 'unknown_member_number',
              column: 'member_number',
              values: {},
              message: 'names no account',
            },
            { line: 3, message: 'from a server before the codes' },
          ],
        },
      }),
    )
    expect(got).toMatchObject({
      ok: false,
      kind: 'invalid',
      problems: [
        {
          line: 2,
          code: 'unknown_member_number',
          column: 'member_number',
          values: {},
          message: 'names no account',
        },
        { line: 3, code: null, column: null, values: {}, message: 'from a server before the codes' },
      ],
    })
  })

  it('reads coverage per branch, members without a branch last', async () => {
    const counts = { members: 4, attendedClass: 2, completedRoute: 1, vrLesson: 1, any: 3 }
    const got = await fetchCoverage(
      '2026-01-01',
      '2026-06-30',
      answer(200, {
        period: { from: '2026-01-01', to: '2026-06-30' },
        branches: [{ branchId: 'b', branchName: '一支部', ...counts }],
        noBranch: { ...counts, members: 1, any: 0 },
        totals: { ...counts, members: 5 },
      }),
    )
    expect(got.ok && got.value.rows.map((r) => [r.branchName, r.members, r.any])).toEqual([
      ['一支部', 4, 3],
      [null, 1, 0],
    ])
    expect(got.ok && got.value.totals.members).toBe(5)
  })

  it('reads the untrained members of each branch, and none from a server that does not send them', async () => {
    const counts = { members: 2, attendedClass: 1, completedRoute: 0, vrLesson: 0, any: 1 }
    const person = { displayName: '王建国', username: 'member2', memberNumber: 'YA-2024-0002' }
    const got = await fetchCoverage(
      '2026-01-01',
      '2026-06-30',
      answer(200, {
        period: { from: '2026-01-01', to: '2026-06-30' },
        branches: [
          { branchId: 'b', branchName: '一支部', ...counts, untrained: [person, { username: 'x' }] },
          { branchId: 'c', branchName: '二支部', ...counts },
        ],
        noBranch: {
          ...counts,
          untrained: [{ displayName: '流动党员', username: 'loose', memberNumber: null }],
        },
        totals: { ...counts, members: 6 },
      }),
    )
    expect(got.ok && got.value.rows.map((r) => r.untrained)).toEqual([
      [person],
      [],
      [{ displayName: '流动党员', username: 'loose', memberNumber: null }],
    ])
  })
})
