/** How long a line is and how much of it is Han, counted up to a cap: features never need more, and paragraphs are long. */
export interface TextMeasure {
  /** Characters that are not whitespace (surrogate pairs count once), at most cap + 1. */
  length: number
  /** Han characters among them. */
  han: number
}

export const MEASURE_CAP = 240

function isHanCodePoint(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x20000 && code <= 0x3134f) ||
    code === 0x3007
  )
}

/** One pass over the line's first characters; whitespace is \s as /\s/ knows it (ASCII, U+00A0, U+3000, …). */
export function measureText(text: string, cap = MEASURE_CAP): TextMeasure {
  let length = 0
  let han = 0
  for (let index = 0; index < text.length && length <= cap; index++) {
    const code = text.codePointAt(index)!
    if (code > 0xffff) index++
    if (code <= 0x20 || code === 0xa0 || code === 0x3000 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0xfeff) continue
    length++
    if (isHanCodePoint(code)) han++
  }
  return { length, han }
}
