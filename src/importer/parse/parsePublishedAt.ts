const DATE_TIME =
  /(\d{4})(?:\s*[-/.年]\s*|\s+(?=\d{1,2}\s*[-/.月]))(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?(?:\s*(Z|[+-]\d{2}:?\d{2}))?/

const pad = (value: number) => String(value).padStart(2, '0')

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

function offsetMinutes(offset: string): number {
  if (offset === 'Z') return 0
  const sign = offset.startsWith('-') ? -1 : 1
  const digits = offset.slice(1).replace(':', '')
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)))
}

/**
 * The first date (and time) in the text as ISO 8601 at +08:00, or null.
 * Reads 2022-01-03 07:00:29 +0800, 2021 05/ 27 15:21:54, 2020-11-27 15:34, 2022/1/3, 2022年1月3日 8:05.
 * Without an offset the time is taken as China time; with another offset it is
 * converted. A date without a time becomes midnight.
 */
export function parsePublishedAt(text: string): string | null {
  const match = DATE_TIME.exec(text)
  if (!match) return null
  const [, y, mo, d, h = '0', mi = '0', s = '0', offset] = match
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number]
  if (!isRealDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return null
  const shift = offset ? 8 * 60 - offsetMinutes(offset) : 0
  const china = new Date(Date.UTC(year, month - 1, day, hour, minute + shift, second))
  return (
    `${china.getUTCFullYear()}-${pad(china.getUTCMonth() + 1)}-${pad(china.getUTCDate())}` +
    `T${pad(china.getUTCHours())}:${pad(china.getUTCMinutes())}:${pad(china.getUTCSeconds())}+08:00`
  )
}
