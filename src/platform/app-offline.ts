import { onSwRegistration } from './sw-registration.ts'

/**
 * Whether the app itself is on this device: its shell, content and map code, which the service
 * worker downloads into its precache on the first visit (about 5 MB). Only then does the app
 * open with the network off. On a poor connection that download takes minutes, and it can
 * stop (the signal lost, the storage full); the screens that promise "works offline" ask here
 * first, so a member never walks out of coverage on a promise the phone cannot keep.
 *
 * The service worker's own states say it: a registration with an active worker has a complete
 * precache (a worker becomes active only after every precache file was stored); one still
 * installing is saving; a worker that became redundant with none active failed.
 */
export type AppOffline =
  /** No service worker here (a browser without them, or one that refuses them): never offline. */
  'unsupported' | 'saving' | 'ready' | 'failed'

type Listener = (state: AppOffline) => void

export class AppOfflineWatch {
  private state: AppOffline
  private readonly listeners = new Set<Listener>()
  private registration: ServiceWorkerRegistration | null = null
  /** The worker's script and scope, to register it again after a failed first download. */
  private script: { url: string; scope: string } | null = null
  private readonly watched = new WeakSet<ServiceWorker>()
  private started = false

  constructor(
    private readonly container: ServiceWorkerContainer | undefined,
    /** Where `online` is heard (the window). */
    private readonly network?: EventTarget,
  ) {
    // A page controlled by a worker was served by an active one: ready from the first render.
    this.state = !container ? 'unsupported' : container.controller ? 'ready' : 'saving'
  }

  get current(): AppOffline {
    return this.state
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    this.start()
    return () => this.listeners.delete(listener)
  }

  /** The registration the app made (UpdatePrompt); also found by itself, whichever comes first. */
  track(registration: ServiceWorkerRegistration, scriptUrl?: string) {
    if (this.registration !== registration) {
      this.registration = registration
      registration.addEventListener('updatefound', () => this.evaluate())
    }
    const url =
      scriptUrl ?? (registration.installing ?? registration.waiting ?? registration.active)?.scriptURL
    if (url) this.script = { url, scope: registration.scope }
    this.evaluate()
  }

  /**
   * Registering the worker failed outright: its script could not be fetched (a retry may work),
   * or the browser refuses service workers here (a SecurityError: private browsing in some
   * browsers, a page not served over HTTPS), which no retry changes. `scriptUrl` is what to
   * register on a retry: by default vite-plugin-pwa's worker at the root.
   */
  registrationFailed(error?: unknown, scriptUrl = '/sw.js') {
    if (error instanceof Error && error.name === 'SecurityError') return this.set('unsupported')
    this.script ??= { url: scriptUrl, scope: '/' }
    this.set('failed')
  }

  /**
   * Downloads the app again after a failure: on the member's tap, or when the network is back.
   * A first install that failed leaves no registration behind (a registration without a worker
   * is removed), so the worker is registered anew rather than updated.
   */
  async retry(): Promise<void> {
    if (this.state !== 'failed' || !this.container || !this.script) return
    this.set('saving')
    try {
      this.track(await this.container.register(this.script.url, { scope: this.script.scope }))
    } catch {
      // Offline again, or the script unreachable: no worker is installing, so say so.
      this.set('failed')
    }
  }

  private start() {
    if (this.started || !this.container) return
    this.started = true
    const container = this.container
    void container.ready.then(() => this.set('ready'))
    void container.getRegistration().then((r) => r && this.track(r))
    onSwRegistration((o) =>
      o.kind === 'registered' ? this.track(o.registration, o.scriptUrl) : this.registrationFailed(o.error),
    )
    this.network?.addEventListener('online', () => void this.retry())
  }

  private evaluate() {
    const r = this.registration
    if (!r) return
    if (r.active) return this.set('ready')
    const pending = r.installing ?? r.waiting
    if (!pending) return this.set('failed')
    if (!this.watched.has(pending)) {
      this.watched.add(pending)
      pending.addEventListener('statechange', () => this.evaluate())
    }
    this.set('saving')
  }

  private set(state: AppOffline) {
    // Once ready, a later update that fails leaves the installed app in place: still ready.
    if (this.state === 'ready' && state !== 'ready') return
    if (state === this.state) return
    this.state = state
    for (const l of this.listeners) l(state)
  }
}

/** Dev builds register no worker (UpdatePrompt): nothing there is ever saved for offline use. */
export const appOffline = new AppOfflineWatch(
  typeof navigator !== 'undefined' && 'serviceWorker' in navigator && !import.meta.env.DEV
    ? navigator.serviceWorker
    : undefined,
  typeof window !== 'undefined' ? window : undefined,
)
