import { useEffect, useMemo, useState } from 'react'
import type { Lesson } from '../../domain/content/pack.ts'
import { type Progress, projectProgress } from '../../domain/records/progress.ts'
import type { AnyRecord } from '../../domain/records/record.ts'
import type { LocalMember } from '../../platform/member.ts'
import type { RecordLog } from '../../platform/storage/record-log.ts'
import { useRecords } from '../shell/records-context.tsx'
import {
  parseQuizDraft,
  parseReflectionDraft,
  type QuizDraft,
  quizDraftKey,
  type ReflectionDraft,
  reflectionDraftKey,
} from './drafts.ts'

export type LessonData =
  | { readonly status: 'loading' }
  | { readonly status: 'unavailable'; readonly reason: 'error' | 'update' }
  | {
      readonly status: 'ready'
      readonly log: RecordLog
      readonly member: LocalMember
      /** Every record of the member, kept current as records are appended. */
      readonly records: readonly AnyRecord[]
      readonly progress: Progress
      /** The drafts as they were when the lesson opened; afterwards the sections own them. */
      readonly drafts: { readonly quiz: QuizDraft | null; readonly reflection: ReflectionDraft | null }
    }

interface Snapshot {
  readonly records: readonly AnyRecord[]
  readonly drafts: { readonly quiz: QuizDraft | null; readonly reflection: ReflectionDraft | null }
}

/**
 * The member's records and this lesson's drafts, read together before the lesson renders.
 *
 * The records context fills its list a moment after the log opens, and an empty list then
 * cannot be told from a member with no records. So the lesson reads its own snapshot with the
 * drafts, and uses the union of snapshot and context (records are append-only and keyed by id,
 * so the union is always right): the attempt number and the restored state never come from a
 * list that is not loaded yet.
 */
export function useLessonData(lesson: Lesson): LessonData {
  const { state, log, member, records } = useRecords()
  const [snapshot, setSnapshot] = useState<Snapshot | 'failed' | null>(null)
  const memberId = member?.memberId

  useEffect(() => {
    if (!log || !memberId) return
    let live = true
    Promise.all([
      log.records(memberId),
      log.loadDraft<unknown>(memberId, quizDraftKey(lesson.id)),
      log.loadDraft<unknown>(memberId, reflectionDraftKey(lesson.id)),
    ])
      .then(([stored, quiz, reflection]) => {
        if (!live) return
        setSnapshot({
          records: stored,
          drafts: {
            quiz: parseQuizDraft(lesson.quiz, quiz?.value),
            reflection: parseReflectionDraft(reflection?.value),
          },
        })
      })
      .catch(() => live && setSnapshot('failed'))
    return () => {
      live = false
    }
  }, [log, memberId, lesson])

  const merged = useMemo(() => {
    if (!snapshot || snapshot === 'failed') return records
    const seen = new Set(records.map((r) => r.id))
    return [...records, ...snapshot.records.filter((r) => !seen.has(r.id))]
  }, [snapshot, records])
  const progress = useMemo(() => projectProgress(merged), [merged])

  if (state.status === 'error' || snapshot === 'failed') return { status: 'unavailable', reason: 'error' }
  if (state.status === 'closed-for-update') return { status: 'unavailable', reason: 'update' }
  if (!log || !member || !snapshot) return { status: 'loading' }
  return { status: 'ready', log, member, records: merged, progress, drafts: snapshot.drafts }
}
