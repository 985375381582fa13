import { describe, expect, it } from 'vitest'
import type { Quiz } from '../domain/content/schema.ts'
import type { SceneFile } from '../domain/scenes/schema.ts'
import { parseSceneCommand } from './commands.ts'
import { createSceneStore, type SaveOutcome, type SceneEvents } from './scene-store.ts'

const OATH = '我志愿加入中国共产党，拥护党的纲领，永不叛党。'
const scene = {
  id: 'demo',
  kind: 'model',
  title: { zh: '示例' },
  summary: { zh: '示例' },
  fidelityNote: { zh: '示意' },
  standaloneCompletion: { lessonId: 'oath-renewal', siteId: 'vr-center' },
  ceremony: { kind: 'oath', text: { zh: OATH }, source: { zh: '党章' } },
  spawn: { position: [0, 0, 0], yawDeg: 0 },
  hotspots: [
    { id: 'a', title: { zh: '甲' }, body: { zh: '甲' }, position: [0, 1, -2] },
    { id: 'b', title: { zh: '乙' }, body: { zh: '乙' }, position: [1, 1, -2] },
  ],
} as unknown as SceneFile
const quiz = {
  passMark: 0.5,
  maxAttempts: 3,
  questions: [
    { id: 'q1', kind: 'truefalse', prompt: { zh: '对吗' }, explanation: { zh: '对' }, answer: true },
    {
      id: 'q2',
      kind: 'multiple',
      prompt: { zh: '选' },
      explanation: { zh: '甲乙' },
      choices: [
        { id: 'a', text: { zh: '甲' } },
        { id: 'b', text: { zh: '乙' } },
        { id: 'c', text: { zh: '丙' } },
      ],
      answer: ['a', 'b'],
    },
  ],
} as unknown as Quiz

/** Events whose saves resolve when the test says, so "saving" can be observed before "saved". */
function deferredEvents() {
  const opened: string[] = []
  let settle: (o: SaveOutcome) => void = () => {}
  const events: SceneEvents = {
    hotspotOpened: (id) => opened.push(id),
    submitQuiz: () => new Promise((r) => (settle = r)),
    completeOath: () => new Promise((r) => (settle = r)),
  }
  return { events, opened, settle: (o: SaveOutcome) => settle(o) }
}

