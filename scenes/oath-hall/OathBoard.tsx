import { usePreferences } from '../../src/i18n/i18n.tsx'
import { Button3D } from '../../src/xr/Button3D.tsx'
import { Label } from '../../src/xr/Label.tsx'
import { useSceneActions, useSceneStore } from '../../src/xr/scene-store.ts'
import { useXrText } from '../../src/xr/use-xr-text.ts'
import {
  BOARD_AT,
  BOARD_HEIGHT_M,
  BOARD_LINE_HEIGHT,
  BOARD_TEXT_M,
  BOARD_WIDTH_M,
  BOTTOM_ROW_Y_M,
  BUTTON,
  BUTTON_X_M,
  NOTE_TOP_M,
  OATH_TOP_M,
  STATUS_Y_M,
  TEXT_LEFT_M,
  TEXT_WIDTH_M,
} from './board-layout.ts'

/**
 * The ceremony: the oath's lines appear one at a time (the trainer's `next-oath-line`, or the
 * member's own "下一句" when no trainer leads); after the last line, "宣誓完毕" records it. The
 * page shows the same lines as text (src/features/vr/OathText.tsx). Layout: board-layout.ts.
 */
export function OathBoard() {
  const lines = useSceneStore((s) => s.oathLines)
  const oath = useSceneStore((s) => s.guided.oath)
  const trainerLeads = useSceneStore((s) => s.guided.trainerLeads)
  const save = useSceneStore((s) => s.oathSave)
  const ceremony = useSceneStore((s) => s.scene.ceremony)
  const { s: xrStrings, text } = useXrText()
  // The oath is taken in the words of the Party Constitution: with no English text, it is not
  // translated here but said to be in Chinese.
  const chineseOnly = usePreferences().prefs.lang === 'en' && !ceremony?.text.en
  const source = ceremony?.source ? text(ceremony.source) : ''
  const { nextOathLine, finishOath } = useSceneActions()
  const status =
    save === 'saving'
      ? xrStrings.saving
      : save === 'saved'
        ? xrStrings.saved
        : save === 'idle'
          ? ''
          : xrStrings.saveFailed
  const textProps = { size: BOARD_TEXT_M, lineHeight: BOARD_LINE_HEIGHT } as const
  return (
    <group name="oath-board" position={[...BOARD_AT]}>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a three.js object, not a DOM element */}
      <mesh position={[0, 0, -0.02]} onClick={(e) => e.stopPropagation()}>
        <planeGeometry args={[BOARD_WIDTH_M, BOARD_HEIGHT_M]} />
        <meshBasicMaterial color="#fffaf3" toneMapped={false} />
      </mesh>
      {oath.shown === 0 ? (
        <Label
          {...textProps}
          position={[TEXT_LEFT_M, OATH_TOP_M, 0]}
          anchorX="left"
          anchorY="top"
          maxWidth={TEXT_WIDTH_M}
          color="#b0121b"
        >
          {trainerLeads ? xrStrings.oathWaiting : `${xrStrings.oathWaiting}\n${xrStrings.oathLeadHint}`}
        </Label>
      ) : (
        <Label
          {...textProps}
          name="oath-lines"
          position={[TEXT_LEFT_M, OATH_TOP_M, 0]}
          anchorX="left"
          anchorY="top"
          maxWidth={TEXT_WIDTH_M}
        >
          {lines.slice(0, oath.shown).join('，')}
        </Label>
      )}
      {chineseOnly && (
        <Label
          {...textProps}
          name="oath-chinese-only"
          position={[TEXT_LEFT_M, NOTE_TOP_M, 0]}
          anchorX="left"
          anchorY="top"
          maxWidth={TEXT_WIDTH_M}
          color="#6b4428"
        >
          {xrStrings.oathChineseOnly}
        </Label>
      )}
      <Label {...textProps} position={[TEXT_LEFT_M, BOTTOM_ROW_Y_M, 0]} anchorX="left" color="#6b4428">
        {source}
      </Label>
      {oath.phase !== 'read' && !trainerLeads && (
        <Button3D
          id="oath-next"
          label={xrStrings.nextLine}
          onPress={nextOathLine}
          position={[BUTTON_X_M, BOTTOM_ROW_Y_M, 0]}
          width={BUTTON.width}
          height={BUTTON.height}
          textSize={BOARD_TEXT_M}
        />
      )}
      {oath.phase === 'read' && save !== 'saved' && (
        <Button3D
          id="oath-done"
          label={xrStrings.oathDone}
          onPress={() => void finishOath()}
          disabled={save === 'saving'}
          position={[BUTTON_X_M, BOTTOM_ROW_Y_M, 0]}
          width={BUTTON.width}
          height={BUTTON.height}
          textSize={BOARD_TEXT_M}
        />
      )}
      {status && (
        <Label {...textProps} name="oath-save-status" position={[BUTTON_X_M, STATUS_Y_M, 0]} color="#b0121b">
          {status}
        </Label>
      )}
    </group>
  )
}
