import { Agent, request } from 'node:http'
import { performance } from 'node:perf_hooks'
import { parentPort, workerData } from 'node:worker_threads'
import { SESSION_COOKIE } from '../../server/auth/cookies.ts'
import { memberDay, pushTimes } from './plan.ts'
import type { LoadInput, LoadReport, WorkerMessage } from './protocol.ts'
import { Tally } from './tally.ts'

/**
 * The phones of a county on its theme day, in a worker thread so that making requests and
 * reading answers does not share the server's event loop (the server runs in the main thread).
 *
 * Every push is built before the clock starts (bodies ready to write), then sent in the order
 * of the day (sorted by simulated time) by `concurrency` lanes, each with its own keep-alive
 * connection, each lane sending its next push as soon as the last one was answered: the day
 * compressed as far as the server allows; or, with `compress` > 0, each push at its moment of
 * the day played that many times faster (still never more than `concurrency` in flight). The
 * lanes start one after another over `rampMs`. Nothing is retried: any answer but 200 with
 * `created` and no flag for every record counts as an error.
 */

const input = workerData as LoadInput
const port = parentPort
if (!port) throw new Error('load-worker.ts runs as a worker thread')
const post = (m: WorkerMessage) => port.postMessage(m)

interface Planned {
  readonly member: number
  /** Which of the member's pushes this is, from 0. */
  readonly push: number
  /** When the phone pushes in the simulated day (ms since the epoch). */
  readonly atMs: number
  readonly body: Buffer
  readonly ids: readonly string[]
}

function plan(): Planned[] {
  const order: { member: number; push: number; atMs: number }[] = []
  for (let m = 0; m < input.members.length; m++)
    for (const [push, atMs] of pushTimes(input.pack, input.day, m).entries())
      order.push({ member: m, push, atMs })
  order.sort((a, b) => a.atMs - b.atMs || a.member - b.member)
  const days = new Map<number, ReturnType<typeof memberDay>>()
  return order.map(({ member, push, atMs }) => {
    // Each member's day is built once, on its first push, and dropped after its last.
    let day = days.get(member)
    if (!day) {
      day = memberDay(input.pack, input.day, member, (input.members[member] as { id: string }).id)
      days.set(member, day)
    }
    const records = (day.pushes[push] as { records: readonly { id: string }[] }).records
    if (push === day.pushes.length - 1) days.delete(member)
    return {
      member,
      push,
      atMs,
      body: Buffer.from(JSON.stringify({ records })),
      ids: records.map((r) => r.id),
    }
  })
}

const errors = new Tally()
const fail = (kind: string, detail: string) => errors.add(kind, detail)

interface Answer {
  readonly status: number
  readonly text: string
}

const url = new URL(input.url)
/** One keep-alive connection per lane, like one phone per lane at a time. */
const agents = Array.from({ length: input.concurrency }, () => new Agent({ keepAlive: true, maxSockets: 1 }))
let bytesReceived = 0

function send(p: Planned, agent: Agent): Promise<Answer> {
  const token = (input.members[p.member] as { token: string }).token
  return new Promise((resolve, reject) => {
    let answered = false
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: '/api/sync/push',
        timeout: input.timeoutMs,
        headers: {
          'content-type': 'application/json',
          'content-length': p.body.length,
          cookie: `${SESSION_COOKIE}=${token}`,
          // A browser's fetch sends Origin on a POST; the server checks it against Host.
          origin: url.origin,
        },
      },
      (res) => {
        answered = true
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const whole = Buffer.concat(chunks)
          bytesReceived += whole.length
          resolve({ status: res.statusCode ?? 0, text: whole.toString('utf8') })
        })
        res.on('error', reject)
      },
    )
    req.on('timeout', () => {
      const where = `${answered ? 'answer begun' : 'no answer'}, ${req.reusedSocket ? 'reused' : 'new'} connection`
      req.destroy(Object.assign(new Error(`timed out (${where})`), { code: 'TIMEOUT' }))
    })
    req.on('error', reject)
    req.end(p.body)
  })
}

type PushResult = {
  index?: number
  id?: string
  result?: string
  flags?: string[]
  error?: { code?: string }
}

