import { type Camera, type Object3D, Vector3 } from 'three'

const eye = new Vector3()
const ahead = new Vector3()

/**
 * Puts an object level in front of where the viewer looks, `distanceM` ahead and `dropM` below
 * the eyes, turned to face them: where a panel opens (Panel.tsx) and where the trainer's 请看
 * follows the gaze (GuidedNotice.tsx). Looking straight up or down, "ahead" is −z.
 */
export function placeInFront(object: Object3D, camera: Camera, distanceM: number, dropM: number): void {
  camera.getWorldPosition(eye)
  camera.getWorldDirection(ahead)
  ahead.y = 0
  if (ahead.lengthSq() < 1e-6) ahead.set(0, 0, -1)
  ahead.normalize()
  object.position.copy(eye).addScaledVector(ahead, distanceM)
  object.position.y = eye.y - dropM
  object.lookAt(eye.x, object.position.y, eye.z)
}
