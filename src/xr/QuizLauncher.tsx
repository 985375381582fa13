import { directionFromYawPitch } from '../domain/scenes/angles.ts'
import { Button3D } from './Button3D.tsx'
import { useSceneActions, useSceneStore } from './scene-store.ts'
import { useXrText } from './use-xr-text.ts'

/** Where the launcher stands from the spawn: ahead, a little to the right (in view on a phone too), metres. */
const AHEAD_M = 1.4
const RIGHT_M = 0.35
const HEIGHT_M = 1.0

/**
 * "开始测验" in the scene itself, so a member in a headset can start the quiz without the page.
 * World-fixed near the spawn, turned toward it; hidden while the quiz is open.
 */
export function QuizLauncher() {
  const hasQuiz = useSceneStore((s) => s.quiz !== null)
  const quizOpen = useSceneStore((s) => s.quizOpen)
  const spawn = useSceneStore((s) => s.scene.spawn)
  const { openQuiz } = useSceneActions()
  const strings = useXrText().s
  if (!hasQuiz || quizOpen) return null
  const [fx, , fz] = directionFromYawPitch(spawn.yawDeg, 0)
  const [rx, , rz] = directionFromYawPitch(spawn.yawDeg + 90, 0)
  const x = spawn.position[0] + fx * AHEAD_M + rx * RIGHT_M
  const z = spawn.position[2] + fz * AHEAD_M + rz * RIGHT_M
  return (
    <group
      position={[x, spawn.position[1] + HEIGHT_M, z]}
      rotation={[0, Math.atan2(-(fx * AHEAD_M + rx * RIGHT_M), -(fz * AHEAD_M + rz * RIGHT_M)), 0]}
    >
      <Button3D
        id="open-quiz"
        label={strings.startQuiz}
        onPress={openQuiz}
        position={[0, 0, 0]}
        width={0.42}
        height={0.14}
        textSize={0.06}
      />
    </group>
  )
}
