import { Button3D } from '../../src/xr/Button3D.tsx'
import { Label } from '../../src/xr/Label.tsx'
import { useSceneActions, useSceneStore } from '../../src/xr/scene-store.ts'
import { useXrText } from '../../src/xr/use-xr-text.ts'

/** The board stands 2.1 m in front of the flag; text 0.075 m tall is ≈ 17 dmm from the spawn 4.4 m away, ≈ 28 dmm from 2.7 m. */
const AT: [number, number, number] = [0, 1.15, -2.4]
const WIDTH_M = 2.4
const HEIGHT_M = 1.5
const LINE_M = 0.075
const LINE_GAP_M = 0.1

/**
 * The ceremony: the oath's lines appear one at a time (the trainer's `next-oath-line`, or the
 * member's own "下一句" when no trainer leads); after the last line, "宣誓完毕" records it.
 */
export function OathBoard() {
  const lines = useSceneStore((s) => s.oathLines)
  const oath = useSceneStore((s) => s.guided.oath)
  const trainerLeads = useSceneStore((s) => s.guided.trainerLeads)
  const save = useSceneStore((s) => s.oathSave)
  const sourceText = useSceneStore((s) => s.scene.ceremony?.source)
  const { s: xrStrings, text } = useXrText()
  const source = sourceText ? text(sourceText) : ''
  const { nextOathLine, finishOath } = useSceneActions()
  const top = HEIGHT_M / 2 - 0.1
  const bottom = -HEIGHT_M / 2 + 0.1
  const status =
    save === 'saving'
      ? xrStrings.saving
      : save === 'saved'
        ? xrStrings.saved
        : save === 'idle'
          ? ''
          : xrStrings.saveFailed
  return (
    <group name="oath-board" position={AT}>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a three.js object, not a DOM element */}
      <mesh position={[0, 0, -0.02]} onClick={(e) => e.stopPropagation()}>
        <planeGeometry args={[WIDTH_M, HEIGHT_M]} />
        <meshBasicMaterial color="#fffaf3" toneMapped={false} />
      </mesh>
      {oath.shown === 0 ? (
        <Label size={LINE_M} position={[0, 0.2, 0]} color="#b0121b">
          {trainerLeads ? xrStrings.oathWaiting : `${xrStrings.oathWaiting}\n${xrStrings.oathLeadHint}`}
        </Label>
      ) : (
        <Label
          name="oath-lines"
          size={LINE_M}
          position={[-WIDTH_M / 2 + 0.15, top, 0]}
          anchorX="left"
          anchorY="top"
          lineHeight={LINE_GAP_M / LINE_M}
          maxWidth={WIDTH_M / 2 - 0.2}
        >
          {lines.slice(0, oath.shown).join('\n')}
        </Label>
      )}
      <Label size={0.045} position={[WIDTH_M / 4, bottom + 0.2, 0]} color="#6b4428">
        {source}
      </Label>
      {oath.phase !== 'read' && !trainerLeads && (
        <Button3D
          id="oath-next"
          label={xrStrings.nextLine}
          onPress={nextOathLine}
          position={[WIDTH_M / 4, bottom + 0.05, 0]}
          width={0.5}
          height={0.12}
          textSize={0.05}
        />
      )}
      {oath.phase === 'read' && save !== 'saved' && (
        <Button3D
          id="oath-done"
          label={xrStrings.oathDone}
          onPress={() => void finishOath()}
          disabled={save === 'saving'}
          position={[WIDTH_M / 4, bottom + 0.05, 0]}
          width={0.5}
          height={0.12}
          textSize={0.05}
        />
      )}
      {status && (
        <Label name="oath-save-status" size={0.05} position={[WIDTH_M / 4, bottom + 0.35, 0]} color="#b0121b">
          {status}
        </Label>
      )}
    </group>
  )
}
