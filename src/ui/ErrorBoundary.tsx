import { Component, type ReactNode } from 'react'

/**
 * Shows `fallback` instead of a blank screen when a part of the UI (such as the map) throws;
 * `onError` lets the screen around it say so too.
 */
export class ErrorBoundary extends Component<
  { fallback: ReactNode; children: ReactNode; onError?: (error: unknown) => void },
  { failed: boolean }
> {
  override state = { failed: false }
  static getDerivedStateFromError() {
    return { failed: true }
  }
  override componentDidCatch(error: unknown) {
    console.error(error)
    this.props.onError?.(error)
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children
  }
}
