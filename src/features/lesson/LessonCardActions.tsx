import type { Lesson } from '../../domain/content/pack.ts'
import { useRecords } from '../shell/records-context.tsx'
import { Link, paths } from '../shell/router.tsx'
import { type LessonStatus, lessonStatus } from './lesson-records.ts'
import { type LessonStrings, useLessonStrings } from './strings.ts'
import './lesson.css'

function statusText(status: LessonStatus, s: LessonStrings): string {
  switch (status.kind) {
    case 'not-started':
      return s.statusNotStarted
    case 'started':
      return s.statusStarted
    case 'tried':
      return s.statusTried(status.attempts, status.bestScore)
    case 'completed':
      return s.statusCompleted(status.bestScore)
  }
}

/** The member's status of a lesson and the way into it, for the lesson's card on the site page. */
export function LessonCardActions({ lesson }: { lesson: Lesson }) {
  const s = useLessonStrings()
  const { state, progress } = useRecords()
  const status = lessonStatus(progress.lessons.get(lesson.id))
  return (
    <div className="lesson-card-actions">
      {/* Until the log is open the status is unknown, and "未开始" would be a wrong claim. */}
      {state.status === 'ready' && <p className="lesson-card-status">{statusText(status, s)}</p>}
      <Link to={paths.lesson(lesson.id)} className="lesson-button-link lesson-start">
        {status.kind === 'not-started'
          ? s.startLesson
          : status.kind === 'completed'
            ? s.reviewLesson
            : s.continueLesson}
      </Link>
    </div>
  )
}
