import { type MouseEvent, type ReactNode, useSyncExternalStore } from 'react'
import { NAVIGATE_EVENT } from './navigate-event.ts'

/**
 * A tiny history router: the app has a handful of screens, and deep links (a site's QR code
 * opens /sites/<id>) must work from a cold start, offline, through the service worker's
 * navigation fallback.
 */

export type AppRoute =
  | { readonly name: 'routes' }
  | { readonly name: 'route'; readonly id: string }
  | { readonly name: 'site'; readonly id: string }
  | { readonly name: 'checkin'; readonly siteId: string }
  | { readonly name: 'lesson'; readonly id: string }
  | { readonly name: 'passport' }
  | { readonly name: 'qr'; readonly token: string }
  | { readonly name: 'scan' }
  | { readonly name: 'login' }
  | { readonly name: 'vr' }
  | { readonly name: 'vr-scene'; readonly id: string }
  | { readonly name: 'my-classes' }
  | { readonly name: 'my-class'; readonly id: string }
  | { readonly name: 'attest-link'; readonly token: string }
  | { readonly name: 'trainer' }
  | { readonly name: 'trainer-new-class' }
  | { readonly name: 'trainer-class'; readonly id: string }
  | { readonly name: 'trainer-member'; readonly classId: string; readonly memberId: string }
  | { readonly name: 'trainer-attest'; readonly classId: string }
  | { readonly name: 'trainer-lead'; readonly classId: string }
  | { readonly name: 'trainer-effect'; readonly classId: string }
  | { readonly name: 'coverage' }
  | { readonly name: 'account' }
  | { readonly name: 'admin-accounts' }
  | { readonly name: 'not-found'; readonly path: string }

export function parsePath(pathname: string): AppRoute {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponentSafe)
  if (parts.length === 0) return { name: 'routes' }
  if (parts.length === 2 && parts[0] === 'routes' && parts[1]) return { name: 'route', id: parts[1] }
  if (parts.length === 2 && parts[0] === 'sites' && parts[1]) return { name: 'site', id: parts[1] }
  if (parts.length === 3 && parts[0] === 'sites' && parts[1] && parts[2] === 'checkin')
    return { name: 'checkin', siteId: parts[1] }
  if (parts.length === 2 && parts[0] === 'lessons' && parts[1]) return { name: 'lesson', id: parts[1] }
  if (parts.length === 1 && parts[0] === 'passport') return { name: 'passport' }
  if (parts.length === 2 && parts[0] === 'q' && parts[1]) return { name: 'qr', token: parts[1] }
  if (parts.length === 1 && parts[0] === 'scan') return { name: 'scan' }
  if (parts.length === 1 && parts[0] === 'login') return { name: 'login' }
  if (parts.length === 1 && parts[0] === 'vr') return { name: 'vr' }
  if (parts.length === 2 && parts[0] === 'vr' && parts[1]) return { name: 'vr-scene', id: parts[1] }
  if (parts.length === 1 && parts[0] === 'classes') return { name: 'my-classes' }
  if (parts.length === 2 && parts[0] === 'classes' && parts[1]) return { name: 'my-class', id: parts[1] }
  if (parts.length === 2 && parts[0] === 'a' && parts[1]) return { name: 'attest-link', token: parts[1] }
  if (parts[0] === 'trainer') return parseTrainerPath(parts.slice(1))
  if (parts.length === 1 && parts[0] === 'coverage') return { name: 'coverage' }
  if (parts.length === 1 && parts[0] === 'account') return { name: 'account' }
  if (parts.length === 2 && parts[0] === 'admin' && parts[1] === 'accounts') return { name: 'admin-accounts' }
  return { name: 'not-found', path: pathname }
}

