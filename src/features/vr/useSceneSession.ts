import { useEffect, useRef, useState } from 'react'
import type { Lesson } from '../../domain/content/pack.ts'
import { scoreQuiz } from '../../domain/lesson/quiz-scoring.ts'
import type { SceneFile } from '../../domain/scenes/schema.ts'
import type { SceneCommand, SceneCommandSource } from '../../xr/commands.ts'
import {
  createSceneStore,
  type SaveOutcome,
  type SceneEvents,
  type SceneStore,
} from '../../xr/scene-store.ts'
import { saveProblemOf } from '../lesson/save-problem.ts'
import { useRecords } from '../shell/records-context.tsx'
import {
  attemptsUsed,
  quizPassed,
  vrAttemptsLeft,
  vrLessonCompletion,
  vrQuizPayload,
  vrStandaloneCompletion,
} from './vr-records.ts'

/**
 * Wires one scene session to the record log: the scene's store gets `SceneEvents` whose saves
 * resolve only after `append` (record and outbox entry committed together). The scene itself
 * never sees storage. Guided-mode commands from `source` go into the store; `go-to-scene` is
 * also handed to `onGoToScene`, which belongs to the screen. The trainer's `end` leaves the
 * visitor where they are, in VR too, free to go on (the scene says so: GuidedNotice).
 */
export function useSceneSession(
  scene: SceneFile,
  lesson: Lesson | undefined,
  source: SceneCommandSource,
  screen: { onGoToScene(sceneId: string): void },
): SceneStore {
  const records = useRecords()
  // The store is created once; its callbacks read the latest records and append through a ref.
  const latest = useRef(records)
  latest.current = records

  const [store] = useState(() => {
    const failed = (e: unknown): SaveOutcome => ({ ok: false, problem: saveProblemOf(e) })
    const events: SceneEvents = {
      hotspotOpened() {
        // No record kind exists for a hotspot visit (src/domain/records/kinds.ts); visits stay in
        // the session (the store's `visited`) until the lead adds one.
      },
      async submitQuiz(answers) {
        if (!lesson) return { ok: false, problem: 'failed' }
        const { append, records: now } = latest.current
        const result = scoreQuiz(lesson.quiz, answers)
        const attempt = attemptsUsed(now, lesson.id) + 1
        try {
          const quizRecord = await append(
            'quiz.submitted',
            vrQuizPayload(lesson, attempt, answers, result),
            {},
          )
          if (result.passed)
            await append('lesson.completed', vrLessonCompletion(lesson, result, quizRecord.id), {})
          return { ok: true }
        } catch (e) {
          return failed(e)
        }
      },
      async completeOath() {
        const payload = vrStandaloneCompletion(scene)
        if (!payload) return { ok: false, problem: 'failed' }
        try {
          await latest.current.append('lesson.completed', payload, {})
          return { ok: true }
        } catch (e) {
          return failed(e)
        }
      },
    }
    return createSceneStore(scene, lesson?.quiz ?? null, events)
  })

  useEffect(() => {
    if (!lesson) return
    store.getState().actions.setAttempts({
      used: attemptsUsed(records.records, lesson.id),
      left: vrAttemptsLeft(records.records, lesson),
      passed: quizPassed(records.records, lesson.id),
    })
  }, [store, lesson, records.records])

  const screenRef = useRef(screen)
  screenRef.current = screen
  useEffect(
    () =>
      source.subscribe((command: SceneCommand) => {
        store.getState().actions.command(command)
        if (command.type === 'go-to-scene') screenRef.current.onGoToScene(command.sceneId)
      }),
    [source, store],
  )
  return store
}
