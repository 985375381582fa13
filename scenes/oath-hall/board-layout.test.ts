import { join } from 'node:path'
import { Vector3 } from 'three'
import { describe, expect, it } from 'vitest'
import { EYE_HEIGHT_STANDING_M, glyphDmm, MIN_LEGIBLE_DMM } from '../../src/xr/comfort.ts'
import { loadScenes } from '../load-scenes.ts'
import { BOARD_AT, BOARD_HEIGHT_M, BOARD_TEXT_M, BOARD_WIDTH_M } from './board-layout.ts'

const oathHall = loadScenes(join(import.meta.dirname, '../..')).scenes.find((s) => s.id === 'oath-hall')

describe('the oath board', () => {
  it('has text of the legibility target from where the visitor starts, to its farthest corner', () => {
    if (!oathHall) throw new Error('no oath hall')
    const [x, y, z] = oathHall.spawn.position
    const eye = new Vector3(x, y + EYE_HEIGHT_STANDING_M, z)
    const farthest = Math.max(
      ...[-1, 1].flatMap((sx) =>
        [-1, 1].map((sy) =>
          eye.distanceTo(
            new Vector3(
              BOARD_AT[0] + (sx * BOARD_WIDTH_M) / 2,
              BOARD_AT[1] + (sy * BOARD_HEIGHT_M) / 2,
              BOARD_AT[2],
            ),
          ),
        ),
      ),
    )
    expect(glyphDmm(BOARD_TEXT_M, farthest)).toBeGreaterThanOrEqual(MIN_LEGIBLE_DMM)
  })

  it('does not hide the flag’s lower edge (2 m up the front wall) from the visitor’s eyes', () => {
    if (!oathHall) throw new Error('no oath hall')
    const [, y, z] = oathHall.spawn.position
    const eyeY = y + EYE_HEIGHT_STANDING_M
    // PartyFlag.tsx: 2 m tall, centred 3 m up, just off the front wall.
    const FLAG_FOOT = { y: 2, z: -4.48 }
    const sightAtBoard = eyeY + ((FLAG_FOOT.y - eyeY) * (z - BOARD_AT[2])) / (z - FLAG_FOOT.z)
    expect(BOARD_AT[1] + BOARD_HEIGHT_M / 2).toBeLessThanOrEqual(sightAtBoard)
  })
})
