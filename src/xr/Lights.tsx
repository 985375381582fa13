/** Cheap, shadowless lighting shared by the modelled scenes: sky/ground fill and one sun. */
export function Lights({ sunIntensity = 1.6 }: { sunIntensity?: number }) {
  return (
    <>
      <hemisphereLight args={['#fff4e0', '#8a6b4a', 1.1]} />
      <directionalLight position={[-20, 30, 15]} intensity={sunIntensity} />
    </>
  )
}
