import { useEffect, useMemo } from 'react'
import { activeEvents } from '../../domain/guide/active.ts'
import type { CommandEvent } from '../../domain/guide/commands.ts'
import { createLocalCommandSource, type SceneCommandSource } from '../../xr/commands.ts'
import { useGuide } from './GuideProvider.tsx'

/**
 * The trainer's VR commands, as one VR scene's command source (src/xr/commands.ts). On opening
 * the scene it replays where the class is (a hotspot to look at, the oath up to its current
 * line, a pause), then passes on what comes. Oath lines are absolute on the wire and one step
 * at a time in the scene, so a headset that joins late shows the same line as the others. The
 * end is passed on only live: a member opening a scene after the session ended is free in it.
 * The source is a local one, so the test API's `dispatch` keeps working beside it.
 */
export function useGuideSceneCommands(sceneId: string): SceneCommandSource {
  const live = useGuide()
  // One source per scene screen, with how many oath lines it has been told to show (kept
  // across re-runs of the effect, so a replay never shows more lines than the trainer led).
  const scene = useMemo(() => {
    void sceneId
    return { source: createLocalCommandSource(), oathShown: 0 }
  }, [sceneId])
  const { source } = scene

  useEffect(() => {
    if (!live) return
    const { controller } = live
    const apply = (event: CommandEvent, replayed: boolean) => {
      const c = event.command
      switch (c.type) {
        case 'vr-look':
          if (c.sceneId === sceneId) source.dispatch({ type: 'look-at-hotspot', hotspotId: c.hotspotId })
          return
        case 'vr-pause':
          return source.dispatch({ type: c.paused ? 'pause' : 'resume' })
        case 'vr-oath-start':
        case 'vr-oath-line': {
          if (c.sceneId !== sceneId) return
          if (c.type === 'vr-oath-start' || scene.oathShown === 0) {
            source.dispatch({ type: 'start-oath' })
            scene.oathShown = Math.max(1, scene.oathShown)
          }
          const line = c.type === 'vr-oath-line' ? c.line : 1
          for (; scene.oathShown < line; scene.oathShown++) source.dispatch({ type: 'next-oath-line' })
          return
        }
        case 'end':
          if (!replayed) source.dispatch({ type: 'end' })
          return
        default:
          return
      }
    }
    for (const cls of controller.getSnapshot().classes.values())
      if (cls.role === 'follow') for (const event of activeEvents(cls.active)) apply(event, true)
    // The controller marks what it replays on (re)connecting: a scene opened before the
    // subscription was answered hears the class's state through here, not through the snapshot.
    return controller.onFollow(apply)
  }, [live, sceneId, scene, source])

  return source
}
