import { Worker } from 'node:worker_threads'
import type { LoadInput, LoadProgress, LoadReport, WorkerMessage } from './protocol.ts'

/**
 * Runs the load worker (load-worker.ts) and waits for its report. The worker is TypeScript; it
 * registers tsx itself, which works under `tsx` and under vitest alike.
 */
export function runLoad(
  input: LoadInput,
  hooks: {
    /** Called once every push is built, just before the first is sent. */
    readonly onStart?: (planned: { requests: number; records: number }) => void
    readonly onProgress?: (p: LoadProgress) => void
  } = {},
): Promise<LoadReport> {
  const file = new URL('./load-worker.ts', import.meta.url).href
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(file)}) })`
  const worker = new Worker(boot, { eval: true, workerData: input })
  return new Promise<LoadReport>((resolve, reject) => {
    let report: LoadReport | undefined
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'ready') {
        hooks.onStart?.({ requests: m.requests, records: m.records })
        worker.postMessage('go')
      } else if (m.type === 'progress') hooks.onProgress?.(m)
      else {
        report = m.report
        void worker.terminate()
      }
    })
    worker.on('error', reject)
    worker.on('exit', (code) =>
      report ? resolve(report) : reject(new Error(`the load worker exited (${code}) without a report`)),
    )
  })
}
