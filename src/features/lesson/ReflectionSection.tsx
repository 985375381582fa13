import { useRef, useState } from 'react'
import type { Lesson } from '../../domain/content/pack.ts'
import { usePreferences } from '../../i18n/i18n.tsx'
import { useRecords } from '../shell/records-context.tsx'
import { DraftStatusLine } from './DraftStatusLine.tsx'
import { REFLECTION_MAX_LENGTH, type ReflectionDraft, reflectionDraftKey } from './drafts.ts'
import type { ReadyLessonData } from './LessonBody.tsx'
import type { StudyMode } from './lesson-mode.ts'
import { reflectionsOf } from './lesson-records.ts'
import type { SaveProblem } from './quiz-flow.ts'
import { saveProblemOf } from './save-problem.ts'
import { formatRecordTime, useLessonStrings } from './strings.ts'
import { useDraftSaver } from './useDraftSaver.ts'

/** Pause in typing before the draft is written; blur and the page being hidden write at once. */
const AUTOSAVE_DEBOUNCE_MS = 400

/** The reflection (心得体会): a draft autosaved as the member types, submitted as a `reflection` record. */
export function ReflectionSection({
  lesson,
  data,
  mode,
  headingId,
}: {
  lesson: Lesson
  data: ReadyLessonData
  mode: StudyMode
  headingId: string
}) {
  const s = useLessonStrings()
  const { prefs } = usePreferences()
  const { append } = useRecords()
  const [text, setText] = useState(data.drafts.reflection?.text ?? '')
  const [restored, setRestored] = useState(data.drafts.reflection !== null)
  const [submission, setSubmission] = useState<'idle' | 'saving' | 'saved' | SaveProblem>('idle')
  // The submit button is disabled once the box is empty: focus goes to the "submitted" line.
  const savedLine = useRef<HTMLParagraphElement>(null)
  const { saver, status } = useDraftSaver<ReflectionDraft>(
    data.log,
    data.member.memberId,
    reflectionDraftKey(lesson.id),
    AUTOSAVE_DEBOUNCE_MS,
  )
  const past = reflectionsOf(data.records, lesson.id)
  const hintId = `${headingId}-hint`
  const countId = `${headingId}-count`

  const change = (value: string) => {
    setText(value)
    setSubmission('idle')
    saver.change(value.trim() ? { v: 1, mode, text: value } : null)
  }

  const submit = async () => {
    const body = text.trim()
    if (!body || submission === 'saving') return
    setSubmission('saving')
    // The pending draft lands first; the record's transaction then removes it.
    await saver.flush()
    try {
      await append(
        'reflection',
        { lessonId: lesson.id, siteId: lesson.site, text: body },
        { clearsDraft: reflectionDraftKey(lesson.id) },
      )
    } catch (e) {
      // The text stays in the box, and its draft stays on disk.
      setSubmission(saveProblemOf(e))
      return
    }
    setText('')
    setRestored(false)
    savedLine.current?.focus()
    setSubmission('saved')
  }

  const problem = submission === 'storage-full' || submission === 'failed' ? submission : null
  return (
    <section className="lesson-reflection" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        {s.partReflection}
      </h2>
      <p id={hintId} className="hint">
        {s.reflectionHint}
      </p>
      {restored && text && (
        <p className="lesson-restored" role="status">
          {s.reflectionRestored}
        </p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <label htmlFor={`${headingId}-text`} className="lesson-label">
          {s.reflectionLabel}
        </label>
        <textarea
          id={`${headingId}-text`}
          className="lesson-textarea"
          rows={8}
          maxLength={REFLECTION_MAX_LENGTH}
          value={text}
          readOnly={submission === 'saving'}
          aria-describedby={`${hintId} ${countId}`}
          onChange={(e) => change(e.target.value)}
          onBlur={() => void saver.flush()}
        />
        <p id={countId} className="lesson-progress">
          {s.charCount(text.length, REFLECTION_MAX_LENGTH)}
        </p>
        <DraftStatusLine status={status} visible={text.trim() !== ''} submitProblem={problem} />
        <p role="status" className="lesson-saved" tabIndex={-1} ref={savedLine}>
          {submission === 'saved' && s.reflectionSaved}
        </p>
        <button
          type="submit"
          className="lesson-primary lesson-wide"
          disabled={!text.trim() || submission === 'saving'}
        >
          {s.submitReflection}
        </button>
      </form>
      {past.length > 0 && (
        <>
          <h3>{s.pastReflections}</h3>
          <ol className="lesson-past">
            {past.map((r) => (
              <li key={r.id}>
                <p className="meta">
                  <time dateTime={r.occurredAt}>{formatRecordTime(r.occurredAt, prefs.lang)}</time>
                </p>
                <p className="lesson-past-text">{r.payload.text}</p>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  )
}
