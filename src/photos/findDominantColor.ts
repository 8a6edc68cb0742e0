/**
 * The most common colour of a (small) RGB or RGBA pixel buffer as #rrggbb: pixels are grouped
 * by their top four bits per channel and the fullest group's average wins. Pure.
 */
export function findDominantColor(pixels: Uint8Array, channels: number): string {
  const counts = new Map<number, { n: number; r: number; g: number; b: number }>()
  let best: { n: number; r: number; g: number; b: number } | undefined
  for (let index = 0; index + 2 < pixels.length; index += channels) {
    const r = pixels[index]!
    const g = pixels[index + 1]!
    const b = pixels[index + 2]!
    const key = ((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4)
    const bin = counts.get(key) ?? { n: 0, r: 0, g: 0, b: 0 }
    bin.n++
    bin.r += r
    bin.g += g
    bin.b += b
    counts.set(key, bin)
    if (!best || bin.n > best.n) best = bin
  }
  if (!best) return '#000000'
  const { n, r, g, b } = best
  return `#${[r, g, b].map((sum) => Math.round(sum / n).toString(16).padStart(2, '0')).join('')}`
}
