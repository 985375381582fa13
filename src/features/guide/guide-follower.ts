import type { CommandEvent } from '../../domain/guide/commands.ts'
import {
  type FollowTarget,
  isStale,
  planFollow,
  TYPING_GRACE_MS,
  targetOf,
} from '../../domain/guide/follow.ts'
import type { GuideController } from './guide-controller.ts'
import { isEditing, pathOf, screenShows } from './screen-target.ts'

/**
 * A member's app following the trainer (domain/guide/follow.ts decides, this carries it out):
 * the banner across the app, moving to the place the command names (not while the member is
 * typing), and telling the trainer once the screen shows it. What was followed or dismissed is
 * remembered on the device per member and class, so a reload does nothing twice.
 */
export interface BannerState {
  readonly event: CommandEvent
  readonly target: FollowTarget
  /** The screen shows the target (then the banner offers no "go" button). */
  readonly there: boolean
}

export interface FollowerDeps {
  readonly userId: string
  readonly navigate: (path: string) => void
  readonly storage?: Pick<Storage, 'getItem' | 'setItem'>
  readonly now?: () => number
}

export interface Remembered {
  /** The newest command seq the screen followed, and the newest whose banner was dismissed. */
  followed: number
  dismissed: number
}

/**
 * What is remembered after following or dismissing a command: never less than before. A reload
 * replays the class's active commands in seq order (a pause, then a later one), and writing the
 * replayed older seq over a newer one made the newer command count as unseen again: the member
 * was taken to it on every opening of the app, whatever they had dismissed.
 */
export function rememberedAfter(stored: Remembered, seen: Partial<Remembered>): Remembered {
  return {
    followed: Math.max(stored.followed, seen.followed ?? 0),
    dismissed: Math.max(stored.dismissed, seen.dismissed ?? 0),
  }
}

/** How often a pending target is checked while the screen moves there, ms. */
const CHECK_EVERY_MS = 200

export class GuideFollower {
  private banner: BannerState | null = null
  private readonly listeners = new Set<() => void>()
  /** Per class, the newest command whose place the screen does not show yet. */
  private readonly pending = new Map<string, CommandEvent>()
  private lastInputAt = Number.NEGATIVE_INFINITY
  private timer: ReturnType<typeof setInterval> | undefined
  private readonly now: () => number

  constructor(
    private readonly controller: GuideController,
    private readonly deps: FollowerDeps,
  ) {
    this.now = deps.now ?? Date.now
  }

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
  readonly getBanner = () => this.banner

  /** Starts following; returns the stop. */
  start(): () => void {
    const off = this.controller.onFollow((event, replayed) => this.onCommand(event, replayed))
    const typed = () => {
      this.lastInputAt = this.now()
    }
    // `input` fires for text fields only, so arrow keys and Tab do not count as typing.
    window.addEventListener('input', typed, true)
    return () => {
      off()
      window.removeEventListener('input', typed, true)
      clearInterval(this.timer)
      this.timer = undefined
    }
  }

  /** The member pressed "go" on the banner. */
  go() {
    const path = this.banner ? pathOf(this.banner.target) : null
    if (path) this.deps.navigate(path)
  }

  dismiss() {
    if (!this.banner) return
    const { event } = this.banner
    this.remember(event.classId, { dismissed: event.seq })
    this.setBanner(null)
  }

  private onCommand(event: CommandEvent, replayed: boolean) {
    const target = targetOf(event.command)
    const memory = this.recall(event.classId)
    const plan = planFollow(target, {
      there: screenShows(target),
      typing: isEditing() || this.now() - this.lastInputAt < TYPING_GRACE_MS,
      followedBefore: memory.followed >= event.seq,
      dismissedBefore: memory.dismissed >= event.seq,
      stale: isStale(event.at, replayed, this.now()),
    })
    // A newer command of the class replaces whatever the screen was still on its way to.
    this.pending.delete(event.classId)
    // A pause, and the next oath line in the scene already open, are the VR screen's to show.
    const quiet = event.command.type === 'vr-pause' || (event.command.type === 'vr-oath-line' && plan.ackNow)
    if (!quiet && plan.banner) this.setBanner({ event, target, there: plan.ackNow })
    else if (!quiet && this.banner?.event.classId === event.classId) this.setBanner(null)
    if (plan.ackNow) return this.arrived(event)
    if (plan.navigate) {
      const path = pathOf(target)
      if (path) this.deps.navigate(path)
    }
    this.pending.set(event.classId, event)
    this.watch()
  }

  private arrived(event: CommandEvent) {
    this.pending.delete(event.classId)
    this.remember(event.classId, { followed: event.seq })
    this.controller.followed(event)
    if (this.banner?.event.id === event.id && !this.banner.there)
      this.setBanner({ ...this.banner, there: true })
  }

  /** Checks pending targets until the screen shows them (the member may also go there by hand). */
  private watch() {
    if (this.timer !== undefined) return
    this.timer = setInterval(() => {
      for (const event of [...this.pending.values()])
        if (screenShows(targetOf(event.command))) this.arrived(event)
      if (this.pending.size === 0) {
        clearInterval(this.timer)
        this.timer = undefined
      }
    }, CHECK_EVERY_MS)
  }

  private setBanner(banner: BannerState | null) {
    this.banner = banner
    for (const l of [...this.listeners]) l()
  }

  private key(classId: string) {
    return `hongtu.guide.${this.deps.userId}.${classId}`
  }

  private recall(classId: string): Remembered {
    try {
      const raw = JSON.parse(this.store()?.getItem(this.key(classId)) ?? 'null') as Partial<Remembered> | null
      return {
        followed: typeof raw?.followed === 'number' ? raw.followed : 0,
        dismissed: typeof raw?.dismissed === 'number' ? raw.dismissed : 0,
      }
    } catch {
      return { followed: 0, dismissed: 0 }
    }
  }

  private remember(classId: string, patch: Partial<Remembered>) {
    const next = rememberedAfter(this.recall(classId), patch)
    try {
      this.store()?.setItem(this.key(classId), JSON.stringify(next))
    } catch {
      // Storage off or full: the only cost is following again after a reload.
    }
  }

  private store() {
    try {
      return this.deps.storage ?? window.localStorage
    } catch {
      return undefined
    }
  }
}
