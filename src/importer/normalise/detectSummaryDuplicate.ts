import type { Warning } from '../validate/schema'

function comparable(text: string): string {
  return text.replace(/\s+/g, '').replace(/(?:\.{2,}|…+)$/u, '')
}

/** Notes a summary that only repeats the start of a paragraph (portals fill 摘要 that way). */
export function detectSummaryDuplicate(summary: string | null, paragraphs: string[]): Warning[] {
  if (!summary) return []
  const core = comparable(summary)
  if (core.length < 10) return []
  const index = paragraphs.findIndex((paragraph) => comparable(paragraph).startsWith(core))
  if (index < 0) return []
  return [
    {
      kind: 'summary-duplicate',
      severity: 'info',
      message: `the summary repeats the start of paragraph ${index + 1}`,
      snippet: summary.length > 30 ? `${summary.slice(0, 30)}…` : summary,
      paragraph: index,
    },
  ]
}
