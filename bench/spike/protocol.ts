import type { ContentPack } from '../../src/domain/content/pack.ts'
import type { DayOptions } from './plan.ts'
import type { ProvisionedMember } from './provision.ts'

/** What the main thread and the load worker (load-worker.ts) tell each other. */

export interface LoadInput {
  readonly url: string
  readonly members: readonly ProvisionedMember[]
  readonly pack: ContentPack
  readonly day: DayOptions
  /** Pushes in flight at most (one lane each). */
  readonly concurrency: number
  /** 0: as fast as the server answers; N: the day's pushes at their times, played N times faster. */
  readonly compress: number
  /**
   * false (default): every lane's keep-alive connection is open before the clock starts, and
   * kept in use until the lane starts (see load-worker.ts, `health`).
   */
  readonly coldConnections: boolean
  /** The lanes start one after another over this long. */
  readonly rampMs: number
  /** A push not answered within this long is an error (no retry). */
  readonly timeoutMs: number
  /** Pushes not sent by then are errors: the spike runs in bounded time. */
  readonly deadlineMs: number
  readonly progressEveryMs: number
}

export interface LoadReport {
  readonly requests: number
  readonly records: number
  readonly plannedRequests: number
  readonly plannedRecords: number
  /** From the first push sent to the last answer read. */
  readonly seconds: number
  /** Per push, from writing the request to reading the whole answer, in dispatch order. */
  readonly latenciesMs: Float64Array
  /** Count per kind: `http-<status>-<code>`, `result-<result>-<code>`, `flag-<flag>`, `socket-<code>`, … */
  readonly errors: Record<string, number>
  readonly errorSamples: Record<string, string[]>
  readonly peakInFlight: number
  readonly bytesSent: number
  readonly bytesReceived: number
  /** Share of the load thread's time spent busy: near 1 would mean the client, not the server, limits. */
  readonly clientEventLoopUtilization: number
}

export interface LoadProgress {
  readonly done: number
  readonly total: number
  readonly inFlight: number
  readonly errors: Record<string, number>
}

export type WorkerMessage =
  | { readonly type: 'ready'; readonly requests: number; readonly records: number }
  | ({ readonly type: 'progress' } & LoadProgress)
  | { readonly type: 'done'; readonly report: LoadReport }
