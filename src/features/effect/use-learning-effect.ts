import { useCallback, useEffect, useReducer, useRef } from 'react'
import { fetchLearningEffect } from './effect-api.ts'
import { type EffectState, effectReducer } from './effect-state.ts'

/**
 * The class's learning effect from the server: read when the screen opens, when the device comes
 * back online, when the class's records change (the guided-mode nudge, routes.md), and on the
 * member's "刷新". Answers that arrive after a newer request started are dropped.
 */
export function useLearningEffect(classId: string): {
  readonly state: EffectState
  readonly refresh: () => void
} {
  const [state, dispatch] = useReducer(effectReducer, { status: 'loading' })
  const latest = useRef(0)

  const refresh = useCallback(() => {
    const call = ++latest.current
    dispatch({ type: 'refreshing' })
    void fetchLearningEffect(classId).then((outcome) => {
      if (call === latest.current) dispatch({ type: 'answered', outcome, at: new Date().toISOString() })
    })
  }, [classId])

  useEffect(() => {
    refresh()
    const onChanged = (e: Event) => {
      if ((e as CustomEvent<{ classId?: string }>).detail?.classId === classId) refresh()
    }
    window.addEventListener('online', refresh)
    window.addEventListener('hongtu:class-records-changed', onChanged)
    return () => {
      latest.current += 1
      window.removeEventListener('online', refresh)
      window.removeEventListener('hongtu:class-records-changed', onChanged)
    }
  }, [classId, refresh])

  return { state, refresh }
}
