/**
 * The newsroom's one clock: every time in the admin is entered and shown in Beijing time (UTC+8,
 * no daylight saving) in one format, `2026-12-04 06:50`, whatever the browser's own time zone.
 */

/** date-fns pattern of every date and time the admin shows (Payload's admin.dateFormat and date fields' displayFormat). */
export const ADMIN_DATE_FORMAT = 'yyyy-MM-dd HH:mm'
/** The time list of Payload's picker, 24-hour like the rest. */
export const ADMIN_TIME_FORMAT = 'HH:mm'
/** `admin.date` of every day-and-time field: Payload's own picker in the newsroom's format. */
export const DAY_AND_TIME_PICKER = { pickerAppearance: 'dayAndTime', displayFormat: ADMIN_DATE_FORMAT, timeFormat: ADMIN_TIME_FORMAT, timeIntervals: 5 } as const

/**
 * `admin` of every date field an editor types: picked and shown in Beijing time with the schedule's
 * picker (src/components/admin/BeijingTime.tsx), and the same in list columns.
 */
export const EDITABLE_BEIJING_TIME = {
  date: DAY_AND_TIME_PICKER,
  components: { Field: '/components/admin/BeijingTime#BeijingDateTimeField', Cell: '/components/admin/BeijingTime#BeijingTimeCell' },
} as const

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000

function validInstant(value: Date | string | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null
  const instant = value instanceof Date ? value : new Date(value)
  return Number.isNaN(instant.getTime()) ? null : instant
}

const pad = (n: number) => String(n).padStart(2, '0')

/** A stored instant as Beijing wall-clock time, `2026-12-04 06:50`; null for a missing or unreadable time. */
export function formatBeijingAdminTime(value: Date | string | null | undefined): string | null {
  const instant = validInstant(value)
  if (!instant) return null
  const b = new Date(instant.getTime() + BEIJING_OFFSET_MS)
  return `${b.getUTCFullYear()}-${pad(b.getUTCMonth() + 1)}-${pad(b.getUTCDate())} ${pad(b.getUTCHours())}:${pad(b.getUTCMinutes())}`
}

/**
 * An instant as a browser-local Date whose wall-clock reads Beijing time: what a date picker (which
 * always works in the browser's zone, like react-datepicker under Payload's) must show so that an
 * editor in any zone sees and picks Beijing time. Payload's own timezone-aware date field does the same.
 */
export function toBeijingWallClock(value: Date | string | null | undefined): Date | null {
  const instant = validInstant(value)
  if (!instant) return null
  const b = new Date(instant.getTime() + BEIJING_OFFSET_MS)
  return new Date(b.getUTCFullYear(), b.getUTCMonth(), b.getUTCDate(), b.getUTCHours(), b.getUTCMinutes())
}

/** The reverse: a picked browser-local Date read as Beijing wall-clock time, to the ISO instant it means. */
export function fromBeijingWallClock(picked: Date | null | undefined): string | undefined {
  if (!picked || Number.isNaN(picked.getTime())) return undefined
  const utc = Date.UTC(picked.getFullYear(), picked.getMonth(), picked.getDate(), picked.getHours(), picked.getMinutes())
  return new Date(utc - BEIJING_OFFSET_MS).toISOString()
}
