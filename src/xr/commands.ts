/**
 * The trainer's guided-mode commands as a scene receives them (DESIGN.md: "in guided mode the
 * trainer's tablet drives every headset of the class"). The live channel that carries them is
 * not here: anything that can produce these (the channel later, the test API now) feeds them
 * through a `SceneCommandSource` into the VR screen, which applies them to the scene's store.
 */
export type SceneCommand =
  | { readonly type: 'go-to-scene'; readonly sceneId: string }
  | { readonly type: 'look-at-hotspot'; readonly hotspotId: string }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  | { readonly type: 'start-oath' }
  | { readonly type: 'next-oath-line' }
  | { readonly type: 'end' }

export type SceneCommandListener = (command: SceneCommand) => void

/** Where commands come from; returns the unsubscribe function. */
export interface SceneCommandSource {
  subscribe(listener: SceneCommandListener): () => void
}

/** A source fed by hand: the test API's `dispatch`, and a stand-in until the live channel exists. */
export function createLocalCommandSource(): SceneCommandSource & { dispatch(command: SceneCommand): void } {
  const listeners = new Set<SceneCommandListener>()
  return {
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    dispatch(command) {
      for (const l of [...listeners]) l(command)
    },
  }
}

const TYPES = new Set([
  'go-to-scene',
  'look-at-hotspot',
  'pause',
  'resume',
  'start-oath',
  'next-oath-line',
  'end',
])

/** Narrows untrusted input (a message off the wire) to a command, or null. */
export function parseSceneCommand(input: unknown): SceneCommand | null {
  if (typeof input !== 'object' || input === null) return null
  const c = input as Record<string, unknown>
  if (typeof c.type !== 'string' || !TYPES.has(c.type)) return null
  if (c.type === 'go-to-scene')
    return typeof c.sceneId === 'string' ? { type: c.type, sceneId: c.sceneId } : null
  if (c.type === 'look-at-hotspot')
    return typeof c.hotspotId === 'string' ? { type: c.type, hotspotId: c.hotspotId } : null
  return { type: c.type } as SceneCommand
}
