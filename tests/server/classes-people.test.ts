/**
 * Why: a trainer picks the members and co-trainers of a class from a search, by branch, by
 * name or by 党员编号. The search must find what a person types (including characters that are
 * wildcards in SQL), hide disabled accounts, and stay closed to members.
 */
import { describe, expect, it } from 'vitest'
import { buildClassWorld, type ClassWorld } from './classes-world.ts'
import { DATABASES, serverPerTest } from './harness.ts'

describe.each(DATABASES)('people and branches on %s', (dbKind) => {
  const startServer = serverPerTest(dbKind)
  let w: ClassWorld
  const start = async () => {
    w = await buildClassWorld(await startServer())
  }
  const ids = (r: { body: { people: { id: string }[] } }) => r.body.people.map((p) => p.id).sort()

  it('filters by role, branch and a piece of name or member number', async () => {
    await start()
    const members = await w.devices.trainer.request('GET', '/api/people?role=member')
    expect(members.status, members.text).toBe(200)
    expect(ids(members)).toEqual(['demo-member1', 'demo-member2', 'member3'])
    expect(members.body.people.find((p: { id: string }) => p.id === 'member3')).toEqual({
      id: 'member3',
      displayName: '赵三',
      role: 'member',
      memberNumber: 'YA-2024-0003',
      branch: { id: expect.any(String), name: '延安市直机关第二党支部' },
    })
    const branchId = members.body.people.find((p: { id: string }) => p.id === 'member3').branch.id
    expect(ids(await w.devices.trainer.request('GET', `/api/people?role=member&branch=${branchId}`))).toEqual(
      ['demo-member2', 'member3'],
    )
    expect(
      ids(await w.devices.trainer.request('GET', `/api/people?q=${encodeURIComponent('红梅')}`)),
    ).toEqual(['demo-member1'])
    expect(ids(await w.devices.trainer.request('GET', '/api/people?q=ya-2024-000'))).toEqual([
      'demo-member1',
      'demo-member2',
      'member3',
    ])
    expect(ids(await w.devices.admin.request('GET', '/api/people?role=trainer'))).toEqual([
      'demo-trainer1',
      'trainer2',
    ])
  })

  it('treats % and _ as the characters typed, not as wildcards', async () => {
    await start()
    expect(ids(await w.devices.trainer.request('GET', '/api/people?q=%25'))).toEqual([])
    expect(ids(await w.devices.trainer.request('GET', '/api/people?q=_'))).toEqual([])
    expect(ids(await w.devices.trainer.request('GET', '/api/people?q=member_'))).toEqual([])
  })

  it('hides disabled accounts and says when the limit cut the list', async () => {
    await start()
    await w.devices.admin.request('POST', '/api/admin/users/member3/disable')
    const r = await w.devices.trainer.request('GET', '/api/people?role=member&limit=1')
    expect(r.body.people).toHaveLength(1)
    expect(r.body.more).toBe(true)
    expect(ids(await w.devices.trainer.request('GET', '/api/people?role=member'))).toEqual([
      'demo-member1',
      'demo-member2',
    ])
    expect((await w.devices.trainer.request('GET', '/api/people?role=boss')).body.error.path).toBe('role')
  })

  it('lists branches with their enabled members', async () => {
    await start()
    const r = await w.devices.trainer.request('GET', '/api/branches')
    expect(r.status).toBe(200)
    expect(r.body.branches.map((b: { name: string; members: number }) => [b.name, b.members])).toEqual([
      ['延安市直机关第二党支部', 2],
      ['延安市直机关第一党支部', 1],
    ])
  })
})
