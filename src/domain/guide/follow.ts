import type { GuideCommand } from './commands.ts'

/**
 * How a member's app follows a command, as pure decisions (the screens do the moving).
 *
 * A command names a place: a stop's page, a lesson (its start or its quiz), a VR scene, or none
 * (the end; a pause, which only the VR screen shows). The app moves there by itself unless the
 * member is typing: an older member half-way through a reflection is not swept off the page
 * (drafts autosave, but a jump mid-sentence is still rude). Then the banner offers a button, and
 * the member goes when ready. The trainer's "followed ✓" comes only once the screen shows the
 * place, never at the moment the command arrives.
 */
export type FollowTarget =
  | { readonly kind: 'site'; readonly siteId: string }
  | { readonly kind: 'lesson'; readonly lessonId: string; readonly part: 'start' | 'quiz' }
  | { readonly kind: 'vr-scene'; readonly sceneId: string }
  | { readonly kind: 'none' }

export function targetOf(command: GuideCommand): FollowTarget {
  switch (command.type) {
    case 'gather':
      return { kind: 'site', siteId: command.siteId }
    case 'start-lesson':
      return { kind: 'lesson', lessonId: command.lessonId, part: 'start' }
    case 'show-quiz':
      return { kind: 'lesson', lessonId: command.lessonId, part: 'quiz' }
    case 'vr-scene':
    case 'vr-look':
    case 'vr-oath-start':
    case 'vr-oath-line':
      return { kind: 'vr-scene', sceneId: command.sceneId }
    case 'vr-pause':
    case 'end':
      return { kind: 'none' }
  }
}

export interface FollowFacts {
  /** The member's screen already shows the target. */
  readonly there: boolean
  /** A text field has focus, or the member typed in the last few seconds. */
  readonly typing: boolean
  /** This event was followed on this device before (a reload, a reconnect): do nothing twice. */
  readonly followedBefore: boolean
  /** The member dismissed this event's banner before. */
  readonly dismissedBefore: boolean
  /** A replayed command from hours ago (yesterday's "start the lesson"): no longer an instruction. */
  readonly stale: boolean
}

export interface FollowPlan {
  /** Move the screen to the target now. */
  readonly navigate: boolean
  /** Show the banner (with a "go" button while not there). */
  readonly banner: boolean
  /** Tell the trainer now that the screen shows it. */
  readonly ackNow: boolean
}

export function planFollow(target: FollowTarget, facts: FollowFacts): FollowPlan {
  if (facts.followedBefore) return { navigate: false, banner: false, ackNow: true }
  if (facts.stale) return { navigate: false, banner: false, ackNow: false }
  const there = target.kind === 'none' || facts.there
  return {
    navigate: !there && !facts.typing,
    banner: !facts.dismissedBefore,
    ackNow: there,
  }
}

/** How long after the last keystroke a member still counts as typing, ms. */
export const TYPING_GRACE_MS = 8000
/** A replayed command older than this is stale (a live one never is), ms. */
export const STALE_AFTER_MS = 6 * 3_600_000

export const isStale = (eventAt: string, replayed: boolean, nowMs: number) =>
  replayed && nowMs - Date.parse(eventAt) > STALE_AFTER_MS
