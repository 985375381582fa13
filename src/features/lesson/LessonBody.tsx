import { useEffect, useRef, useState } from 'react'
import type { Lesson } from '../../domain/content/pack.ts'
import { presenceAt } from '../../domain/records/presence.ts'
import { NAVIGATE_EVENT } from '../shell/router.tsx'
import { LessonSteps } from './LessonSteps.tsx'
import { resolveMode, type StudyMode } from './lesson-mode.ts'
import { hasStudied } from './lesson-records.ts'
import { initialView, type LessonView, searchOfView, viewFromSearch } from './lesson-view.ts'
import { ModeGate, ModeNote } from './ModePanel.tsx'
import { PretestSection } from './PretestSection.tsx'
import { QuizSection } from './QuizSection.tsx'
import { ReflectionSection } from './ReflectionSection.tsx'
import { useLessonStrings } from './strings.ts'
import type { LessonData } from './useLessonData.ts'
import { usePretestGate } from './usePretestGate.ts'

export type ReadyLessonData = Extract<LessonData, { status: 'ready' }>

/** Decides the mode, then shows the lesson; until the member may take it, the mode gate instead. */
export function LessonBody({ lesson, data }: { lesson: Lesson; data: ReadyLessonData }) {
  // A draft, a record of this lesson or a choice earlier in this session means the member
  // already chose: do not ask again (presence at the site still wins, see resolveMode).
  const [choseRemote, setChoseRemote] = useState(
    () =>
      data.drafts.quiz?.mode === 'remote' ||
      data.drafts.reflection?.mode === 'remote' ||
      hasStudied(data.records, lesson.id) ||
      rememberedRemoteChoice(lesson.id),
  )
  // Set when the member has just chosen: the button they pressed is gone, so focus moves on.
  const [justChose, setJustChose] = useState(false)
  const chooseRemote = () => {
    rememberRemoteChoice(lesson.id)
    setChoseRemote(true)
    setJustChose(true)
  }
  const pretest = usePretestGate(lesson, data)
  const presence = presenceAt(data.progress, lesson.site).kind
  const mode = resolveMode(lesson, { presence, choseRemote })
  if (mode.kind === 'choose' || mode.kind === 'checkin-required')
    return <ModeGate mode={mode} siteId={lesson.site} onStudyRemotely={chooseRemote} />
  return (
    <>
      <ModeNote mode={mode.kind} confirmed={presence === 'confirmed'} siteId={lesson.site} />
      {pretest.gate.status === 'open' && (
        <PretestSection
          lesson={lesson}
          data={data}
          mode={mode.kind}
          draft={pretest.gate.draft}
          focusFirst={justChose}
          onSkip={pretest.skip}
          onDone={pretest.close}
        />
      )}
      {pretest.gate.status === 'closed' && (
        <LessonParts
          lesson={lesson}
          data={data}
          mode={mode.kind}
          focusFirst={justChose || pretest.gate.byMember}
        />
      )}
    </>
  )
}

/**
 * The remote choice also lives in sessionStorage, so that reading a step and reloading (or
 * Android restoring a killed tab) does not ask again. Losing it only means asking again.
 */
const remoteChoiceKey = (lessonId: string) => `hongtu.lesson.remote.${lessonId}`

function rememberedRemoteChoice(lessonId: string): boolean {
  try {
    return sessionStorage.getItem(remoteChoiceKey(lessonId)) === '1'
  } catch {
    return false
  }
}

function rememberRemoteChoice(lessonId: string): void {
  try {
    sessionStorage.setItem(remoteChoiceKey(lessonId), '1')
  } catch {
    // Storage disabled: the choice lasts as long as the screen.
  }
}

const headingIdOf = (view: LessonView) => `lesson-part-${view.kind}`

/**
 * The three parts of a lesson. All stay mounted (hidden when not shown), so a member who goes
 * back to a step to check something finds their quiz answers and reflection as they left them.
 */
function LessonParts({
  lesson,
  data,
  mode,
  focusFirst,
}: {
  lesson: Lesson
  data: ReadyLessonData
  mode: StudyMode
  /** Whether to focus the first part's heading on mount, as after a member's own move. */
  focusFirst: boolean
}) {
  const s = useLessonStrings()
  const [view, setView] = useState<LessonView>(
    () =>
      viewFromSearch(location.search, lesson.steps.length) ??
      initialView({ quiz: data.drafts.quiz !== null, reflection: data.drafts.reflection !== null }),
  )
  const [lastStep, setLastStep] = useState(view.kind === 'step' ? view.index : 0)
  const moved = useRef(focusFirst)

  useEffect(() => {
    history.replaceState(history.state, '', `${location.pathname}${searchOfView(view)}`)
    // Only a member's own move takes focus; opening the screen focuses its title instead.
    if (!moved.current) return
    moved.current = false
    const heading = document.getElementById(headingIdOf(view))
    heading?.focus({ preventScroll: true })
    heading?.scrollIntoView({ block: 'nearest' })
  }, [view])

  const go = (next: LessonView) => {
    moved.current = true
    if (next.kind === 'step') setLastStep(next.index)
    setView(next)
  }

  // A navigation to this lesson with a view in the address (the trainer's "show the quiz" in
  // guided mode) moves the open lesson there, as opening it with that address would.
  const stepCount = lesson.steps.length
  useEffect(() => {
    const follow = () => {
      const next = viewFromSearch(location.search, stepCount)
      if (next) {
        if (next.kind === 'step') setLastStep(next.index)
        setView(next)
      }
    }
    window.addEventListener(NAVIGATE_EVENT, follow)
    return () => window.removeEventListener(NAVIGATE_EVENT, follow)
  }, [stepCount])
  const parts = [
    { view: { kind: 'step', index: lastStep }, label: s.partSteps },
    { view: { kind: 'quiz' }, label: s.partQuiz },
    { view: { kind: 'reflection' }, label: s.partReflection },
  ] as const

  return (
    <>
      <nav aria-label={s.partsLabel} className="lesson-parts">
        <ul>
          {parts.map((p) => (
            <li key={p.view.kind}>
              <button
                type="button"
                aria-current={p.view.kind === view.kind ? 'step' : undefined}
                onClick={() => go(p.view)}
              >
                {p.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div hidden={view.kind !== 'step'}>
        <LessonSteps
          steps={lesson.steps}
          index={view.kind === 'step' ? view.index : lastStep}
          headingId={headingIdOf({ kind: 'step', index: 0 })}
          onGo={(index) => go({ kind: 'step', index })}
          onFinish={() => go({ kind: 'quiz' })}
        />
      </div>
      <div hidden={view.kind !== 'quiz'}>
        <QuizSection
          lesson={lesson}
          data={data}
          mode={mode}
          headingId={headingIdOf({ kind: 'quiz' })}
          onReflect={() => go({ kind: 'reflection' })}
        />
      </div>
      <div hidden={view.kind !== 'reflection'}>
        <ReflectionSection
          lesson={lesson}
          data={data}
          mode={mode}
          headingId={headingIdOf({ kind: 'reflection' })}
        />
      </div>
    </>
  )
}
