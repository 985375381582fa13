import { describe, expect, it } from 'vitest'
import type { CommandEvent, GuideCommand } from '../../domain/guide/commands.ts'
import type { ServerMessage } from '../../domain/guide/messages.ts'
import type { SocketEvents, SocketLike } from '../../platform/guide/guide-socket.ts'
import { GuideController } from './guide-controller.ts'

/** The controller against a hand-driven socket: what it sends, and what followers hear. */
function setup() {
  const sockets: { events: SocketEvents; sent: unknown[]; isOpen: boolean }[] = []
  const changed: string[] = []
  const controller = new GuideController({
    url: 'wss://t/api/guide/ws',
    openSocket: (_url, events): SocketLike => {
      const s = { events, sent: [] as unknown[], isOpen: false }
      sockets.push(s)
      return {
        get isOpen() {
          return s.isOpen
        },
        send: (d) => s.sent.push(JSON.parse(d)),
        close: () => {
          s.isOpen = false
        },
      }
    },
    recordsChanged: (id) => changed.push(id),
  })
  const heard: [number, boolean][] = []
  controller.onFollow((e, replayed) => heard.push([e.seq, replayed]))
  const socket = () => sockets.at(-1) as (typeof sockets)[number]
  const connect = () => {
    controller.setOnline(true)
    socket().isOpen = true
    socket().events.onOpen()
  }
  const server = (m: ServerMessage) => socket().events.onMessage(JSON.stringify(m))
  const acks = () => socket().sent.filter((m) => (m as { type: string }).type === 'ack')
  return { controller, sockets, socket, connect, server, acks, heard, changed }
}

const event = (seq: number, command: GuideCommand): CommandEvent => ({
  id: `e${seq}`,
  classId: 'c1',
  seq,
  at: new Date().toISOString(),
  issuer: { id: 't1', displayName: '张老师' },
  command,
})

describe('GuideController', () => {
  it('connects only when online with something to follow, and subscribes to it', () => {
    const h = setup()
    h.controller.setOnline(true)
    expect(h.sockets).toHaveLength(0)
    h.controller.setOwnClasses([{ id: 'c1', routeId: 'yanan-two-day' }])
    h.socket().isOpen = true
    h.socket().events.onOpen()
    expect(h.socket().sent).toEqual([{ type: 'subscribe', classId: 'c1' }])
    expect(h.controller.routeOf('c1')).toBe('yanan-two-day')
  })

  it('hands each command to followers once, replayed ones marked', () => {
    const h = setup()
    h.controller.setOwnClasses([{ id: 'c1', routeId: null }])
    h.connect()
    const gather = event(1, { type: 'gather', siteId: 'zaoyuan' })
    h.server({ type: 'subscribed', classId: 'c1', role: 'follow', seq: 1, active: [gather] })
    const lesson = event(2, { type: 'start-lesson', lessonId: 'l' })
    h.server({ type: 'command', event: lesson })
    // The same state again after a reconnection: nothing heard twice.
    h.server({ type: 'subscribed', classId: 'c1', role: 'follow', seq: 2, active: [lesson] })
    expect(h.heard).toEqual([
      [1, true],
      [2, false],
    ])
  })

  it("acknowledges only once the class's current place is followed; a pause rides along", () => {
    const h = setup()
    h.controller.setOwnClasses([{ id: 'c1', routeId: null }])
    h.connect()
    const scene = event(1, { type: 'vr-scene', sceneId: 'oath-hall' })
    h.server({ type: 'subscribed', classId: 'c1', role: 'follow', seq: 1, active: [scene] })
    const pause = event(2, { type: 'vr-pause', paused: true })
    h.server({ type: 'command', event: pause })
    h.controller.followed(pause)
    expect(h.acks()).toEqual([])
    h.controller.followed(scene)
    expect(h.acks()).toEqual([{ type: 'ack', classId: 'c1', seq: 2 }])

    // A new connection: the server forgot, so the app says it again by itself.
    h.socket().events.onClose(1006)
    h.connect()
    h.server({ type: 'subscribed', classId: 'c1', role: 'follow', seq: 2, active: [scene, pause] })
    expect(h.acks()).toEqual([{ type: 'ack', classId: 'c1', seq: 2 }])
  })

  it('leads: resolves a command on `sent` or with the error, keeps presence, passes on nudges', async () => {
    const h = setup()
    const release = h.controller.lead('c1')
    h.connect()
    h.server({ type: 'subscribed', classId: 'c1', role: 'lead', seq: 0, active: [] })
    const sending = h.controller.command('c1', { type: 'end' })
    const ref = (h.socket().sent.at(-1) as { ref: string }).ref
    h.server({ type: 'sent', ref, eventId: 'e1' })
    expect(await sending).toEqual({ ok: true, eventId: 'e1' })
    const refused = h.controller.command('c1', { type: 'gather', siteId: 'nope' })
    const ref2 = (h.socket().sent.at(-1) as { ref: string }).ref
    h.server({ type: 'error', code: 'invalid_command', message: 'no', ref: ref2, field: 'command.siteId' })
    expect(await refused).toMatchObject({ ok: false, code: 'invalid_command' })

    const people = [
      { userId: 'm1', displayName: '李红梅', role: 'follow' as const, connections: 1, ackedSeq: 0 },
    ]
    h.server({ type: 'presence', classId: 'c1', seq: 0, people })
    expect(h.controller.getSnapshot().classes.get('c1')?.presence).toEqual(people)
    h.server({ type: 'records-changed', classId: 'c1' })
    expect(h.changed).toEqual(['c1'])
    expect(h.heard).toEqual([])

    release()
    expect(h.controller.getSnapshot().link.kind).toBe('stopped')
    expect(await h.controller.command('c1', { type: 'end' })).toMatchObject({ ok: false, code: 'offline' })
  })
})
