import type { SiteLocale } from './siteLocales'

const PARTS: Intl.DateTimeFormatOptions = {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
}

const formatters: Record<SiteLocale, Intl.DateTimeFormat> = {
  'zh-Hans': new Intl.DateTimeFormat('zh-Hans-CN', PARTS),
  'zh-Hant': new Intl.DateTimeFormat('zh-Hant-TW', PARTS),
}

/** A stored UTC time as the newsroom reads it, in Beijing time: "2022年1月3日 07:00". Null for a missing or unreadable time. */
export function formatBeijingTime(iso: string | null | undefined, locale: SiteLocale): string | null {
  if (!iso) return null
  const time = new Date(iso)
  if (Number.isNaN(time.getTime())) return null
  return formatters[locale].format(time)
}
