import { DEG } from '../domain/scenes/angles.ts'

/**
 * Looking around on a screen (no headset), as pure functions of plain numbers: drag to turn the
 * view, keys to walk and to snap-turn. Angles in radians (three.js' YXZ Euler: yaw about y,
 * positive = left), distances in metres.
 */
export interface LookState {
  yaw: number
  pitch: number
}

/** Radians of view rotation per CSS pixel dragged (a full drag across a phone ≈ 110°). */
export const DRAG_RADIANS_PER_PX = 0.005
const PITCH_LIMIT = 85 * DEG

/** Dragging moves the scene with the finger, like grabbing it. */
export function dragLook(look: LookState, dxPx: number, dyPx: number): LookState {
  const pitch = Math.max(-PITCH_LIMIT, Math.min(PITCH_LIMIT, look.pitch + dyPx * DRAG_RADIANS_PER_PX))
  return { yaw: look.yaw + dxPx * DRAG_RADIANS_PER_PX, pitch }
}

export type KeyAction = { kind: 'walk'; forwardM: number; rightM: number } | { kind: 'turn'; radians: number }

/** Walking speed with the keyboard, metres per key press step. */
export const WALK_STEP_M = 0.5

export function keyAction(key: string, snapTurnDeg: number): KeyAction | null {
  switch (key.toLowerCase()) {
    case 'arrowup':
    case 'w':
      return { kind: 'walk', forwardM: WALK_STEP_M, rightM: 0 }
    case 'arrowdown':
    case 's':
      return { kind: 'walk', forwardM: -WALK_STEP_M, rightM: 0 }
    case 'a':
      return { kind: 'walk', forwardM: 0, rightM: -WALK_STEP_M }
    case 'd':
      return { kind: 'walk', forwardM: 0, rightM: WALK_STEP_M }
    case 'arrowleft':
    case 'q':
      return { kind: 'turn', radians: snapTurnDeg * DEG }
    case 'arrowright':
    case 'e':
      return { kind: 'turn', radians: -snapTurnDeg * DEG }
    default:
      return null
  }
}

/** The horizontal displacement [dx, dz] in metres of a walk step at a yaw. */
export function walkDelta(yaw: number, forwardM: number, rightM: number): [number, number] {
  return [
    -Math.sin(yaw) * forwardM + Math.cos(yaw) * rightM,
    -Math.cos(yaw) * forwardM - Math.sin(yaw) * rightM,
  ]
}
