import { describe, expect, it } from 'vitest'
import { type MarkStorage, OWED_LOGOUT_KEY, OwedLogout } from './owed-logout.ts'

/**
 * The owed logout against a stand-in for the server's POST /api/auth/logout, whose answer each
 * test sets: down (the request fails), a Wi-Fi sign-in page, the server's 204, or its 401. A new
 * OwedLogout on the same storage is the app started again.
 */
type Answer = 'down' | 'sign-in-page' | 'ended' | 'already-gone'

function fakeServer(answer: Answer = 'down') {
  const server = { answer, requests: 0, held: [] as (() => void)[], holding: false }
  const doFetch = (async (url: RequestInfo | URL, init?: RequestInit) => {
    expect(String(url)).toBe('/api/auth/logout')
    expect(init?.method).toBe('POST')
    server.requests++
    // Answered as the server was when the request was issued.
    const now = server.answer
    if (server.holding) await new Promise<void>((resolve) => server.held.push(resolve))
    if (now === 'down') throw new TypeError('Failed to fetch')
    if (now === 'sign-in-page')
      return new Response('<html>请先登录 Wi-Fi</html>', {
        status: 200,
        headers: { 'content-type': 'text/html' },
      })
    if (now === 'ended') return new Response(null, { status: 204 })
    return new Response('{"error":{"code":"unauthenticated"}}', {
      status: 401,
      headers: { 'content-type': 'application/json' },
    })
  }) as typeof fetch
  return { server, doFetch }
}

function memoryStorage(): MarkStorage & { map: Map<string, string> } {
  const map = new Map<string, string>()
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  }
}

function device(storage: MarkStorage | null, doFetch: typeof fetch, offline = () => false) {
  return new OwedLogout({ storage, doFetch, offline })
}

describe('OwedLogout', () => {
  it('online: the logout is sent and nothing stays owed', async () => {
    const { doFetch } = fakeServer('ended')
    const storage = memoryStorage()
    expect(await device(storage, doFetch).logOut()).toBe('sent')
    expect(storage.map.size).toBe(0)
  })

  it('offline: owed, kept across a restart, sent by the started app once the server answers', async () => {
    const { server, doFetch } = fakeServer('down')
    const storage = memoryStorage()
    expect(await device(storage, doFetch).logOut()).toBe('owed')

    const restarted = device(storage, doFetch)
    expect(restarted.owed()).toBe(true)
    expect(await restarted.send()).toBe('owed')
    server.answer = 'ended'
    expect(await restarted.send()).toBe('sent')
    expect(restarted.owed()).toBe(false)
    expect(await restarted.send()).toBe('none')
    expect(server.requests).toBe(3)
  })

  it('no request at all while the browser knows it is offline', async () => {
    const { server, doFetch } = fakeServer('ended')
    const phone = device(memoryStorage(), doFetch, () => true)
    expect(await phone.logOut()).toBe('owed')
    expect(server.requests).toBe(0)
  })

  it('a Wi-Fi sign-in page ends nothing; a 401 means the session had already ended', async () => {
    const { server, doFetch } = fakeServer('sign-in-page')
    const phone = device(memoryStorage(), doFetch)
    expect(await phone.logOut()).toBe('owed')
    server.answer = 'already-gone'
    expect(await phone.send()).toBe('sent')
    expect(phone.owed()).toBe(false)
  })

  it('a hanging request: the button stops waiting, the late answer still clears the mark', async () => {
    const { server, doFetch } = fakeServer('ended')
    server.holding = true
    const phone = device(memoryStorage(), doFetch)
    expect(await phone.logOut(10)).toBe('owed')
    // Start-up and the network returning at once share the request in flight.
    const again = phone.send()
    expect(server.requests).toBe(1)
    for (const release of server.held) release()
    expect(await again).toBe('sent')
    expect(phone.owed()).toBe(false)
  })

  it('a late answer for an earlier logout does not clear the next member’s owed logout', async () => {
    const { server, doFetch } = fakeServer('down')
    const storage = memoryStorage()
    const phone = device(storage, doFetch)
    await phone.logOut()
    server.answer = 'ended'
    server.holding = true
    const first = phone.send()
    // Meanwhile the next member logged in and logged out offline on this phone.
    storage.setItem(OWED_LOGOUT_KEY, 'the-next-members-mark')
    for (const release of server.held) release()
    expect(await first).toBe('sent')
    expect(storage.getItem(OWED_LOGOUT_KEY)).toBe('the-next-members-mark')
  })

  it('storage refused: the page keeps the owed logout in memory', async () => {
    const { server, doFetch } = fakeServer('down')
    const full: MarkStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError')
      },
      removeItem: () => {},
    }
    const phone = device(full, doFetch)
    expect(await phone.logOut()).toBe('owed')
    expect(phone.owed()).toBe(true)
    server.answer = 'ended'
    expect(await phone.send()).toBe('sent')
    expect(phone.owed()).toBe(false)
  })
})
