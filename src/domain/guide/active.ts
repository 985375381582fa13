import type { CommandEvent } from './commands.ts'

/**
 * What a class is asked to do right now, kept by the server so that a member who connects
 * late (or comes back out of a tunnel) is told at once. Two slots, because a pause does not
 * say where to be: the latest "where" command (gather, a lesson, the quiz, a VR scene, a
 * hotspot, the oath, or the end), and the VR pause while it lasts. `seq` is the newest event's
 * number: a member who has acknowledged it is "followed ✓".
 *
 * Replaying `activeEvents` in order brings a fresh screen to the same place as everyone else.
 */
export interface ActiveState {
  readonly seq: number
  readonly focus: CommandEvent | null
  readonly pause: CommandEvent | null
}

export const NO_ACTIVE: ActiveState = { seq: 0, focus: null, pause: null }

export function applyEvent(active: ActiveState, event: CommandEvent): ActiveState {
  // Out of order (a copy that arrived late): the newer state stands.
  if (event.seq <= active.seq) return active
  const { command } = event
  const seq = event.seq
  if (command.type === 'vr-pause') return { ...active, seq, pause: command.paused ? event : null }
  // The end clears everything; a new place to be keeps a pause (the trainer resumes it).
  if (command.type === 'end') return { seq, focus: event, pause: null }
  return { ...active, seq, focus: event }
}

/** The events a late joiner replays, oldest first. */
export function activeEvents(active: ActiveState): CommandEvent[] {
  return [active.focus, active.pause]
    .filter((e): e is CommandEvent => e !== null)
    .sort((a, b) => a.seq - b.seq)
}