/** Every record must come back `created`, in order, with no verification flag. */
function check(p: Planned, answer: Answer): void {
  let body: { results?: PushResult[]; error?: { code?: string } }
  try {
    body = JSON.parse(answer.text)
  } catch {
    fail(`http-${answer.status}-not-json`, answer.text)
    return
  }
  if (answer.status !== 200) {
    fail(`http-${answer.status}-${body.error?.code ?? 'unknown'}`, answer.text)
    return
  }
  const results = body.results ?? []
  if (results.length !== p.ids.length)
    fail('result-count', `${results.length} results for ${p.ids.length} records`)
  for (const [i, r] of results.entries()) {
    if (r.index !== i || r.id !== p.ids[i]) fail('result-id', JSON.stringify(r))
    else if (r.result !== 'created') fail(`result-${r.result}-${r.error?.code ?? ''}`, JSON.stringify(r))
    else for (const flag of r.flags ?? ['flags-missing']) fail(`flag-${flag}`, JSON.stringify(r))
  }
}

/**
 * A health check on a lane's connection. Before the clock starts it opens the connection: one
 * opened while the server's event loop is saturated can wait tens of seconds to be accepted
 * (reproduced with a bare node:http server; see bench/spike/README.md), which would measure
 * that, not the pushes (`coldConnections` keeps it in the run instead). Until its lane starts,
 * it keeps the connection from idling past the server's keep-alive timeout (5 s), which would
 * close it just as the lane's first push goes out (ECONNRESET).
 */
function health(agent: Agent): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const req = request({ agent, host: url.hostname, port: url.port, path: '/api/health' }, (res) => {
      res.resume()
      res.on('end', () =>
        res.statusCode === 200 ? resolve() : reject(new Error(`health ${res.statusCode}`)),
      )
    })
    req.on('error', reject)
    req.end()
  })
}

const planned = plan()
const latencies = new Float64Array(planned.length)
const records = planned.reduce((n, p) => n + p.ids.length, 0)
if (!input.coldConnections) await Promise.all(agents.map(health))
post({ type: 'ready', requests: planned.length, records })

port.once('message', async () => {
  const elu = performance.eventLoopUtilization()
  const started = performance.now()
  const deadline = started + input.deadlineMs
  const firstAtMs = planned[0]?.atMs ?? 0
  let next = 0
  let done = 0
  let inFlight = 0
  let peakInFlight = 0
  const progress = setInterval(
    () => post({ type: 'progress', done, total: planned.length, inFlight, errors: { ...errors.counts } }),
    input.progressEveryMs,
  )

  async function lane(k: number) {
    const agent = agents[k] as Agent
    const startAt = started + (input.rampMs * k) / input.concurrency
    for (let now = performance.now(); now < startAt; now = performance.now()) {
      await new Promise((r) => setTimeout(r, Math.min(1000, startAt - now)))
      if (!input.coldConnections && performance.now() < startAt)
        await health(agent).catch((e) =>
          fail(`keep-warm-${(e as { code?: string }).code ?? 'unknown'}`, String(e)),
        )
    }
    while (next < planned.length && performance.now() < deadline) {
      const i = next++
      const p = planned[i] as Planned
      // With `compress`, the push waits for its moment of the day, played `compress` times faster.
      const due = input.compress > 0 ? started + (p.atMs - firstAtMs) / input.compress : 0
      if (due > performance.now()) await new Promise((r) => setTimeout(r, due - performance.now()))
      inFlight++
      peakInFlight = Math.max(peakInFlight, inFlight)
      const t = performance.now()
      try {
        check(p, await send(p, agent))
      } catch (e) {
        const code = (e as { code?: string }).code ?? 'unknown'
        fail(
          `socket-${code}`,
          `${String(e)}: push ${p.push} of member ${p.member}, sent ${(t - started).toFixed(0)} ms in`,
        )
      }
      latencies[i] = performance.now() - t
      inFlight--
      done++
    }
  }
  await Promise.all(Array.from({ length: input.concurrency }, (_, k) => lane(k)))
  const seconds = (performance.now() - started) / 1000
  clearInterval(progress)
  if (done < planned.length) fail('not-sent-deadline', `${planned.length - done} pushes not sent in time`)
  for (const agent of agents) agent.destroy()
  const sent = planned.slice(0, done)
  const report: LoadReport = {
    requests: done,
    records: sent.reduce((n, p) => n + p.ids.length, 0),
    plannedRequests: planned.length,
    plannedRecords: records,
    seconds,
    latenciesMs: latencies.slice(0, done),
    errors: errors.counts,
    errorSamples: errors.samples,
    peakInFlight,
    bytesSent: sent.reduce((n, p) => n + p.body.length, 0),
    bytesReceived,
    clientEventLoopUtilization: performance.eventLoopUtilization(elu).utilization,
  }
  post({ type: 'done', report })
})
