import { createContext, useContext } from 'react'
import { createStore, type StoreApi, useStore } from 'zustand'
import type { Quiz } from '../domain/content/schema.ts'
import type { Answers } from '../domain/lesson/quiz-scoring.ts'
import { splitOathLines } from '../domain/scenes/oath.ts'
import type { SceneFile } from '../domain/scenes/schema.ts'
import { pickChoice } from '../features/lesson/quiz-flow.ts'
import type { Posture } from './comfort.ts'
import type { SceneCommand } from './commands.ts'
import { advanceOath, applyGuidedCommand, type GuidedState, initialGuidedState } from './guided.ts'
import { initialQuizPanelState, type QuizPanelState, quizAfterSave, submitQuizState } from './quiz-state.ts'

/**
 * One scene session's app state (STYLE.md 10: a store with an `actions` object). Per-frame values
 * never go here. The store knows nothing of storage: saving is the `SceneEvents` callbacks the VR
 * screen passes in, which resolve once a record is durably committed (or say why not).
 */
export type SaveOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly problem: 'storage-full' | 'failed' }

export interface SceneEvents {
  hotspotOpened(hotspotId: string): void
  submitQuiz(answers: Answers): Promise<SaveOutcome>
  completeOath(): Promise<SaveOutcome>
}

export type OathSave = 'idle' | 'saving' | 'saved' | 'storage-full' | 'failed'

export interface SceneSessionState {
  readonly scene: SceneFile
  readonly quiz: Quiz | null
  readonly oathLines: readonly string[]
  /** The hotspot whose narration panel is open. */
  readonly selected: string | null
  readonly visited: readonly string[]
  readonly quizOpen: boolean
  readonly quizPanel: QuizPanelState
  /** Quiz attempts the member may still make (Infinity when unlimited). */
  readonly attemptsLeft: number
  /** Quiz attempts already made, in any mode: the next one is number attemptsUsed + 1. */
  readonly attemptsUsed: number
  /** Whether an attempt at the lesson's quiz has passed (result-review.ts). */
  readonly quizPassed: boolean
  readonly guided: GuidedState
  readonly oathSave: OathSave
  readonly posture: Posture
  readonly actions: {
    open(hotspotId: string): void
    close(): void
    openQuiz(): void
    closeQuiz(): void
    pick(questionId: string, choiceId: string): void
    goToQuestion(index: number): void
    submitQuiz(): Promise<void>
    retryQuiz(): void
    nextOathLine(): void
    finishOath(): Promise<void>
    setPosture(posture: Posture): void
    setAttempts(attempts: { used: number; left: number; passed: boolean }): void
    command(command: SceneCommand): void
  }
}

export type SceneStore = StoreApi<SceneSessionState>

export function createSceneStore(scene: SceneFile, quiz: Quiz | null, events: SceneEvents): SceneStore {
  const oathLines = scene.ceremony ? splitOathLines(scene.ceremony.text.zh) : []
  return createStore<SceneSessionState>()((set, get) => {
    // Only the trainer's pause holds the member back; after the end they carry on alone.
    const interactive = () => get().guided.phase !== 'paused'
    return {
      scene,
      quiz,
      oathLines,
      selected: null,
      visited: [],
      quizOpen: false,
      quizPanel: initialQuizPanelState,
      attemptsLeft: Number.POSITIVE_INFINITY,
      attemptsUsed: 0,
      quizPassed: false,
      guided: initialGuidedState,
      oathSave: 'idle',
      posture: 'standing',
      actions: {
        open(hotspotId) {
          if (!interactive() || !scene.hotspots.some((h) => h.id === hotspotId)) return
          const { visited, guided } = get()
          set({
            selected: hotspotId,
            quizOpen: false,
            visited: visited.includes(hotspotId) ? visited : [...visited, hotspotId],
            guided: guided.highlight === hotspotId ? { ...guided, highlight: null } : guided,
          })
          events.hotspotOpened(hotspotId)
        },
        close: () => set({ selected: null }),
        openQuiz() {
          if (interactive() && quiz) set({ quizOpen: true, selected: null })
        },
        closeQuiz: () => set({ quizOpen: false }),
        pick(questionId, choiceId) {
          const { quizPanel } = get()
          const question = quiz?.questions.find((q) => q.id === questionId)
          if (!question || quizPanel.phase !== 'answering' || !interactive()) return
          const answers = {
            ...quizPanel.answers,
            [questionId]: pickChoice(question, quizPanel.answers[questionId], choiceId),
          }
          set({ quizPanel: { ...quizPanel, answers, problem: null } })
        },
        goToQuestion(index) {
          const { quizPanel } = get()
          if (!quiz || index < 0 || index >= quiz.questions.length) return
          set({ quizPanel: { ...quizPanel, index } })
        },
        async submitQuiz() {
          const { quizPanel, attemptsLeft } = get()
          if (!quiz || quizPanel.phase !== 'answering' || attemptsLeft <= 0 || !interactive()) return
          set({ quizPanel: submitQuizState(quiz, quizPanel, get().attemptsUsed + 1) })
          const outcome = await events.submitQuiz(quizPanel.answers)
          set({ quizPanel: quizAfterSave(get().quizPanel, outcome) })
        },
        retryQuiz() {
          if (get().attemptsLeft > 0) set({ quizPanel: initialQuizPanelState })
        },
        nextOathLine() {
          const { guided } = get()
          if (!interactive() || guided.trainerLeads || oathLines.length === 0) return
          set({ guided: { ...guided, oath: advanceOath(guided.oath, oathLines.length) } })
        },
        async finishOath() {
          const { guided, oathSave } = get()
          if (guided.oath.phase !== 'read' || oathSave === 'saving' || oathSave === 'saved') return
          set({ oathSave: 'saving' })
          const outcome = await events.completeOath()
          set({ oathSave: outcome.ok ? 'saved' : outcome.problem })
        },
        setPosture: (posture) => set({ posture }),
        setAttempts: ({ used, left, passed }) =>
          set({ attemptsUsed: used, attemptsLeft: left, quizPassed: passed }),
        command(command) {
          const guided = applyGuidedCommand(get().guided, command, {
            hotspotIds: scene.hotspots.map((h) => h.id),
            oathLines: oathLines.length,
          })
          if (guided === get().guided) return
          // A pause closes whatever is open, so nobody is left mid-panel behind it.
          set(guided.phase === 'paused' ? { guided, selected: null, quizOpen: false } : { guided })
        },
      },
    }
  })
}

export const SceneStoreContext = createContext<SceneStore | null>(null)

export function useSceneStore<T>(selector: (s: SceneSessionState) => T): T {
  const store = useContext(SceneStoreContext)
  if (!store) throw new Error('useSceneStore outside a scene')
  return useStore(store, selector)
}

export const useSceneActions = () => useSceneStore((s) => s.actions)
