import { describe, expect, it } from 'vitest'
import { addMembers, addTrainers, removeMember, removeTrainer, updateClass } from './api.ts'

/** The calls that change a class, against canned answers shaped as server/classes gives them. */

const json = (status: number, body: unknown) => async () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

const detail = {
  class: {
    id: 'k',
    name: '新名',
    routeId: 'yanan-two-day',
    sceneIds: [],
    startsOn: '2026-06-01',
    endsOn: '2026-06-03',
    createdBy: 't',
    relation: 'trainer',
  },
  trainers: [{ id: 't', displayName: '张老师' }],
  members: [{ id: 'm', displayName: '李红梅', memberNumber: null, branch: null }],
}

describe('changing a class', () => {
  it('takes a removal’s empty 204 as done, and a failed fetch as offline', async () => {
    const calls: [string, RequestInit | undefined][] = []
    const got = await removeMember('k', 'm 1', (async (url: string, init?: RequestInit) => {
      calls.push([url, init])
      return new Response(null, { status: 204 })
    }) as typeof fetch)
    expect(got).toEqual({ ok: true, value: true })
    expect(calls[0]?.[0]).toBe('/api/classes/k/members/m%201')
    expect(calls[0]?.[1]?.method).toBe('DELETE')
    const offline = (async () => {
      throw new TypeError('Failed to fetch')
    }) as typeof fetch
    expect(await removeMember('k', 'm', offline)).toEqual({ ok: false, kind: 'offline' })
  })

  it('answers the class as changed, and the field the server refuses', async () => {
    const changed = await updateClass('k', { name: '新名' }, json(200, detail))
    expect(changed.ok && [changed.value.class.name, changed.value.members.length]).toEqual(['新名', 1])
    const refused = await updateClass(
      'k',
      { endsOn: '2026-05-01' },
      json(400, { error: { code: 'invalid', message: 'is before startsOn', path: 'endsOn' } }),
    )
    expect(refused).toMatchObject({
      ok: false,
      kind: 'invalid',
      field: 'endsOn',
      message: 'is before startsOn',
    })
    const added = await addMembers('k', ['m'], json(200, detail))
    expect(added.ok && added.value.members.map((m) => m.id)).toEqual(['m'])
  })

  it("sends a class's trainers to add, and the one to remove; the last one refused says where", async () => {
    const calls: [string, RequestInit | undefined][] = []
    const recording = (answer: () => Promise<Response>) =>
      (async (url: string, init?: RequestInit) => {
        calls.push([url, init])
        return answer()
      }) as typeof fetch
    const added = await addTrainers('k', ['t2'], recording(json(200, detail)))
    expect(added.ok && added.value.trainers.map((t) => t.id)).toEqual(['t'])
    expect(calls[0]?.[0]).toBe('/api/classes/k/trainers')
    expect(JSON.parse(String(calls[0]?.[1]?.body))).toEqual({ trainerIds: ['t2'] })
    const last = await removeTrainer(
      'k',
      't 1',
      recording(
        json(400, {
          error: { code: 'invalid', message: 'a class keeps at least one trainer', path: 'userId' },
        }),
      ),
    )
    expect(calls[1]?.[0]).toBe('/api/classes/k/trainers/t%201')
    expect(calls[1]?.[1]?.method).toBe('DELETE')
    expect(last).toMatchObject({ ok: false, kind: 'invalid', field: 'userId' })
  })
})