/** /trainer/…: the trainer's screens (classes, a class's dashboard, its member, its codes). */
function parseTrainerPath(rest: string[]): AppRoute {
  const [a, id, b, memberId] = rest
  if (rest.length === 0) return { name: 'trainer' }
  if (rest.length === 1 && a === 'new') return { name: 'trainer-new-class' }
  if (a === 'classes' && id) {
    if (rest.length === 2) return { name: 'trainer-class', id }
    if (rest.length === 3 && b === 'attest') return { name: 'trainer-attest', classId: id }
    if (rest.length === 3 && b === 'lead') return { name: 'trainer-lead', classId: id }
    if (rest.length === 3 && b === 'effect') return { name: 'trainer-effect', classId: id }
    if (rest.length === 4 && b === 'members' && memberId)
      return { name: 'trainer-member', classId: id, memberId }
  }
  return { name: 'not-found', path: `/trainer/${rest.join('/')}` }
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/** The id of the passport's data section: a fragment the passport scrolls to (use-fragment-target.ts). */
export const PASSPORT_DATA_ANCHOR = 'passport-data'

export const paths = {
  routes: () => '/',
  route: (id: string) => `/routes/${encodeURIComponent(id)}`,
  site: (id: string) => `/sites/${encodeURIComponent(id)}`,
  checkin: (siteId: string) => `/sites/${encodeURIComponent(siteId)}/checkin`,
  lesson: (id: string) => `/lessons/${encodeURIComponent(id)}`,
  passport: () => '/passport',
  /** The passport at its data section, which says what waits to sync and why (the sync badge's link). */
  passportData: () => `/passport#${PASSPORT_DATA_ANCHOR}`,
  qr: (token: string) => `/q/${encodeURIComponent(token)}`,
  scan: () => '/scan',
  /** `next`: the app's own screen to go back to once logged in (see afterLogin). */
  login: (next?: string) => (next ? `/login?next=${encodeURIComponent(next)}` : '/login'),
  vr: () => '/vr',
  vrScene: (id: string) => `/vr/${encodeURIComponent(id)}`,
  myClasses: () => '/classes',
  myClass: (id: string) => `/classes/${encodeURIComponent(id)}`,
  attestLink: (token: string) => `/a/${encodeURIComponent(token)}`,
  trainer: () => '/trainer',
  trainerNewClass: () => '/trainer/new',
  trainerClass: (id: string) => `/trainer/classes/${encodeURIComponent(id)}`,
  trainerMember: (classId: string, memberId: string) =>
    `/trainer/classes/${encodeURIComponent(classId)}/members/${encodeURIComponent(memberId)}`,
  trainerAttest: (classId: string) => `/trainer/classes/${encodeURIComponent(classId)}/attest`,
  trainerLead: (classId: string) => `/trainer/classes/${encodeURIComponent(classId)}/lead`,
  trainerEffect: (classId: string) => `/trainer/classes/${encodeURIComponent(classId)}/effect`,
  coverage: () => '/coverage',
  account: () => '/account',
  adminAccounts: () => '/admin/accounts',
}

export { NAVIGATE_EVENT }

/**
 * Screens holding something that leaving would lose for good (passwords shown once) register
 * a question here; an in-app move away asks it first, as the browser's beforeunload does for a
 * reload. Each guard answers its question, or null when there is nothing to lose now.
 */
const leaveGuards = new Set<() => string | null>()

export function guardLeaving(question: () => string | null): () => void {
  leaveGuards.add(question)
  return () => {
    leaveGuards.delete(question)
  }
}

function mayLeave(): boolean {
  for (const guard of leaveGuards) {
    const question = guard()
    if (question !== null && !window.confirm(question)) return false
  }
  return true
}

/** The path the screen shows: where Back returns to when the member stays. */
let shownPath = typeof location === 'undefined' ? '/' : location.pathname

export function navigate(path: string): void {
  if (path === location.pathname) return
  if (!mayLeave()) return
  history.pushState(null, '', path)
  shownPath = location.pathname
  window.dispatchEvent(new Event(NAVIGATE_EVENT))
}

/**
 * Back and forward, seen once for the whole app (not once per screen that reads the route, which
 * would ask a guard's question as many times): a move the member declines is undone, else it is
 * announced as any navigation is.
 */
let listeningToPop = false
function listenToPop() {
  if (listeningToPop) return
  listeningToPop = true
  window.addEventListener('popstate', () => {
    // The address has already moved: put it back when the member stays.
    if (location.pathname !== shownPath && !mayLeave()) {
      history.pushState(null, '', shownPath)
      return
    }
    shownPath = location.pathname
    window.dispatchEvent(new Event(NAVIGATE_EVENT))
  })
}

function subscribeToPath(change: () => void): () => void {
  listenToPop()
  window.addEventListener(NAVIGATE_EVENT, change)
  return () => window.removeEventListener(NAVIGATE_EVENT, change)
}

/**
 * The current screen's route. An external store, not state synced in an effect: a tap on a link
 * in the moment between the first render and its effects (a page still starting on a slow
 * phone) changed the address but not the screen, as nothing listened yet; the store reads the
 * address again once it subscribes.
 */
export function useAppRoute(): AppRoute {
  const path = useSyncExternalStore(subscribeToPath, () => location.pathname)
  return parsePath(path)
}

export function Link({
  to,
  children,
  className,
  'data-testid': testId,
}: {
  to: string
  children: ReactNode
  className?: string
  'data-testid'?: string
}) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
    e.preventDefault()
    navigate(to)
  }
  return (
    <a href={to} onClick={onClick} className={className} data-testid={testId}>
      {children}
    </a>
  )
}

/**
 * Where "继续" leads after logging in: back to the screen that asked for it (`?next=`, e.g. a
 * trainer's attendance code scanned before logging in), when that is one of the app's own
 * screens, else the role's home: a member's passport, a trainer's classes. Never another site.
 */
export function afterLogin(search: string, role: 'member' | 'trainer' | 'admin'): string {
  const next = new URLSearchParams(search).get('next')
  if (next?.startsWith('/') && !next.startsWith('//') && !next.includes('\\')) {
    const route = parsePath(next.split(/[?#]/)[0] ?? '')
    if (route.name !== 'not-found' && route.name !== 'login') return next
  }
  return role === 'member' ? paths.passport() : paths.trainer()
}
