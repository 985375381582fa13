import {
  BoxGeometry,
  Color,
  ConeGeometry,
  DirectionalLight,
  Fog,
  Group,
  HemisphereLight,
  IcosahedronGeometry,
  InstancedMesh,
  Mesh,
  MeshBasicMaterial,
  MeshLambertMaterial,
  PlaneGeometry,
  SphereGeometry,
} from 'three'

/**
 * The three.js classes scenes may write as JSX elements (<mesh>, <planeGeometry>, …).
 *
 * @react-three/fiber's <Canvas> registers the whole THREE namespace, which keeps every class of
 * three in the VR screen's bundle (~70 KB gzip more than the scenes use). The build
 * (build/vite-plugins.ts, leanThreeCatalogue) makes <Canvas> register this list instead, so
 * three is tree-shaken. A scene that uses an element missing here fails loudly at runtime
 * ("… is not part of the THREE namespace"), and the e2e tests render every scene: add the
 * class here when a scene needs a new one.
 */
export const threeCatalogue = {
  BoxGeometry,
  Color,
  ConeGeometry,
  DirectionalLight,
  Fog,
  Group,
  HemisphereLight,
  IcosahedronGeometry,
  InstancedMesh,
  Mesh,
  MeshBasicMaterial,
  MeshLambertMaterial,
  PlaneGeometry,
  SphereGeometry,
}
