import { randomUUID } from 'node:crypto'
import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { type RawData, type WebSocket, WebSocketServer } from 'ws'
import {
  GUIDE_MAX_MESSAGE_BYTES,
  GUIDE_WS_PATH,
  parseClientMessage,
} from '../../src/domain/guide/messages.ts'
import type { AppServices, SessionUser } from '../context.ts'
import type { GuideClient } from './hub.ts'
import type { GuideService } from './service.ts'
import { sameOrigin, sessionTokenOf, userOfToken } from './upgrade-auth.ts'

/**
 * The guided-mode WebSocket endpoint, on the app's own port (HTTP or HTTPS: wss then).
 *
 * - Handshake: only /api/guide/ws; same Origin; a live session cookie (upgrade-auth.ts). A
 *   refused handshake gets a plain HTTP status and the socket is closed.
 * - Limits: frames over 4 KiB close the connection (1009); more than {@link MESSAGES_PER_WINDOW}
 *   messages in {@link WINDOW_MS} are refused with `rate_limited`, and a flood four times that
 *   closes it (1008); at most {@link CONNECTIONS_PER_USER} connections per user per process.
 * - Liveness: a ping every {@link HEARTBEAT_MS}; a connection that did not answer the previous
 *   one is dead (a phone that left the building) and is dropped, which updates the presence
 *   list. Logging out, signing the device out or disabling the account ends the connection at
 *   once (4401, through GuideNotifier.sessionsEnded); the session is also checked again at each
 *   beat, for a session ended elsewhere (an admin command, expiry).
 * - Order: a connection's messages are handled one after another.
 */
export const HEARTBEAT_MS = 25_000
const WINDOW_MS = 10_000
const MESSAGES_PER_WINDOW = 60
const CONNECTIONS_PER_USER = 10
export const CLOSE_SESSION_ENDED = 4401

type Services = Pick<AppServices, 'db' | 'now' | 'config' | 'log'>

interface Connection extends GuideClient {
  readonly ws: WebSocket
  readonly token: string
  closed: boolean
  alive: boolean
  window: { start: number; count: number }
  queue: Promise<void>
}

function refuse(socket: Duplex, status: number, reason: string) {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
  socket.destroy()
}

export interface GuideSocket {
  /** Closes every connection (1001, going away). */
  close(): Promise<void>
  connectionCount(): number
}

export function attachGuideSocket(server: Server, service: GuideService, s: Services): GuideSocket {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: GUIDE_MAX_MESSAGE_BYTES,
    perMessageDeflate: false,
  })
  const connections = new Set<Connection>()
  const perUser = new Map<string, number>()

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy())
    const path = new URL(req.url ?? '/', 'http://localhost').pathname
    if (path !== GUIDE_WS_PATH) return refuse(socket, 404, 'Not Found')
    if (!sameOrigin(req, s.config.trustProxy)) return refuse(socket, 403, 'Forbidden')
    const token = sessionTokenOf(req.headers.cookie)
    if (!token) return refuse(socket, 401, 'Unauthorized')
    void userOfToken(s, token).then(
      (user) => {
        if (!user) return refuse(socket, 401, 'Unauthorized')
        if ((perUser.get(user.id) ?? 0) >= CONNECTIONS_PER_USER)
          return refuse(socket, 429, 'Too Many Requests')
        wss.handleUpgrade(req, socket, head, (ws) => open(ws, user, token))
      },
      () => refuse(socket, 500, 'Internal Server Error'),
    )
  })

  function open(ws: WebSocket, user: SessionUser, token: string) {
    const c: Connection = {
      id: randomUUID(),
      user,
      ws,
      token,
      closed: false,
      alive: true,
      window: { start: Date.now(), count: 0 },
      queue: Promise.resolve(),
      send(message) {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message))
      },
    }
    connections.add(c)
    perUser.set(user.id, (perUser.get(user.id) ?? 0) + 1)
    s.log('guide.open', { user: user.id })
    ws.on('pong', () => {
      c.alive = true
    })
    ws.on('message', (data: RawData, isBinary: boolean) => receive(c, data, isBinary))
    ws.on('error', () => {})
    ws.on('close', () => {
      if (c.closed) return
      c.closed = true
      connections.delete(c)
      const left = (perUser.get(user.id) ?? 1) - 1
      if (left > 0) perUser.set(user.id, left)
      else perUser.delete(user.id)
      service.disconnected(c)
    })
  }

  function receive(c: Connection, data: RawData, isBinary: boolean) {
    const now = Date.now()
    if (now - c.window.start > WINDOW_MS) c.window = { start: now, count: 0 }
    c.window.count += 1
    if (c.window.count > MESSAGES_PER_WINDOW * 4) return c.ws.close(1008, 'too many messages')
    if (c.window.count > MESSAGES_PER_WINDOW)
      return c.send({ type: 'error', code: 'rate_limited', message: 'too many messages; slow down' })
    const parsed = isBinary
      ? ({ ok: false, field: '', problem: 'must be a JSON text frame' } as const)
      : parseClientMessage(data.toString())
    if (!parsed.ok)
      return c.send({
        type: 'error',
        code: 'bad_message',
        message: `message ${parsed.field ? `${parsed.field} ` : ''}${parsed.problem}`.slice(0, 200),
        ...(parsed.field ? { field: parsed.field } : {}),
      })
    const message = parsed.message
    c.queue = c.queue.then(async () => {
      // Joining a class and commanding it act for the session: a session ended since the last
      // heartbeat (a logout) ends the connection here, not up to 25 s later.
      if ((message.type === 'subscribe' || message.type === 'command') && !(await sessionLives(c))) return
      return service.handle(c, message)
    })
  }

  async function sessionLives(c: Connection): Promise<boolean> {
    const user = await userOfToken(s, c.token).catch(() => undefined)
    if (user && user.id === c.user.id) return true
    c.ws.close(CLOSE_SESSION_ENDED, 'session ended')
    return false
  }

  // A logout or a disabled account, here or on another process: its connections end now.
  const stopListening = service.onSessionsEnded((ended) => {
    for (const c of connections)
      if ('sessionId' in ended ? c.user.sessionId === ended.sessionId : c.user.id === ended.userId)
        c.ws.close(CLOSE_SESSION_ENDED, 'session ended')
  })

  const beat = setInterval(() => {
    for (const c of connections) {
      if (!c.alive) {
        c.ws.terminate()
        continue
      }
      c.alive = false
      c.ws.ping()
      void userOfToken(s, c.token).then(
        (user) => {
          if (!user || user.id !== c.user.id) c.ws.close(CLOSE_SESSION_ENDED, 'session ended')
        },
        () => {},
      )
    }
    service.tick()
    void service
      .recheck()
      .catch((e) => s.log('guide.error', { what: 'recheck', message: String(e).slice(0, 200) }))
  }, HEARTBEAT_MS)
  beat.unref()

  return {
    connectionCount: () => connections.size,
    async close() {
      clearInterval(beat)
      stopListening()
      for (const c of connections) c.ws.close(1001, 'server shutting down')
      // Give the close frames a moment, then cut whatever is left.
      await new Promise((r) => setTimeout(r, 50))
      for (const c of connections) c.ws.terminate()
      await new Promise<void>((resolve) => wss.close(() => resolve()))
    },
  }
}
