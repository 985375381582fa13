import { describe, expect, it } from 'vitest'
import { chromiumKind, cpuSpent, statCpuMs } from './process-cpu.ts'

describe('process CPU for the drain bench', () => {
  it('names each Chromium process by its --type switch', () => {
    expect(chromiumKind('/usr/lib/chromium/chromium --headless --remote-debugging-pipe')).toBe('browser')
    expect(chromiumKind('/usr/lib/chromium/chromium --type=renderer --lang=en')).toBe('renderer')
    expect(chromiumKind('/usr/lib/chromium/chromium --type=gpu-process')).toBe('gpu')
    expect(
      chromiumKind(
        '/usr/lib/chromium/chromium --type=utility --utility-sub-type=network.mojom.NetworkService',
      ),
    ).toBe('network')
    expect(
      chromiumKind(
        '/usr/lib/chromium/chromium --type=utility --utility-sub-type=storage.mojom.StorageService',
      ),
    ).toBe('other')
    expect(chromiumKind('/usr/lib/chromium/chromium --type=zygote')).toBe('other')
  })

  it('reads user + system ticks from a stat line whose name holds spaces and parentheses', () => {
    // pid (comm) state ppid … field 14 utime = 250, field 15 stime = 40 ticks.
    const stat = '4242 (Chrome (IO) x) S 1 4242 4242 0 -1 4194560 900 0 0 0 250 40 0 0 20 0 12 0 100'
    expect(statCpuMs(stat)).toBe(2900)
  })

  it('sums the time spent between two snapshots and relates it to every core', () => {
    const before = new Map([
      ['node', 1000],
      ['renderer', 500],
    ] as const)
    const after = new Map([
      ['node', 1600],
      ['renderer', 900],
      ['browser', 200],
    ] as const)
    const spent = cpuSpent(before, after, 1000)
    expect(spent.byKind).toEqual({ node: 600, renderer: 400, browser: 200 })
    expect(spent.totalMs).toBe(1200)
    expect(spent.coreShare).toBeCloseTo(1200 / (1000 * spent.cores))
  })
})
