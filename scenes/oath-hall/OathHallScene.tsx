import { Lights } from '../../src/xr/Lights.tsx'
import { Hall } from './Hall.tsx'
import { OathBoard } from './OathBoard.tsx'
import { PartyFlag } from './PartyFlag.tsx'

/**
 * The oath hall: a plain hall, the Party flag on the front wall, and the oath board in front of
 * it where the oath appears line by line as the trainer leads (or as the member steps through).
 */
export default function OathHallScene() {
  return (
    <>
      <color attach="background" args={['#2a1a14']} />
      <Lights sunIntensity={0.8} />
      <Hall />
      <PartyFlag />
      <OathBoard />
    </>
  )
}
