import { knownOffline } from './network.ts'

/**
 * Ending the member's session on the server (POST /api/auth/logout, which ends the session the
 * HttpOnly cookie names), also when the device cannot reach the server at the moment of logout
 * (notes/reliability.md P11, P18). The page cannot delete that cookie: until the server has
 * ended the session, anyone holding the phone could still read the member's records through
 * the API. So the logout is remembered on the device as owed, and sent again (at start, when
 * the network returns, before the next login) until the server has answered.
 *
 * The mark is in localStorage: it must outlive a reload and an app restart, and is read
 * synchronously at start without opening the device database.
 */
export const OWED_LOGOUT_KEY = 'hongtu.owedLogout.v1'

/**
 * How long the logout button waits for the server before saying the logout is still owed. A
 * fetch on a weak link can hang for minutes; the member's data leaves the device at once
 * either way, and the request goes on (its answer still clears the mark).
 */
export const LOGOUT_WAIT_MS = 5000

/** The part of Storage the mark needs: localStorage in the app, a map in tests. */
export type MarkStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

export interface OwedLogoutDeps {
  /** null where the browser refuses storage (some private modes): the mark lives in memory then. */
  readonly storage: MarkStorage | null
  readonly doFetch: typeof fetch
  /** True when a request could only fail (the browser knows it has no network). */
  readonly offline: () => boolean
}

/** 'none': nothing was owed; 'sent': the server ended the session; 'owed': it has not yet. */
export type OwedLogoutResult = 'none' | 'sent' | 'owed'

/**
 * Whether the answer is the server's own: our 204, or a 401 (the session had already ended,
 * expired or ended from another device). A Wi-Fi sign-in page answers 200 with HTML for any
 * address: that ends nothing.
 */
function serverEndedSession(res: Response): boolean {
  if (res.status === 401) return true
  return res.ok && !(res.headers.get('content-type') ?? '').includes('text/html')
}

export class OwedLogout {
  /** The mark, when storage refused to keep it: at least this page keeps trying. */
  private inMemory: string | null = null
  private sending: { readonly mark: string; readonly done: Promise<OwedLogoutResult> } | null = null

  constructor(private readonly deps: OwedLogoutDeps) {}

  /** Whether a logout the server has not confirmed is owed by this device. */
  owed(): boolean {
    return this.readMark() !== null
  }

  /**
   * The logout button: marks the logout owed first (so that a page killed mid-request still
   * sends it at the next start), then sends it, waiting at most `waitMs`. Each mark is new: an
   * answer to an earlier member's logout still on its way cannot clear it.
   */
  logOut(waitMs = LOGOUT_WAIT_MS): Promise<OwedLogoutResult> {
    const mark = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
    try {
      this.deps.storage?.setItem(OWED_LOGOUT_KEY, mark)
      this.inMemory = this.deps.storage ? null : mark
    } catch {
      this.inMemory = mark
    }
    let timer: ReturnType<typeof setTimeout> | undefined
    const late = new Promise<OwedLogoutResult>((resolve) => {
      timer = setTimeout(() => resolve('owed'), waitMs)
    })
    return Promise.race([this.send(), late]).finally(() => clearTimeout(timer))
  }

  /**
   * Sends the owed logout, if one is owed; one request at a time (a second caller shares it).
   *
   * Invariant: between reading the mark and issuing the request there is no await. The cookie
   * is attached when the request is issued, and a login clears the mark (by sending it) before
   * it asks for a new cookie: a request issued while the mark is set can only carry the old
   * member's cookie, never end the next member's session.
   */
  send(): Promise<OwedLogoutResult> {
    const mark = this.readMark()
    if (mark === null) return Promise.resolve('none')
    if (this.sending?.mark === mark) return this.sending.done
    if (this.deps.offline()) return Promise.resolve('owed')
    const done = this.deps
      .doFetch('/api/auth/logout', { method: 'POST', credentials: 'same-origin' })
      .then(
        (res) => {
          if (!serverEndedSession(res)) return 'owed' as const
          this.clearMark(mark)
          return 'sent' as const
        },
        () => 'owed' as const,
      )
      .finally(() => {
        if (this.sending?.done === done) this.sending = null
      })
    this.sending = { mark, done }
    return done
  }

  private readMark(): string | null {
    try {
      return this.deps.storage?.getItem(OWED_LOGOUT_KEY) ?? this.inMemory
    } catch {
      return this.inMemory
    }
  }

  /** Clears the mark the answer was for, and only that one. */
  private clearMark(mark: string) {
    if (this.inMemory === mark) this.inMemory = null
    try {
      if (this.deps.storage?.getItem(OWED_LOGOUT_KEY) === mark) this.deps.storage.removeItem(OWED_LOGOUT_KEY)
    } catch {
      // Unreadable storage holds no mark of ours.
    }
  }
}

function browserStorage(): MarkStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    // Reading `localStorage` itself throws where storage is disabled.
    return null
  }
}

let shared: OwedLogout | undefined

/** The page's one OwedLogout on localStorage and the real network (its in-flight request is shared). */
export function owedLogoutOnThisDevice(): OwedLogout {
  shared ??= new OwedLogout({
    storage: browserStorage(),
    doFetch: (input, init) => fetch(input, init),
    offline: knownOffline,
  })
  return shared
}
