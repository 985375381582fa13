import type {
  LessonEffect,
  MemberPrePost,
  PrePostEffect,
  QuestionEffect,
} from '../../domain/classes/learning-effect.ts'
import { Localized } from '../../i18n/i18n.tsx'
import { useEffectStrings } from './strings.ts'

/**
 * One lesson's learning effect: its questions hardest first, each with its share right as a bar
 * and as text (the bar is decoration for sighted readers; the sentence beside it says the same
 * for everyone), then the before/after table when the lesson has a pre-test.
 */
export function LessonEffectSection({ lesson, memberCount }: { lesson: LessonEffect; memberCount: number }) {
  const s = useEffectStrings()
  const headingId = `effect-${lesson.lessonId}`
  return (
    <section className="effect-lesson" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <Localized text={lesson.title} />
      </h2>
      <p className="meta">{s.membersAnswered(lesson.membersWithPost, memberCount)}</p>
      <h3>{s.questionsTitle}</h3>
      <ol className="effect-questions">
        {lesson.questions.map((q) => (
          <QuestionRow key={q.questionId} question={q} />
        ))}
      </ol>
      {lesson.prePost && <PrePostTable prePost={lesson.prePost} lessonId={lesson.lessonId} />}
    </section>
  )
}

function QuestionRow({ question: q }: { question: QuestionEffect }) {
  const s = useEffectStrings()
  return (
    <li className="effect-question" data-question={q.questionId}>
      <p className="effect-question-text">
        <span className="effect-question-number">{s.questionNumber(q.number)}</span>{' '}
        <Localized text={q.prompt} />
      </p>
      <div className="effect-bar-row">
        <Bar share={q.post.share} />
        <p className="effect-share">{s.share(q.post.share, q.post.correct, q.post.attempts)}</p>
      </div>
      {q.pre && (
        <p className="meta effect-pre-share">{s.preShare(q.pre.share, q.pre.correct, q.pre.attempts)}</p>
      )}
    </li>
  )
}

/** A horizontal bar of a share, 0..1; hidden from assistive technology (the text says it). */
function Bar({ share }: { share: number | null }) {
  const s = useEffectStrings()
  const width = `${Math.round((share ?? 0) * 100)}%`
  return (
    <div className="effect-bar" aria-hidden="true">
      <div className="effect-bar-fill" style={{ width }} />
      {share !== null && <span className="effect-bar-label">{s.barLabel(share)}</span>}
    </div>
  )
}

function PrePostTable({ prePost, lessonId }: { prePost: PrePostEffect; lessonId: string }) {
  const s = useEffectStrings()
  const { summary: c, total } = prePost
  const headingId = `effect-prepost-${lessonId}`
  return (
    <section className="effect-prepost" aria-labelledby={headingId}>
      <h3 id={headingId}>{s.prePostTitle(total)}</h3>
      <p className="hint">{s.prePostHow}</p>
      {c.membersWithBoth === 0 || c.meanPre === null || c.meanPost === null || c.meanDelta === null ? (
        <p>{s.noneWithBoth}</p>
      ) : (
        <>
          <p className="effect-summary">
            {s.classSummary(c.membersWithBoth, c.meanPre, c.meanPost, c.meanDelta)}{' '}
            {s.changeCounts(c.improved, c.unchanged, c.declined)}
          </p>
          {c.signTestP !== null && <p className="hint">{s.signTest(c.signTestP)}</p>}
        </>
      )}
      {prePost.members.length > 0 && (
        <div className="effect-table-scroll">
          <table className="effect-table">
            <caption>{s.tableCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{s.colMember}</th>
                <th scope="col" className="num">
                  {s.colPre}
                </th>
                <th scope="col" className="num">
                  {s.colPost}
                </th>
                <th scope="col" className="num">
                  {s.colChange}
                </th>
              </tr>
            </thead>
            <tbody>
              {prePost.members.map((m) => (
                <MemberRow key={m.memberId} row={m} />
              ))}
            </tbody>
            {c.meanPre !== null && c.meanPost !== null && c.meanDelta !== null && (
              <tfoot>
                <tr>
                  <th scope="row">{s.classMean(c.membersWithBoth)}</th>
                  <td className="num">{s.meanShare(c.meanPre)}</td>
                  <td className="num">{s.meanShare(c.meanPost)}</td>
                  <td className="num">{s.meanChange(c.meanDelta)}</td>
                </tr>
              </tfoot>
            )}
          </table>
        </div>
      )}
    </section>
  )
}

function MemberRow({ row }: { row: MemberPrePost }) {
  const s = useEffectStrings()
  return (
    <tr>
      <th scope="row">{row.displayName}</th>
      <td className="num">{row.pre === null ? s.skippedOrNotTaken : s.score(row.pre, row.total)}</td>
      <td className="num">{row.post === null ? s.notYet : s.score(row.post, row.total)}</td>
      <td className="num">{row.delta === null ? s.noChange : s.change(row.delta)}</td>
    </tr>
  )
}
