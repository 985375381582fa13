import { Lights } from '../../src/xr/Lights.tsx'
import { CityWall } from './CityWall.tsx'
import { GateTower } from './GateTower.tsx'
import { Ground } from './Ground.tsx'
import { MemorialTower } from './MemorialTower.tsx'
import { Trees } from './Trees.tsx'

/**
 * 会宁会师旧址, compressed: the memorial square with the 会师塔 ahead of the spawn, the old west
 * gate (会师门) with its tower (会师楼) on the wall to the left. The real park is about 200 m
 * across (会师楼 to the south-west of the tower); distances here are shortened.
 */
export default function HuiningScene() {
  return (
    <>
      <color attach="background" args={['#bcd3e6']} />
      <fog attach="fog" args={['#d8dfe2', 40, 140]} />
      <Lights />
      <Ground />
      <CityWall />
      <GateTower />
      <MemorialTower />
      <Trees />
    </>
  )
}
