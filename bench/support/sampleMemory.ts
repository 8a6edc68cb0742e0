export interface MemoryPeaks {
  /** Resident set size when sampling started, bytes. */
  startRss: number
  peakRss: number
  peakHeapUsed: number
  samples: number
}

/**
 * Samples process.memoryUsage() every `intervalMs` until stopped and keeps the
 * peaks. Samples are taken whenever the event loop turns, so a long synchronous
 * stretch is seen at its end: stop() takes one last sample.
 */
export function sampleMemory(intervalMs = 50): { stop(): MemoryPeaks } {
  const first = process.memoryUsage()
  const peaks: MemoryPeaks = { startRss: first.rss, peakRss: first.rss, peakHeapUsed: first.heapUsed, samples: 1 }
  const sample = () => {
    const { rss, heapUsed } = process.memoryUsage()
    peaks.samples++
    if (rss > peaks.peakRss) peaks.peakRss = rss
    if (heapUsed > peaks.peakHeapUsed) peaks.peakHeapUsed = heapUsed
  }
  const timer = setInterval(sample, intervalMs)
  timer.unref()
  return {
    stop() {
      clearInterval(timer)
      sample()
      return { ...peaks }
    },
  }
}
