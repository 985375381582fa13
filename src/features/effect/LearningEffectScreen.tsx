import { usePreferences } from '../../i18n/i18n.tsx'
import { formatDateTime } from '../../ui/format.ts'
import { StatusMessage } from '../../ui/StatusMessage.tsx'
import { Link, paths } from '../shell/router.tsx'
import { useScreenTitle } from '../shell/useScreenTitle.ts'
import { TrainerGate } from '../trainer/TrainerGate.tsx'
import type { EffectFailure, EffectState } from './effect-state.ts'
import { LessonEffectSection } from './LessonEffectSection.tsx'
import { useEffectStrings } from './strings.ts'
import { useLearningEffect } from './use-learning-effect.ts'
import './effect.css'

/**
 * /trainer/classes/:id/effect (学习效果): per lesson, the questions hardest first, and where the
 * lesson has a pre-test, each member before and after with the class mean. The figures come
 * from the server (src/domain/classes/learning-effect.ts over the class's synced records), so
 * the screen needs a connection; an answer read earlier stays on screen while offline.
 */
export default function LearningEffectScreen({ classId }: { classId: string }) {
  const s = useEffectStrings()
  return <TrainerGate title={s.title}>{() => <Effect classId={classId} />}</TrainerGate>
}

function Effect({ classId }: { classId: string }) {
  const s = useEffectStrings()
  const { prefs } = usePreferences()
  const { state, refresh } = useLearningEffect(classId)
  const className = state.status === 'ready' ? state.value.className : null
  const heading = useScreenTitle(className ? `${s.title} · ${className}` : s.title)

  return (
    <>
      <p className="effect-back">
        <Link to={paths.trainerClass(classId)} className="back-link">
          <span aria-hidden="true">← </span>
          {s.backToClass}
        </Link>
      </p>
      <h1 ref={heading} tabIndex={-1}>
        {s.title}
        {className && ` · ${className}`}
      </h1>
      {state.status === 'loading' && <StatusMessage title={s.loading} />}
      {state.status === 'failed' && <Failure state={state} onRetry={refresh} />}
      {state.status === 'ready' && (
        <>
          <div className="effect-refresh">
            <p className="meta" role="status">
              {state.refreshing ? s.refreshing : s.updatedAt(formatDateTime(state.fetchedAt, prefs.lang))}
              {state.problem?.kind === 'offline' && ` ${s.staleOffline}`}
              {state.problem?.kind === 'error' && ` ${s.errorBody(state.problem.status)}`}
            </p>
            <button type="button" onClick={refresh} disabled={state.refreshing}>
              {s.refresh}
            </button>
          </div>
          <p className="hint">{s.howCounted}</p>
          {state.value.lessons.length === 0 ? (
            <p className="notice">{s.noAttempts}</p>
          ) : (
            state.value.lessons.map((lesson) => (
              <LessonEffectSection
                key={lesson.lessonId}
                lesson={lesson}
                memberCount={state.value.memberCount}
              />
            ))
          )}
        </>
      )}
    </>
  )
}

function Failure({
  state,
  onRetry,
}: {
  state: Extract<EffectState, { status: 'failed' }>
  onRetry: () => void
}) {
  const s = useEffectStrings()
  const { title, body } = failureText(s, state.problem)
  const canRetry = state.problem.kind === 'offline' || state.problem.kind === 'error'
  return (
    <StatusMessage title={title} tone={state.problem.kind === 'offline' ? 'info' : 'error'}>
      <p>{body}</p>
      {state.problem.kind === 'logged-out' && (
        <Link to={paths.login()} className="button-link primary">
          {s.logIn}
        </Link>
      )}
      {canRetry && (
        <button type="button" onClick={onRetry} disabled={state.retrying}>
          {state.retrying ? s.refreshing : s.retry}
        </button>
      )}
    </StatusMessage>
  )
}

function failureText(s: ReturnType<typeof useEffectStrings>, problem: EffectFailure) {
  switch (problem.kind) {
    case 'offline':
      return { title: s.offlineTitle, body: s.offlineBody }
    case 'forbidden':
      return { title: s.forbiddenTitle, body: s.forbiddenBody }
    case 'not-found':
      return { title: s.notFoundTitle, body: s.notFoundBody }
    case 'logged-out':
      return { title: s.loggedOutTitle, body: s.loggedOutBody }
    case 'error':
      return { title: s.errorTitle, body: s.errorBody(problem.status) }
  }
}
