import { useState } from 'react'
import { SCENES } from '../../../scenes/registry.ts'
import type { GuideCommand } from '../../domain/guide/commands.ts'
import { splitOathLines } from '../../domain/scenes/oath.ts'
import { useLocalizedString } from '../../i18n/i18n.tsx'
import { useContent } from '../shell/content-context.tsx'
import { describeCommand, type Names, useGuideText } from './describe.ts'
import { followedOf } from './followed.ts'
import type { ClassGuideState, CommandOutcome, GuideController } from './guide-controller.ts'
import type { LeadClass } from './lead-class.ts'
import type { GuideStrings } from './strings.ts'

/** The outcome of a command, said with the current words and names (a stop's, a lesson's). */
type Say = (t: GuideStrings, names: Names) => string

/** The trainer's buttons: the VR scenes (if any), gather at a stop, a stop's lessons and quizzes, the end. */
export function LeadCommands({
  cls,
  controller,
  state,
  enabled,
}: {
  cls: LeadClass
  controller: GuideController
  state: ClassGuideState | undefined
  enabled: boolean
}) {
  const { t, names } = useGuideText()
  const text = useLocalizedString()
  const content = useContent()
  // What to say, not the words said: switching the language re-says it, the command's names too.
  const [feedback, setFeedback] = useState<{ say: Say } | null>(null)
  // Ending reaches every member's screen at once: asked twice, so a stray tap on a tablet does not.
  const [confirmingEnd, setConfirmingEnd] = useState(false)
  const route = cls.routeId ? content.route(cls.routeId) : undefined
  // The class's scenes in its own order, as its dashboard has them; none means no VR commands
  // (the server refuses them too: src/domain/guide/validate.ts).
  const scenes = cls.sceneIds.flatMap((id) => SCENES.find((s) => s.data.id === id)?.data ?? [])
  const focus = state?.active.focus?.command
  const paused = (state?.active.pause ?? null) !== null

  const send = async (command: GuideCommand) => {
    setFeedback(null)
    const outcome: CommandOutcome = await controller.command(cls.id, command)
    if (outcome.ok) return setFeedback({ say: (t, names) => t.sent(describeCommand(command, t, names)) })
    const { code, message } = outcome
    const why = (t: GuideStrings) =>
      code === 'offline'
        ? t.offline
        : code === 'timeout'
          ? t.timeout
          : code === 'rate_limited'
            ? t.rateLimited
            : message
    setFeedback({ say: (t) => t.sendFailed(why(t)) })
  }
  const button = (label: string, command: GuideCommand, extra: { pressed?: boolean } = {}) => (
    <button type="button" disabled={!enabled} aria-pressed={extra.pressed} onClick={() => void send(command)}>
      {label}
    </button>
  )

  // The route's commands first on a field trip; the VR commands first for a class with no route,
  // or one already in VR when the screen opened (the trainer in the VR center pauses and leads the
  // oath again and again; on a 1024 × 768 tablet they were two screens down). Decided once the
  // class's state is known, and kept: the buttons never move under the trainer's finger.
  const [vrFirst, setVrFirst] = useState<boolean | null>(null)
  if (vrFirst === null && (state !== undefined || !route))
    setVrFirst(scenes.length > 0 && (!route || paused || (focus?.type.startsWith('vr-') ?? false)))
  const jump = (id: string) => {
    const heading = document.getElementById(id)
    heading?.scrollIntoView({ block: 'start' })
    heading?.focus({ preventScroll: true })
  }
  const vrSection = scenes.length > 0 && (
    <section aria-labelledby="lead-vr">
      <h2 id="lead-vr" tabIndex={-1}>
        {t.sectionVr}
      </h2>
      <p className="lead-vr-pause">
        {button(paused ? t.resume : t.pause, { type: 'vr-pause', paused: !paused }, { pressed: paused })}
      </p>
      {scenes.map((scene) => {
        const title = text(scene.title)
        const lines = scene.ceremony ? splitOathLines(scene.ceremony.text.zh).length : 0
        const shown =
          focus?.type === 'vr-oath-line' && focus.sceneId === scene.id
            ? focus.line
            : focus?.type === 'vr-oath-start' && focus.sceneId === scene.id
              ? 1
              : 0
        return (
          <fieldset key={scene.id} className="lead-scene">
            <legend>{title}</legend>
            <p>{button(t.enterScene(title), { type: 'vr-scene', sceneId: scene.id })}</p>
            <ul className="lead-buttons">
              {scene.hotspots.map((h) => (
                <li key={h.id}>
                  {button(t.lookAt(text(h.title)), {
                    type: 'vr-look',
                    sceneId: scene.id,
                    hotspotId: h.id,
                  })}
                </li>
              ))}
            </ul>
            {lines > 0 && (
              <p className="lead-buttons">
                {button(t.oathStart, { type: 'vr-oath-start', sceneId: scene.id })}
                {shown > 0 &&
                  shown < lines &&
                  button(t.oathNext(shown, lines), {
                    type: 'vr-oath-line',
                    sceneId: scene.id,
                    line: shown + 1,
                  })}
              </p>
            )}
          </fieldset>
        )
      })}
    </section>
  )
  const routeSections = route && (
    <>
      <section aria-labelledby="lead-gather">
        <h2 id="lead-gather" tabIndex={-1}>
          {t.sectionGather}
        </h2>
        <ul className="lead-buttons">
          {route.stops.map((stop, i) => (
            <li key={stop.site}>
              {button(t.stop(i + 1, names.site(stop.site)), { type: 'gather', siteId: stop.site })}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="lead-lessons">
        <h2 id="lead-lessons">{t.sectionLessons}</h2>
        {route.stops.flatMap((stop) =>
          (content.site(stop.site)?.lessons ?? []).map((lessonId) => {
            const lesson = content.lesson(lessonId)
            if (!lesson) return null
            const title = text(lesson.title)
            return (
              <fieldset key={lessonId} className="lead-lesson">
                <legend className="lead-lesson-title">{title}</legend>
                {button(t.start, { type: 'start-lesson', lessonId })}
                {button(t.quiz, { type: 'show-quiz', lessonId })}
              </fieldset>
            )
          }),
        )}
      </section>
    </>
  )
  // Said at the bottom of the screen, in view whichever button was pressed: at the top of the
  // commands it was out of view after a tap low on the page (a phone's page is four screens long),
  // and a failed send went unseen. How many have followed sits beside it, outside the live region
  // (each arrival would be read out again).
  const { seq, followed, total } = followedOf(cls, state)
  const feedbackBar = (
    <div className="lead-feedback-bar" data-shown={feedback !== null || seq > 0}>
      <p role="status" className="lead-feedback" data-testid="lead-feedback">
        {feedback?.say(t, names)}
      </p>
      {seq > 0 && <p className="lead-feedback-followed">{t.followedCount(followed, total)}</p>}
    </div>
  )
  return (
    <>
      {vrSection && routeSections && (
        // Both kinds of command: one tap to the other group, wherever it is in the order.
        <p className="lead-jump">
          <button type="button" onClick={() => jump(vrFirst ? 'lead-gather' : 'lead-vr')}>
            {t.jumpTo(vrFirst ? t.sectionGather : t.sectionVr)}
          </button>
        </p>
      )}
      {vrFirst ? (
        <>
          {vrSection}
          {routeSections}
        </>
      ) : (
        <>
          {routeSections}
          {vrSection}
        </>
      )}
      <section aria-labelledby="lead-end">
        <h2 id="lead-end">{t.sectionEnd}</h2>
        {confirmingEnd ? (
          <div role="alertdialog" aria-labelledby="lead-end-q" className="status-line warn">
            <p id="lead-end-q">{t.endConfirmQuestion}</p>
            <p className="actions">
              <button
                type="button"
                className="primary"
                disabled={!enabled}
                onClick={() => {
                  setConfirmingEnd(false)
                  void send({ type: 'end' })
                }}
              >
                {t.endConfirm}
              </button>
              <button type="button" onClick={() => setConfirmingEnd(false)}>
                {t.endCancel}
              </button>
            </p>
          </div>
        ) : (
          <button type="button" disabled={!enabled} onClick={() => setConfirmingEnd(true)}>
            {t.end}
          </button>
        )}
      </section>
      {feedbackBar}
    </>
  )
}
