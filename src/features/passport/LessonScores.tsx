import { SCENES } from '../../../scenes/registry.ts'
import { attemptsLeft } from '../../domain/lesson/quiz-scoring.ts'
import { Localized, usePreferences } from '../../i18n/i18n.tsx'
import { formatDate } from '../../ui/format.ts'
import { useContent } from '../shell/content-context.tsx'
import { useRecords } from '../shell/records-context.tsx'
import { Link, paths } from '../shell/router.tsx'
import { usePassportStrings } from './strings.ts'

export function LessonScores() {
  const { prefs } = usePreferences()
  const ps = usePassportStrings()
  const content = useContent()
  const { progress } = useRecords()
  const lessons = [...progress.lessons.values()].flatMap((p) => {
    const lesson = content.lesson(p.lessonId)
    return lesson ? [{ p, lesson }] : []
  })
  // VR-only completions (the oath renewal) name a scene, not a lesson of the content.
  const vrOnly = [...progress.lessons.values()].flatMap((p) => {
    const scene = SCENES.find((s) => s.data.standaloneCompletion?.lessonId === p.lessonId)
    return scene && p.completed ? [{ p, scene: scene.data }] : []
  })
  return (
    <section aria-labelledby="passport-lessons">
      <h2 id="passport-lessons">{ps.passportLessons}</h2>
      {lessons.length + vrOnly.length === 0 ? (
        <p>{ps.passportNoLessons}</p>
      ) : (
        <ul className="stamp-list">
          {lessons.map(({ p, lesson }) => (
            <li key={lesson.id} className={p.completed ? 'stamped' : undefined}>
              <Link to={paths.lesson(lesson.id)}>
                <Localized text={lesson.title} />
              </Link>{' '}
              <span className="meta">
                {p.completed
                  ? ps.passportLessonDone(
                      p.bestScore === undefined ? '—' : `${Math.round(p.bestScore * 100)}%`,
                    )
                  : lesson.quiz && attemptsLeft(lesson.quiz, p.attempts) === 0
                    ? ps.passportLessonNotPassed
                    : ps.passportLessonInProgress}
                {p.attempts > 0 && ` · ${ps.passportLessonAttempts(p.attempts)}`}
                {/* Not yet passed, but scored: the same best score as the site's lesson card. */}
                {!p.completed &&
                  p.bestScore !== undefined &&
                  ` · ${ps.passportLessonBest(`${Math.round(p.bestScore * 100)}%`)}`}
              </span>
            </li>
          ))}
          {vrOnly.map(({ p, scene }) => (
            <li key={scene.id} className="stamped">
              <Link to={paths.vrScene(scene.id)}>
                <Localized text={scene.title} />
              </Link>{' '}
              <span className="meta">
                {ps.passportVrDone}
                {p.completedAt && ` · ${formatDate(p.completedAt, prefs.lang)}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
