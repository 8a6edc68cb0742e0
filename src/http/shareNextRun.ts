/**
 * Wraps an async read so that concurrent callers share runs, but never one that started before
 * they called: a call while no run is going starts one; calls while one is going all wait for the
 * single next run, started when the current one ends. So each caller gets a result read after its
 * call, and under load the database sees at most one read at a time instead of one per request.
 */
export function shareNextRun<T>(run: () => Promise<T>): () => Promise<T> {
  let current: Promise<T> | undefined
  let next: Promise<T> | undefined
  const start = (): Promise<T> => {
    const started = run().finally(() => {
      if (current === started) current = undefined
    })
    current = started
    return started
  }
  return () => {
    if (!current) return start()
    if (!next) {
      next = current
        .catch(() => undefined)
        .then(() => {
          next = undefined
          return start()
        })
    }
    return next
  }
}
