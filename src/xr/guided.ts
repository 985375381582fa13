import type { SceneCommand } from './commands.ts'

/**
 * What the trainer's commands do to a scene, as a pure reducer (STYLE.md 1, 8). The camera is
 * never moved by a command (comfort): `look-at-hotspot` highlights the hotspot and shows an
 * arrow toward it; the member turns their own head.
 *
 * `ended` means the trainer has let go: the member is told the guided session is over and carries
 * on at their own pace (as the guide banner says), with the oath theirs to read. Only a pause
 * stops interaction. A command after the end is the trainer leading again, and is followed.
 */
export type GuidedPhase = 'free' | 'paused' | 'ended'

export interface OathProgress {
  /** idle: not started; leading: lines appear one by one; read: every line shown. */
  readonly phase: 'idle' | 'leading' | 'read'
  /** How many lines are shown, 0..lineCount. */
  readonly shown: number
}

export interface GuidedState {
  readonly phase: GuidedPhase
  /** The hotspot the trainer asked everyone to look at, until the member opens it. */
  readonly highlight: string | null
  readonly oath: OathProgress
  /** Whether the trainer leads the oath (then the member's own "next line" is hidden). */
  readonly trainerLeads: boolean
}

export const initialGuidedState: GuidedState = {
  phase: 'free',
  highlight: null,
  oath: { phase: 'idle', shown: 0 },
  trainerLeads: false,
}

/** Shows one more oath line; the last one moves the oath to `read`. */
export function advanceOath(oath: OathProgress, lineCount: number): OathProgress {
  if (oath.phase === 'read') return oath
  const shown = Math.min(lineCount, oath.shown + 1)
  return { phase: shown >= lineCount ? 'read' : 'leading', shown }
}

export function applyGuidedCommand(
  state: GuidedState,
  command: SceneCommand,
  scene: { readonly hotspotIds: readonly string[]; readonly oathLines: number },
): GuidedState {
  if (state.phase === 'ended' && command.type !== 'end') state = { ...state, phase: 'free' }
  switch (command.type) {
    case 'pause':
      return { ...state, phase: 'paused' }
    case 'resume':
      return { ...state, phase: 'free' }
    case 'end':
      return state.phase === 'ended'
        ? state
        : { ...state, phase: 'ended', highlight: null, trainerLeads: false }
    case 'look-at-hotspot':
      return scene.hotspotIds.includes(command.hotspotId) ? { ...state, highlight: command.hotspotId } : state
    case 'start-oath':
      if (scene.oathLines === 0) return state
      return {
        ...state,
        trainerLeads: true,
        oath: { phase: 'leading', shown: Math.max(1, state.oath.shown) },
      }
    case 'next-oath-line':
      if (scene.oathLines === 0 || state.oath.phase === 'idle') return state
      return { ...state, trainerLeads: true, oath: advanceOath(state.oath, scene.oathLines) }
    case 'go-to-scene':
      // Changing scenes is the VR screen's job (a route change), not the scene's.
      return state
  }
}
