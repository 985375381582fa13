import { describe, expect, it } from 'vitest'
import { fetchLearningEffect } from './effect-api.ts'

/** The screen's one call, against answers a real network can give: fetch is the boundary. */

const json = (status: number, body: unknown) => async () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

const answer = {
  classId: 'c1',
  className: '延安班',
  contentVersion: 'abc',
  memberCount: 2,
  futureField: true,
  lessons: [
    {
      lessonId: 'l1',
      title: { zh: '课' },
      membersWithPost: 1,
      questions: [
        {
          questionId: 'q1',
          number: 1,
          kind: 'single',
          prompt: { zh: '问' },
          post: { attempts: 1, correct: 0, share: 0 },
          pre: null,
        },
      ],
      prePost: null,
    },
  ],
}

describe('fetchLearningEffect', () => {
  it('reads the answer, welcoming fields a newer server adds', async () => {
    const r = await fetchLearningEffect('c1', json(200, answer))
    expect(r.kind).toBe('ok')
    expect(r.kind === 'ok' && r.value.lessons[0]?.questions[0]?.questionId).toBe('q1')
  })

  it('calls no network failure, a captive portal or a proxy page anything but offline', async () => {
    const down = async () => {
      throw new TypeError('Failed to fetch')
    }
    const portal = async () =>
      new Response('<html>login</html>', { status: 200, headers: { 'content-type': 'text/html' } })
    const proxy = async () => new Response('Bad gateway', { status: 502 })
    for (const f of [down, portal, proxy])
      expect(await fetchLearningEffect('c1', f)).toEqual({ kind: 'offline' })
  })

  it('tells logged out, forbidden, not found and a broken answer apart', async () => {
    const error = { error: { code: 'x', message: 'm' } }
    expect(await fetchLearningEffect('c1', json(401, error))).toEqual({ kind: 'logged-out' })
    expect(await fetchLearningEffect('c1', json(403, error))).toEqual({ kind: 'forbidden' })
    expect(await fetchLearningEffect('c1', json(404, error))).toEqual({ kind: 'not-found' })
    expect(await fetchLearningEffect('c1', json(500, error))).toEqual({ kind: 'error', status: 500 })
    expect(await fetchLearningEffect('c1', json(200, { lessons: 'no' }))).toEqual({
      kind: 'error',
      status: 200,
    })
  })

  it('asks for the class by its id, escaped', async () => {
    let asked = ''
    await fetchLearningEffect('a/b', async (url) => {
      asked = String(url)
      throw new TypeError('offline')
    })
    expect(asked).toBe('/api/classes/a%2Fb/learning-effect')
  })
})
