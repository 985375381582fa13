import { describe, expect, it } from 'vitest'
import type { ServerMessage } from '../../domain/guide/messages.ts'
import {
  DEAD_AFTER_MS,
  type GuideLinkState,
  GuideSocket,
  guideUrl,
  PING_EVERY_MS,
  type SocketEvents,
  type SocketLike,
} from './guide-socket.ts'

/** A socket the test opens, feeds and closes by hand; timers run when the test advances the clock. */
class FakeSocket implements SocketLike {
  isOpen = false
  sent: unknown[] = []
  closedWith: number | undefined
  constructor(private readonly events: SocketEvents) {}
  send(data: string) {
    this.sent.push(JSON.parse(data))
  }
  close(code = 1000) {
    this.closedWith = code
    this.isOpen = false
  }
  accept() {
    this.isOpen = true
    this.events.onOpen()
  }
  receive(message: ServerMessage) {
    this.events.onMessage(JSON.stringify(message))
  }
  raw(data: unknown) {
    this.events.onMessage(data)
  }
  drop(code = 1006) {
    this.isOpen = false
    this.events.onClose(code)
  }
}

function harness() {
  let now = 0
  const timers: { at: number; fn: () => void; id: number }[] = []
  let nextId = 1
  const sockets: FakeSocket[] = []
  const states: GuideLinkState[] = []
  const received: ServerMessage[] = []
  const socket = new GuideSocket({
    url: 'wss://example.test/api/guide/ws',
    open: (_url, events) => {
      const s = new FakeSocket(events)
      sockets.push(s)
      return s
    },
    onMessage: (m) => received.push(m),
    onState: (s) => states.push(s),
    now: () => now,
    random: () => 0.5,
    setTimer: (fn, ms) => {
      const id = nextId++
      timers.push({ at: now + ms, fn, id })
      return id
    },
    clearTimer: (id) => {
      const i = timers.findIndex((t) => t.id === id)
      if (i >= 0) timers.splice(i, 1)
    },
  })
  const advance = (ms: number) => {
    const until = now + ms
    for (;;) {
      timers.sort((a, b) => a.at - b.at)
      const t = timers[0]
      if (!t || t.at > until) break
      timers.shift()
      now = t.at
      t.fn()
    }
    now = until
  }
  return { socket, sockets, states, received, advance, last: () => sockets.at(-1) as FakeSocket }
}

describe('GuideSocket', () => {
  it('subscribes to its classes once open, and changes subscriptions as they change', () => {
    const h = harness()
    h.socket.setClasses(['c1', 'c2'])
    h.socket.start()
    h.last().accept()
    expect(h.last().sent).toEqual([
      { type: 'subscribe', classId: 'c1' },
      { type: 'subscribe', classId: 'c2' },
    ])
    h.socket.setClasses(['c2', 'c3'])
    expect(h.last().sent.slice(2)).toEqual([
      { type: 'subscribe', classId: 'c3' },
      { type: 'unsubscribe', classId: 'c1' },
    ])
  })

  it('reconnects with backoff (1 s, 2 s, 4 s …) and subscribes again', () => {
    const h = harness()
    h.socket.setClasses(['c1'])
    h.socket.start()
    h.last().accept()
    h.last().drop()
    expect(h.states.at(-1)).toMatchObject({ kind: 'retrying', attempt: 1 })
    h.advance(999)
    expect(h.sockets).toHaveLength(1)
    h.advance(1)
    expect(h.sockets).toHaveLength(2)
    h.last().drop()
    h.advance(1999)
    expect(h.sockets).toHaveLength(2)
    h.advance(1)
    h.last().accept()
    expect(h.last().sent).toEqual([{ type: 'subscribe', classId: 'c1' }])
    expect(h.states.at(-1)).toEqual({ kind: 'open' })
  })

  it('stops retrying when the server ends the session', () => {
    const h = harness()
    h.socket.setClasses(['c1'])
    h.socket.start()
    h.last().accept()
    h.last().drop(4401)
    h.advance(120_000)
    expect(h.sockets).toHaveLength(1)
    expect(h.states.at(-1)).toEqual({ kind: 'session-ended' })
  })

  it('pings, and drops a connection that has gone silent', () => {
    const h = harness()
    h.socket.start()
    h.last().accept()
    h.advance(PING_EVERY_MS)
    expect(h.last().sent).toEqual([{ type: 'ping' }])
    h.last().receive({ type: 'pong' })
    h.advance(DEAD_AFTER_MS)
    expect(h.sockets).toHaveLength(1)
    h.advance(PING_EVERY_MS * 2)
    expect(h.sockets[0]?.closedWith).toBe(4000)
    // …and a new connection follows after the first retry delay.
    expect(h.states.map((s) => s.kind)).toContain('retrying')
    expect(h.sockets).toHaveLength(2)
  })

  it('hands on what the server says, skipping anything off the protocol, and sends nothing while closed', () => {
    const h = harness()
    expect(h.socket.send({ type: 'ping' })).toBe(false)
    h.socket.start()
    h.last().raw('{"type":"launch"}')
    h.last().receive({ type: 'records-changed', classId: 'c1' })
    expect(h.received).toEqual([{ type: 'records-changed', classId: 'c1' }])
  })

  it('uses wss on an https page', () => {
    expect(guideUrl({ protocol: 'https:', host: '192.168.1.20:8443' })).toBe(
      'wss://192.168.1.20:8443/api/guide/ws',
    )
    expect(guideUrl({ protocol: 'http:', host: 'localhost:8080' })).toBe('ws://localhost:8080/api/guide/ws')
  })
})
