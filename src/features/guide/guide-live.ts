import { isClassCurrent } from '../../domain/guide/current.ts'
import { browserSocket, guideUrl } from '../../platform/guide/guide-socket.ts'
import { fetchMyClasses } from '../../platform/guide/my-classes.ts'
import { navigate } from '../shell/router.tsx'
import { GuideController, RECORDS_CHANGED_EVENT } from './guide-controller.ts'
import { GuideFollower } from './guide-follower.ts'

/**
 * Guided mode for one logged-in user, loaded only once someone is logged in (the first screen
 * carries none of it): the controller on a real WebSocket, the follower, and the list of the
 * user's classes running today, refreshed now and then and when the network comes back.
 */
export interface GuideLive {
  readonly controller: GuideController
  readonly follower: GuideFollower
  stop(): void
}

const REFRESH_CLASSES_MS = 15 * 60_000

export function startGuide(userId: string): GuideLive {
  const controller = new GuideController({
    url: guideUrl(location),
    openSocket: browserSocket,
    recordsChanged: (classId) =>
      window.dispatchEvent(new CustomEvent(RECORDS_CHANGED_EVENT, { detail: { classId } })),
  })
  const follower = new GuideFollower(controller, { userId, navigate })
  const stopFollowing = follower.start()

  let live = true
  const refreshClasses = async () => {
    const classes = await fetchMyClasses()
    // Offline or refused: keep what we had.
    if (!live || !classes) return
    // Members follow their classes; trainers lead theirs (for "records changed" on the
    // dashboard); an admin leads a class only from its lead screen.
    controller.setOwnClasses(classes.filter((c) => c.relation !== 'admin' && isClassCurrent(c, new Date())))
  }
  const onOnline = () => {
    controller.setOnline(true)
    void refreshClasses()
  }
  const onOffline = () => controller.setOnline(false)
  window.addEventListener('online', onOnline)
  window.addEventListener('offline', onOffline)
  const timer = setInterval(() => void refreshClasses(), REFRESH_CLASSES_MS)
  controller.setOnline(navigator.onLine)
  void refreshClasses()

  return {
    controller,
    follower,
    stop() {
      live = false
      clearInterval(timer)
      window.removeEventListener('online', onOnline)
      window.removeEventListener('offline', onOffline)
      stopFollowing()
      controller.stop()
    },
  }
}
