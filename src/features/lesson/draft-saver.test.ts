import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DraftSaver, type DraftStatus } from './draft-saver.ts'

/** A write that the test completes by hand, to step through in-flight and queued writes. */
function manualStore() {
  const written: (string | null)[] = []
  const inFlight: { value: string | null; resolve: () => void; reject: (e: unknown) => void }[] = []
  const write = (value: string | null) =>
    new Promise<void>((resolve, reject) => {
      inFlight.push({
        value,
        resolve: () => {
          written.push(value)
          resolve()
        },
        reject,
      })
    })
  return { written, inFlight, write }
}

const settle = () => vi.advanceTimersByTimeAsync(0)

describe('DraftSaver', () => {
  let statuses: DraftStatus['kind'][]
  const onStatus = (s: DraftStatus) => statuses.push(s.kind)
  beforeEach(() => {
    vi.useFakeTimers()
    statuses = []
  })
  afterEach(() => vi.useRealTimers())

  it('writes every change at once when there is no debounce, and says saved after the write', async () => {
    const store = manualStore()
    const saver = new DraftSaver(store.write, onStatus)
    saver.change('a')
    expect(store.inFlight.map((w) => w.value)).toEqual(['a'])
    expect(statuses).toEqual(['pending'])
    store.inFlight[0]?.resolve()
    await settle()
    expect(statuses.at(-1)).toBe('saved')
    expect(saver.dirty).toBe(false)
  })

  it('never lets an older value land after a newer one, and coalesces while a write is in flight', async () => {
    const store = manualStore()
    const saver = new DraftSaver(store.write, onStatus)
    saver.change('a')
    saver.change('ab')
    saver.change('abc')
    expect(store.inFlight).toHaveLength(1)
    store.inFlight[0]?.resolve()
    await settle()
    // 'ab' was superseded before it was written.
    expect(store.inFlight.map((w) => w.value)).toEqual(['a', 'abc'])
    expect(statuses.at(-1)).toBe('pending')
    store.inFlight[1]?.resolve()
    await settle()
    expect(store.written).toEqual(['a', 'abc'])
    expect(statuses.at(-1)).toBe('saved')
  })

  it('waits for a pause in typing, and flush writes the pending value at once', async () => {
    const store = manualStore()
    const saver = new DraftSaver(store.write, onStatus, 400)
    saver.change('心')
    await vi.advanceTimersByTimeAsync(300)
    saver.change('心得')
    await vi.advanceTimersByTimeAsync(300)
    expect(store.inFlight).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(100)
    expect(store.inFlight.map((w) => w.value)).toEqual(['心得'])
    store.inFlight[0]?.resolve()
    await settle()

    saver.change('心得体会')
    const flushed = saver.flush()
    expect(store.inFlight.map((w) => w.value)).toEqual(['心得', '心得体会'])
    store.inFlight[1]?.resolve()
    await flushed
    expect(store.written).toEqual(['心得', '心得体会'])
    // The debounce timer was cancelled by the flush: nothing is written twice.
    await vi.advanceTimersByTimeAsync(1000)
    expect(store.inFlight).toHaveLength(2)
  })

  it('flush resolves only after the write in flight and the queued change are durable', async () => {
    const store = manualStore()
    const saver = new DraftSaver(store.write, onStatus)
    saver.change('a')
    saver.change('b')
    let done = false
    const flushed = saver.flush().then(() => {
      done = true
    })
    store.inFlight[0]?.resolve()
    await settle()
    expect(done).toBe(false)
    store.inFlight[1]?.resolve()
    await flushed
    expect(store.written).toEqual(['a', 'b'])
  })

  it('reports a failed write without rejecting, and the next change writes again', async () => {
    const store = manualStore()
    const saver = new DraftSaver(store.write, onStatus)
    saver.change('a')
    const full = new Error('full')
    store.inFlight[0]?.reject(full)
    await settle()
    expect(statuses.at(-1)).toBe('failed')
    saver.change('ab')
    store.inFlight[1]?.resolve()
    await saver.flush()
    expect(store.written).toEqual(['ab'])
    expect(statuses.at(-1)).toBe('saved')
  })

  it('passes null through as "remove the draft"', async () => {
    const store = manualStore()
    const saver = new DraftSaver<string>(store.write, onStatus)
    saver.change(null)
    store.inFlight[0]?.resolve()
    await saver.flush()
    expect(store.written).toEqual([null])
  })

  it('writes a pending change when disposed instead of dropping it', async () => {
    const store = manualStore()
    const saver = new DraftSaver(store.write, onStatus, 400)
    saver.change('半句话')
    saver.dispose()
    expect(store.inFlight.map((w) => w.value)).toEqual(['半句话'])
  })
})
