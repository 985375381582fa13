import { Lights } from '../../src/xr/Lights.tsx'
import { CaveVault } from './CaveVault.tsx'
import { Courtyard } from './Courtyard.tsx'
import { Desk } from './Desk.tsx'
import { Gate } from './Gate.tsx'
import { Kang } from './Kang.tsx'
import { OilLamp } from './OilLamp.tsx'
import { Signpost } from './Signpost.tsx'
import { SpinningWheel } from './SpinningWheel.tsx'
import { WaterChannel } from './WaterChannel.tsx'

/**
 * A Yan'an cave dwelling (窑洞) at 枣园: the vaulted room dug into the loess with its lattice
 * front, a desk with an oil lamp, a spinning wheel (纺车) and a kang; outside, the courtyard with
 * the 延园 gate pillars, the 幸福渠 channel and the way to the back valley. Illustrative, not a
 * reconstruction of one residence (scene.yaml says so to the member).
 */
export default function YaodongScene() {
  return (
    <>
      <color attach="background" args={['#c9dcea']} />
      <Lights sunIntensity={1.3} />
      <CaveVault />
      <Desk />
      <OilLamp />
      <SpinningWheel />
      <Kang />
      <Courtyard />
      <Gate />
      <WaterChannel />
      <Signpost />
    </>
  )
}
