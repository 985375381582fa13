/**
 * How long a password check takes on this server, kept as a moving average, so that a login
 * answered without one (login-limits.ts: an address past its limit trying a name that is no
 * account) can take as long, and its timing says nothing about which names are accounts.
 */
export class HashTime {
  /** A first guess (scrypt at its usual cost on a small server), replaced by what is measured. */
  private averageMs = 50

  async measure<T>(check: () => Promise<T>): Promise<T> {
    const start = performance.now()
    try {
      return await check()
    } finally {
      this.averageMs = this.averageMs * 0.8 + (performance.now() - start) * 0.2
    }
  }

  /** Waits about as long as a check takes, without using the CPU. */
  wait(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, this.averageMs))
  }
}
