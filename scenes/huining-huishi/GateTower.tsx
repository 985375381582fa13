import { box, cylinder, roof, useMergedParts } from '../../src/xr/geometry.ts'
import { GATE_Z_M, WALL_HEIGHT_M, WALL_X_M } from './CityWall.tsx'

/** The tower's footprint on the wall, metres (approximate: a two-eaved gate tower). */
const TOWER_W_M = 4.4
const TOWER_D_M = 10
const STOREY_M = 3

/**
 * 会师楼: the gate tower over the west gate — red columns and walls in one call, two layers of
 * grey tiled roof in another. Sizes are an approximation for the scene, not a survey.
 */
export function GateTower() {
  const base: [number, number, number] = [WALL_X_M, WALL_HEIGHT_M, GATE_Z_M]
  const body = useMergedParts(() => {
    const parts = [
      box(TOWER_W_M - 0.6, STOREY_M, TOWER_D_M - 0.6, [base[0], base[1] + STOREY_M / 2, base[2]]),
    ]
    for (const dx of [-1, 1])
      for (let i = 0; i < 5; i++)
        parts.push(
          cylinder(0.16, 0.16, STOREY_M, 8, [
            base[0] + dx * (TOWER_W_M / 2),
            base[1] + STOREY_M / 2,
            base[2] - TOWER_D_M / 2 + 0.5 + i * ((TOWER_D_M - 1) / 4),
          ]),
        )
    parts.push(
      box(TOWER_W_M - 1.6, STOREY_M * 0.7, TOWER_D_M - 2.4, [base[0], base[1] + STOREY_M * 1.55, base[2]]),
    )
    return parts
  })
  const roofs = useMergedParts(() => [
    roof(TOWER_W_M + 1.8, TOWER_D_M + 1.8, 1.3, [base[0], base[1] + STOREY_M + 0.65, base[2]]),
    roof(TOWER_W_M + 0.6, TOWER_D_M + 0.4, 2, [base[0], base[1] + STOREY_M * 1.9 + 1, base[2]]),
  ])
  return (
    <group name="gate-tower">
      <mesh geometry={body}>
        <meshLambertMaterial color="#9e2a22" />
      </mesh>
      <mesh geometry={roofs}>
        <meshLambertMaterial color="#4a4e52" />
      </mesh>
    </group>
  )
}
