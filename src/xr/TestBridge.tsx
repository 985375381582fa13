import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useRef } from 'react'
import {
  type Camera,
  Matrix4,
  type Mesh,
  type Object3D,
  type PlaneGeometry,
  Quaternion,
  Raycaster,
  SkinnedMesh,
  type Texture,
  Vector3,
} from 'three'
import { glyphDmm } from './comfort.ts'
import { installEmulatorIfAsked } from './emulator.ts'
import { XR_ORIGIN_NAME } from './Rig.tsx'
import { type FrameStats, registerTestApi, type TextView } from './test-api.ts'
import { xrStore } from './xr-store.ts'

/**
 * Implements the XR part of the test API (test-api.ts) from inside <Canvas>. Mounted only when
 * the test API is enabled, so none of this runs for members.
 */
function texturesOf(root: Object3D): FrameStats['textures'] {
  const seen = new Map<string, { name: string; width: number; height: number; bytes: number }>()
  const add = (t: unknown) => {
    const tex = t as Texture | null
    if (!tex?.isTexture || seen.has(tex.uuid)) return
    const img = tex.image as { width?: number; height?: number } | undefined
    const width = img?.width ?? 0
    const height = img?.height ?? 0
    seen.set(tex.uuid, { name: tex.name || tex.constructor.name, width, height, bytes: width * height * 4 })
  }
  root.traverse((o) => {
    const material = (o as { material?: unknown }).material
    for (const m of Array.isArray(material) ? material : material ? [material] : []) {
      for (const v of Object.values(m as object)) add(v)
      const uniforms = (m as { uniforms?: Record<string, { value: unknown }> }).uniforms
      for (const u of Object.values(uniforms ?? {})) add(u?.value)
    }
  })
  return [...seen.values()]
}

function textsOf(root: Object3D): FrameStats['texts'] {
  let total = 0
  let rendered = 0
  root.traverse((o) => {
    if (!o.userData.hongtuText) return
    total += 1
    if (o.userData.fontLoaded === true) rendered += 1
  })
  return { total, rendered }
}

/** The 3D text blocks under an object, in scene-graph order, and those that reach past its backing plane. */
function panelTexts(panel: Object3D): { texts: string[]; overflowing: string[] } {
  const backing = panel.children.find((c): c is Mesh => (c as Mesh).isMesh === true)
  const size = (backing?.geometry as PlaneGeometry | undefined)?.parameters
  const texts: string[] = []
  const overflowing: string[] = []
  panel.updateWorldMatrix(true, true)
  panel.traverse((o) => {
    if (!o.userData.hongtuText) return
    const text = String(o.userData.text)
    texts.push(text)
    if (!backing || !size) return
    const { width, height } = ((o as Mesh).geometry as PlaneGeometry).parameters
    for (const [sx, sy] of [
      [-1, -1],
      [1, 1],
      [-1, 1],
      [1, -1],
    ] as const) {
      const corner = panel.worldToLocal(o.localToWorld(new Vector3((sx * width) / 2, (sy * height) / 2, 0)))
      const outside =
        Math.abs(corner.x - backing.position.x) > size.width / 2 + 1e-3 ||
        Math.abs(corner.y - backing.position.y) > size.height / 2 + 1e-3
      if (outside) {
        overflowing.push(text)
        return
      }
    }
  })
  return { texts, overflowing }
}

/**
 * What textView (test-api.ts) answers for one text mesh, seen by `camera` on a canvas at `rect`
 * (its screen box means nothing when it is behind the camera: check its object's screenPoint).
 */
function textView(o: Object3D, camera: Camera, rect: DOMRect): TextView | null {
  if (!o.userData.hongtuText) return null
  o.updateWorldMatrix(true, false)
  const { width, height } = ((o as Mesh).geometry as PlaneGeometry).parameters
  const toScreen = (world: Vector3) => {
    const p = world.clone().project(camera)
    return {
      x: rect.left + ((p.x + 1) / 2) * rect.width,
      y: rect.top + ((1 - p.y) / 2) * rect.height,
      z: p.z,
    }
  }
  const centre = o.getWorldPosition(new Vector3())
  const corners = [
    [-1, -1],
    [1, 1],
    [-1, 1],
    [1, -1],
  ].map(([sx = 0, sy = 0]) => toScreen(o.localToWorld(new Vector3((sx * width) / 2, (sy * height) / 2, 0))))
  const glyphM = Number(o.userData.emM) * o.getWorldScale(new Vector3()).y
  const eye = camera.getWorldPosition(new Vector3())
  const up = new Vector3(0, 1, 0).applyQuaternion(camera.getWorldQuaternion(new Quaternion()))
  const a = toScreen(centre)
  const b = toScreen(centre.clone().addScaledVector(up, glyphM))
  return {
    left: Math.min(...corners.map((c) => c.x)),
    right: Math.max(...corners.map((c) => c.x)),
    top: Math.min(...corners.map((c) => c.y)),
    bottom: Math.max(...corners.map((c) => c.y)),
    glyphPx: Math.hypot(a.x - b.x, a.y - b.y),
    dmm: glyphDmm(glyphM, eye.distanceTo(centre)),
  }
}