describe('a scene session', () => {
  it('opens a hotspot, remembers it as visited and tells the screen', () => {
    const { events, opened } = deferredEvents()
    const store = createSceneStore(scene, null, events)
    store.getState().actions.open('b')
    store.getState().actions.open('nope')
    expect(store.getState().selected).toBe('b')
    expect(store.getState().visited).toEqual(['b'])
    expect(opened).toEqual(['b'])
  })

  it('shows the quiz result as saved only once the save resolved, and keeps answers when it failed', async () => {
    const d = deferredEvents()
    const store = createSceneStore(scene, quiz, d.events)
    const { actions } = store.getState()
    actions.openQuiz()
    actions.pick('q1', 'true')
    actions.pick('q2', 'b')
    actions.pick('q2', 'a')
    const submitting = actions.submitQuiz()
    expect(store.getState().quizPanel.phase).toBe('saving')
    d.settle({ ok: false, problem: 'storage-full' })
    await submitting
    const failed = store.getState().quizPanel
    expect(failed).toMatchObject({
      phase: 'answering',
      problem: 'storage-full',
      answers: { q1: true, q2: ['a', 'b'] },
    })
    const again = actions.submitQuiz()
    d.settle({ ok: true })
    await again
    expect(store.getState().quizPanel).toMatchObject({
      phase: 'result',
      result: { correct: 2, total: 2, passed: true },
    })
  })

  it('keeps the number of the attempt it scored, for the answer review', async () => {
    const d = deferredEvents()
    const store = createSceneStore(scene, quiz, d.events)
    const { actions } = store.getState()
    actions.setAttempts({ used: 1, left: 2, passed: false })
    actions.openQuiz()
    actions.pick('q1', 'true')
    actions.pick('q2', 'a')
    const submitting = actions.submitQuiz()
    d.settle({ ok: true })
    await submitting
    actions.setAttempts({ used: 2, left: 1, passed: true })
    expect(store.getState().quizPanel).toMatchObject({ phase: 'result', attempt: 2 })
  })

  it('pause blocks interaction and closes what is open; resume restores it', () => {
    const store = createSceneStore(scene, quiz, deferredEvents().events)
    const { actions } = store.getState()
    actions.open('a')
    actions.command({ type: 'pause' })
    expect(store.getState().selected).toBeNull()
    actions.open('b')
    expect(store.getState().selected).toBeNull()
    actions.command({ type: 'resume' })
    actions.open('b')
    expect(store.getState().selected).toBe('b')
  })

  it('look-at-hotspot highlights until the member opens it; an unknown hotspot is ignored', () => {
    const store = createSceneStore(scene, null, deferredEvents().events)
    const { actions } = store.getState()
    actions.command({ type: 'look-at-hotspot', hotspotId: 'zzz' })
    expect(store.getState().guided.highlight).toBeNull()
    actions.command({ type: 'look-at-hotspot', hotspotId: 'a' })
    expect(store.getState().guided.highlight).toBe('a')
    actions.open('a')
    expect(store.getState().guided.highlight).toBeNull()
  })

  it('the trainer leads the oath line by line; it can be confirmed only when read, once', async () => {
    const d = deferredEvents()
    const store = createSceneStore(scene, null, d.events)
    const { actions } = store.getState()
    expect(store.getState().oathLines).toEqual(['我志愿加入中国共产党', '拥护党的纲领', '永不叛党。'])
    await actions.finishOath()
    expect(store.getState().oathSave).toBe('idle')
    actions.command({ type: 'start-oath' })
    actions.nextOathLine() // ignored: the trainer leads
    expect(store.getState().guided.oath).toEqual({ phase: 'leading', shown: 1 })
    actions.command({ type: 'next-oath-line' })
    actions.command({ type: 'next-oath-line' })
    expect(store.getState().guided.oath).toEqual({ phase: 'read', shown: 3 })
    const finishing = actions.finishOath()
    expect(store.getState().oathSave).toBe('saving')
    d.settle({ ok: true })
    await finishing
    expect(store.getState().oathSave).toBe('saved')
  })

  it('after the end the member carries on alone; a later command is followed again', () => {
    const store = createSceneStore(scene, null, deferredEvents().events)
    const { actions } = store.getState()
    const first = scene.hotspots[0]?.id as string
    actions.command({ type: 'look-at-hotspot', hotspotId: first })
    actions.command({ type: 'end' })
    expect(store.getState().guided).toMatchObject({ phase: 'ended', highlight: null, trainerLeads: false })
    // Not locked: hotspots still open.
    actions.open(first)
    expect(store.getState().selected).toBe(first)
    // The trainer leads again: a pause holds the member back as in any session.
    actions.command({ type: 'pause' })
    expect(store.getState().guided.phase).toBe('paused')
    expect(store.getState().selected).toBeNull()
    actions.open(first)
    expect(store.getState().selected).toBeNull()
  })
})

describe('commands off the wire', () => {
  it('accepts the known shapes and refuses anything else', () => {
    expect(parseSceneCommand({ type: 'go-to-scene', sceneId: 'oath-hall' })).toEqual({
      type: 'go-to-scene',
      sceneId: 'oath-hall',
    })
    expect(parseSceneCommand({ type: 'pause', extra: 1 })).toEqual({ type: 'pause' })
    expect(parseSceneCommand({ type: 'go-to-scene' })).toBeNull()
    expect(parseSceneCommand({ type: 'explode' })).toBeNull()
    expect(parseSceneCommand('pause')).toBeNull()
  })
})
