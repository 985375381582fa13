import { describe, expect, it } from 'vitest'
import { type AppOffline, AppOfflineWatch } from './app-offline.ts'

/**
 * The watch against stand-ins for the browser's service worker objects, moved through the
 * states a first visit goes through: installing (the precache downloading), then activated, or
 * redundant when a precache file could not be stored.
 */
class FakeWorker extends EventTarget {
  state: ServiceWorkerState = 'installing'
  to(state: ServiceWorkerState) {
    this.state = state
    this.dispatchEvent(new Event('statechange'))
  }
}

class FakeRegistration extends EventTarget {
  installing: FakeWorker | null = null
  waiting: FakeWorker | null = null
  active: FakeWorker | null = null
  scope = 'https://hongtu.example/'
  startInstalling() {
    this.installing = new FakeWorker()
    this.dispatchEvent(new Event('updatefound'))
    return this.installing
  }
  /** The installing worker's precache failed: it is discarded. */
  failInstall() {
    const w = this.installing
    this.installing = null
    w?.to('redundant')
  }
  activate() {
    const w = this.installing
    this.installing = null
    this.active = w
    w?.to('activated')
  }
}

function world(options: { controlled?: boolean } = {}) {
  const registration = new FakeRegistration()
  let ready: () => void = () => {}
  /** Registrations made again (a retry), and whether the server can be reached for them. */
  const again = { registered: [] as { url: string; registration: FakeRegistration }[], offline: false }
  const container = {
    controller: options.controlled ? {} : null,
    ready: new Promise<void>((resolve) => {
      ready = resolve
    }),
    getRegistration: async () => undefined,
    register: async (url: string) => {
      if (again.offline) throw new TypeError('Failed to register a ServiceWorker')
      const fresh = new FakeRegistration()
      fresh.startInstalling()
      again.registered.push({ url, registration: fresh })
      return fresh
    },
  } as unknown as ServiceWorkerContainer
  const network = new EventTarget()
  const watch = new AppOfflineWatch(container, network)
  const seen: AppOffline[] = []
  watch.subscribe((s) => seen.push(s))
  const reg = registration as unknown as ServiceWorkerRegistration
  return { watch, registration, reg, network, seen, again, becomeReady: () => ready() }
}

const settle = () => new Promise((r) => setTimeout(r, 0))

describe('AppOfflineWatch', () => {
  it('says saving while the first visit downloads the app, then ready', async () => {
    const { watch, registration, reg, seen, becomeReady } = world()
    expect(watch.current).toBe('saving')
    registration.startInstalling()
    watch.track(reg)
    expect(watch.current).toBe('saving')
    registration.activate()
    becomeReady()
    await settle()
    expect(watch.current).toBe('ready')
    expect(seen).toEqual(['ready'])
  })

  it('is ready at once on a page a worker already serves', () => {
    expect(world({ controlled: true }).watch.current).toBe('ready')
  })

  it('says failed when the download stopped, and registers the worker again when the network is back', async () => {
    const { watch, registration, reg, network, seen, again } = world()
    registration.startInstalling()
    watch.track(reg, '/sw.js')
    registration.failInstall()
    expect(watch.current).toBe('failed')

    network.dispatchEvent(new Event('online'))
    await settle()
    expect(again.registered.map((r) => r.url)).toEqual(['/sw.js'])
    expect(watch.current).toBe('saving')
    again.registered[0]?.registration.activate()
    expect(watch.current).toBe('ready')
    expect(seen).toEqual(['failed', 'saving', 'ready'])
  })

  it('stays failed when trying again cannot reach the server', async () => {
    const { watch, registration, reg, again, seen } = world()
    registration.startInstalling()
    watch.track(reg, '/sw.js')
    registration.failInstall()
    again.offline = true
    await watch.retry()
    expect(watch.current).toBe('failed')
    expect(seen).toEqual(['failed', 'saving', 'failed'])
  })

  it('says failed when the worker could not even be registered, and a retry registers it', async () => {
    const { watch, again } = world()
    watch.registrationFailed()
    expect(watch.current).toBe('failed')
    await watch.retry()
    expect(again.registered.map((r) => r.url)).toEqual(['/sw.js'])
    expect(watch.current).toBe('saving')
  })

  it('says unsupported when the browser refuses service workers: no retry can change that', () => {
    const { watch } = world()
    watch.registrationFailed(new DOMException('The operation is insecure.', 'SecurityError'))
    expect(watch.current).toBe('unsupported')
  })

  it('stays ready when a later update fails: the installed app is still there', () => {
    const { watch, registration, reg } = world()
    registration.startInstalling()
    watch.track(reg)
    registration.activate()
    registration.startInstalling()
    registration.failInstall()
    watch.registrationFailed()
    expect(watch.current).toBe('ready')
  })

  it('never goes offline-capable without service workers', () => {
    const watch = new AppOfflineWatch(undefined)
    expect(watch.current).toBe('unsupported')
  })
})