export function TestBridge() {
  const gl = useThree((s) => s.gl)
  const scene = useThree((s) => s.scene)
  const camera = useThree((s) => s.camera)
  const invalidate = useThree((s) => s.invalidate)
  const stats = useRef({ calls: 0, triangles: 0, frames: 0 })
  // renderer.info resets at the start of each render, so here it still holds the last frame's counts.
  useFrame(() => {
    stats.current.calls = gl.info.render.calls
    stats.current.triangles = gl.info.render.triangles
    stats.current.frames += 1
  })
  useEffect(() => {
    // Asks for each frame it waits for: without a headset the stage draws only on demand.
    const waitFrames = async (n: number) => {
      const until = stats.current.frames + n
      while (stats.current.frames < until) {
        invalidate()
        await new Promise((r) => setTimeout(r, 10))
      }
    }
    const find = (name: string) => scene.getObjectByName(name) ?? null
    // Where the last aim put the controller and what it aimed at, in world space.
    const aims: Partial<Record<'left' | 'right', { from: Vector3; to: Vector3 }>> = {}
    const firstNamedHit = (hand: 'left' | 'right') => {
      const aim = aims[hand]
      if (!aim) return null
      const ray = new Raycaster(aim.from, aim.to.clone().sub(aim.from).normalize())
      for (const hit of ray.intersectObjects(scene.children, true)) {
        for (let o: Object3D | null = hit.object; o; o = o.parent) if (o.name.includes(':')) return o.name
      }
      return null
    }
    return registerTestApi('xr', {
      stats: () => ({ ...stats.current, textures: texturesOf(scene), texts: textsOf(scene) }),
      waitFrames,
      exists: (name) => find(name) !== null,
      panelTexts(name) {
        const panel = find(name)
        return panel ? panelTexts(panel) : null
      },
      screenPoint(name) {
        const o = find(name)
        if (!o) return null
        const p = o.getWorldPosition(new Vector3()).project(camera)
        if (p.z > 1 || Math.abs(p.x) > 1 || Math.abs(p.y) > 1) return null
        const rect = gl.domElement.getBoundingClientRect()
        return { x: rect.left + ((p.x + 1) / 2) * rect.width, y: rect.top + ((1 - p.y) / 2) * rect.height }
      },
      textView(name) {
        const o = find(name)
        return o ? textView(o, camera, gl.domElement.getBoundingClientRect()) : null
      },
      aimController(target, hand) {
        // The member's origin (Rig), whose frame the emulated device's poses are in.
        const origin = find(XR_ORIGIN_NAME)
        const world =
          typeof target === 'string' ? find(target)?.getWorldPosition(new Vector3()) : new Vector3(...target)
        if (!origin || !world) return false
        const local = origin.worldToLocal(world.clone())
        const from = new Vector3(hand === 'right' ? 0.2 : -0.2, 1.3, -0.2)
        aims[hand] = { from: origin.localToWorld(from.clone()), to: world }
        const q = new Quaternion().setFromRotationMatrix(
          new Matrix4().lookAt(from, local, new Vector3(0, 1, 0)),
        )
        void installEmulatorIfAsked().then((d) => {
          // A hand's target ray starts where the tracked hand is, as a controller's does.
          const input = d?.primaryInputMode === 'hand' ? d.hands[hand] : d?.controllers[hand]
          input?.position.set(from.x, from.y, from.z)
          input?.quaternion.set(q.x, q.y, q.z, q.w)
        })
        return true
      },
      async clickController(hand) {
        const d = await installEmulatorIfAsked()
        // A trigger on a controller, a pinch (thumb to index: the hand's select) on a hand.
        const press = (value: number) =>
          d?.primaryInputMode === 'hand'
            ? d.hands[hand]?.updatePinchValue(value)
            : d?.controllers[hand]?.updateButtonValue('trigger', value)
        // Frames under a software renderer can be slow: let the aimed ray settle, then hold the
        // trigger for one frame. iwer applies a button's new value at the next frame's start,
        // so one frame is seen as a press, and the release comes as soon as it can: the click
        // threshold (xr-store.ts) then has to outlast about two frames, not three or four.
        await waitFrames(3)
        const firstHit = firstNamedHit(hand)
        const pressed = performance.now()
        press(1)
        await waitFrames(1)
        press(0)
        const heldMs = performance.now() - pressed
        await waitFrames(2)
        return { heldMs, firstHit }
      },
      originPosition() {
        const p = find(XR_ORIGIN_NAME)?.getWorldPosition(new Vector3())
        return p ? [p.x, p.y, p.z] : null
      },
      async switchInput(mode) {
        const d = await installEmulatorIfAsked()
        if (d) d.primaryInputMode = mode
        await waitFrames(3)
      },
      handModelsShown() {
        let shown = 0
        scene.traverseVisible((o) => {
          if (o instanceof SkinnedMesh) shown += 1
        })
        return shown
      },
      inSession: () => xrStore.getState().session != null,
      inputs: () => xrStore.getState().inputSourceStates.map((i) => `${i.type}:${i.inputSource?.handedness}`),
      exitVr: async () => {
        await xrStore.getState().session?.end()
      },
      async hide(prefix) {
        let hidden = 0
        scene.traverse((o) => {
          if (!o.name.startsWith(prefix)) return
          o.visible = false
          hidden += 1
        })
        await waitFrames(2)
        return hidden
      },
    })
  }, [gl, scene, camera, invalidate])
  return null
}
