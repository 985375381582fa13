import { useEffect, useState } from 'react'
import type { Lesson } from '../../domain/content/pack.ts'
import type { ReadyLessonData } from './LessonBody.tsx'
import {
  type PretestDraft,
  parsePretestDraft,
  pretestDraftKey,
  pretestMayOpen,
  pretestSkipKey,
} from './pretest-flow.ts'

/**
 * Whether the lesson opens with its pre-test (课前小测), decided once when the lesson opens:
 * a record written by the pre-test itself must not close it under the member's eyes before they
 * have read their result. 'checking' lasts one IndexedDB read (the skip mark and the draft).
 */
export type PretestGate =
  | { readonly status: 'checking' }
  | { readonly status: 'open'; readonly draft: PretestDraft | null }
  /** `byMember`: the member has just finished or skipped it here, so focus moves on to the lesson. */
  | { readonly status: 'closed'; readonly byMember: boolean }

export function usePretestGate(
  lesson: Lesson,
  data: ReadyLessonData,
): { readonly gate: PretestGate; readonly close: () => void; readonly skip: () => Promise<void> } {
  const [mayOpen] = useState(() => pretestMayOpen(lesson, data.records, data.drafts))
  const [gate, setGate] = useState<PretestGate>(
    mayOpen ? { status: 'checking' } : { status: 'closed', byMember: false },
  )
  const { log } = data
  const memberId = data.member.memberId

  useEffect(() => {
    if (!mayOpen) return
    let live = true
    Promise.all([
      log.getMeta<unknown>(pretestSkipKey(memberId, lesson.id)),
      log.loadDraft<unknown>(memberId, pretestDraftKey(lesson.id)),
    ])
      .then(([skipped, draft]) => {
        if (!live) return
        setGate(
          skipped
            ? { status: 'closed', byMember: false }
            : { status: 'open', draft: parsePretestDraft(lesson, draft?.value) },
        )
      })
      // Unreadable storage must not keep anyone from the lesson; the lesson says so itself if it matters.
      .catch(() => live && setGate({ status: 'closed', byMember: false }))
    return () => {
      live = false
    }
  }, [mayOpen, log, memberId, lesson])

  const close = () => setGate({ status: 'closed', byMember: true })
  const skip = async () => {
    try {
      await log.setMeta(pretestSkipKey(memberId, lesson.id), { skippedAt: new Date().toISOString() })
    } catch {
      // Not remembered: the pre-test is offered again next time, and can be skipped again.
    }
    close()
  }
  return { gate, close, skip }
}
