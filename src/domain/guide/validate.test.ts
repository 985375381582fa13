import { describe, expect, it } from 'vitest'
import { type ClassCatalog, commandProblem } from './validate.ts'

const scenes = new Map([
  ['oath-hall', { id: 'oath-hall', hotspotIds: ['dangqi', 'shici'], oathLines: 12 }],
  ['yanan-yaodong', { id: 'yanan-yaodong', hotspotIds: ['fangche'], oathLines: 0 }],
  ['huining-huishi', { id: 'huining-huishi', hotspotIds: ['huishi-ta'], oathLines: 0 }],
])
const catalog: ClassCatalog = {
  stops: ['yanan-geming-jinianguan', 'zaoyuan'],
  lessonIds: new Set(['zaoyuan-lesson']),
  scenes,
  classSceneIds: ['oath-hall', 'yanan-yaodong'],
}

describe('commandProblem', () => {
  it('accepts commands that fit the class and the content', () => {
    expect(commandProblem({ type: 'gather', siteId: 'zaoyuan' }, catalog)).toBeNull()
    expect(commandProblem({ type: 'show-quiz', lessonId: 'zaoyuan-lesson' }, catalog)).toBeNull()
    expect(
      commandProblem({ type: 'vr-look', sceneId: 'yanan-yaodong', hotspotId: 'fangche' }, catalog),
    ).toBeNull()
    expect(commandProblem({ type: 'vr-oath-line', sceneId: 'oath-hall', line: 12 }, catalog)).toBeNull()
    expect(commandProblem({ type: 'end' }, catalog)).toBeNull()
  })

  it('names the field that does not fit', () => {
    expect(commandProblem({ type: 'gather', siteId: 'nanniwan' }, catalog)?.field).toBe('command.siteId')
    expect(commandProblem({ type: 'start-lesson', lessonId: 'nope' }, catalog)?.field).toBe(
      'command.lessonId',
    )
    expect(commandProblem({ type: 'vr-scene', sceneId: 'nope' }, catalog)?.message).toBe('names no scene')
    expect(commandProblem({ type: 'vr-scene', sceneId: 'huining-huishi' }, catalog)?.message).toMatch(
      /not one of the class's scenes/,
    )
    expect(
      commandProblem({ type: 'vr-look', sceneId: 'oath-hall', hotspotId: 'fangche' }, catalog)?.field,
    ).toBe('command.hotspotId')
    expect(commandProblem({ type: 'vr-oath-start', sceneId: 'yanan-yaodong' }, catalog)?.message).toMatch(
      /no oath/,
    )
    expect(commandProblem({ type: 'vr-oath-line', sceneId: 'oath-hall', line: 13 }, catalog)?.field).toBe(
      'command.line',
    )
  })

  it('refuses every VR command for a class that lists no scenes, and still takes the others', () => {
    const noScenes = { ...catalog, classSceneIds: [] }
    for (const command of [
      { type: 'vr-scene', sceneId: 'huining-huishi' },
      { type: 'vr-look', sceneId: 'yanan-yaodong', hotspotId: 'fangche' },
      { type: 'vr-oath-start', sceneId: 'oath-hall' },
      { type: 'vr-oath-line', sceneId: 'oath-hall', line: 2 },
      { type: 'vr-pause', paused: true },
    ] as const)
      expect(commandProblem(command, noScenes)?.message, command.type).toBe('the class has no VR scenes')
    expect(commandProblem({ type: 'gather', siteId: 'zaoyuan' }, noScenes)).toBeNull()
    expect(commandProblem({ type: 'end' }, noScenes)).toBeNull()
  })
})
