import type { SecureContextOptions } from 'node:tls'
import WebSocket from 'ws'
import type { GuideCommand } from '../../src/domain/guide/commands.ts'
import { GUIDE_WS_PATH, parseServerMessage, type ServerMessage } from '../../src/domain/guide/messages.ts'

/**
 * A guided-mode connection as a test sees it: a real WebSocket (the `ws` client) to a real
 * server, carrying the session cookie of a logged-in test device and the page's Origin, like a
 * browser tab. Messages are kept in arrival order; `next` waits for the first unread one that
 * matches, so a test reads like a conversation.
 */
type Msg<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>

export interface HandshakeOptions {
  /** The page's origin; null sends none. Defaults to the server's own. */
  readonly origin?: string | null
  readonly path?: string
  /** Trust for an https server with a self-signed certificate. */
  readonly ca?: SecureContextOptions['ca']
}

function socketOf(baseUrl: string, cookies: ReadonlyMap<string, string>, o: HandshakeOptions) {
  const url = new URL(o.path ?? GUIDE_WS_PATH, baseUrl)
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:'
  const headers: Record<string, string> = {}
  if (cookies.size > 0) headers.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  const origin = o.origin === undefined ? new URL(baseUrl).origin : o.origin
  if (origin !== null) headers.origin = origin
  return new WebSocket(url, { headers, ...(o.ca ? { ca: o.ca } : {}) })
}

/** The HTTP status a refused handshake gets (101 when it is accepted). */
export function handshakeStatus(
  baseUrl: string,
  cookies: ReadonlyMap<string, string>,
  o: HandshakeOptions = {},
): Promise<number> {
  const ws = socketOf(baseUrl, cookies, o)
  return new Promise((resolve, reject) => {
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0)
      ws.terminate()
    })
    ws.on('open', () => {
      resolve(101)
      ws.close()
    })
    ws.on('error', (e) => reject(e))
  })
}

export class GuideConn {
  readonly received: ServerMessage[] = []
  private waiters: (() => void)[] = []
  closeCode: number | undefined

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const parsed = parseServerMessage(data.toString())
      if (!parsed.ok) throw new Error(`the server sent a message off the protocol: ${data.toString()}`)
      this.received.push(parsed.message)
      for (const w of this.waiters.splice(0)) w()
    })
    ws.on('close', (code) => {
      this.closeCode = code
      for (const w of this.waiters.splice(0)) w()
    })
  }

  static open(
    baseUrl: string,
    cookies: ReadonlyMap<string, string>,
    o: HandshakeOptions = {},
  ): Promise<GuideConn> {
    const ws = socketOf(baseUrl, cookies, o)
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new GuideConn(ws)))
      ws.once('unexpected-response', (_req, res) => reject(new Error(`handshake refused: ${res.statusCode}`)))
      ws.once('error', reject)
    })
  }

  send(message: unknown) {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message))
  }

  subscribe(classId: string) {
    this.send({ type: 'subscribe', classId })
    return this.next('subscribed', (m) => m.classId === classId)
  }

  command(classId: string, command: GuideCommand, ref = `r${Math.random().toString(36).slice(2, 8)}`) {
    this.send({ type: 'command', classId, ref, command })
    return ref
  }

  /** The first unread message of a type (and matching `where`), waiting up to `timeoutMs`. */
  async next<T extends ServerMessage['type']>(
    type: T,
    where: (m: Msg<T>) => boolean = () => true,
    // Generous: a shared CI machine can stall a second or two; a message that never comes
    // still fails the test.
    timeoutMs = 5000,
  ): Promise<Msg<T>> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      for (let i = 0; i < this.received.length; i++) {
        const m = this.received[i] as ServerMessage
        if (m.type === type && where(m as Msg<T>)) {
          this.received.splice(i, 1)
          return m as Msg<T>
        }
      }
      const left = deadline - Date.now()
      if (left <= 0 || this.closeCode !== undefined)
        throw new Error(
          `no ${type} message within ${timeoutMs} ms (closed: ${this.closeCode ?? 'no'}); got ${JSON.stringify(this.received)}`,
        )
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left)
        this.waiters.push(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
  }

  /** Waits for the connection to close; its close code. */
  async closed(timeoutMs = 3000): Promise<number> {
    const deadline = Date.now() + timeoutMs
    while (this.closeCode === undefined && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
    if (this.closeCode === undefined) throw new Error('the connection stayed open')
    return this.closeCode
  }

  close() {
    this.ws.close()
  }
}
