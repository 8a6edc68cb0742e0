/**
 * How every bench prints its figures: one row per figure with its name, value and unit, the
 * target it is held to and whether it was met, as aligned text, or as a Markdown table ready for
 * docs/benchmarks.md when BENCH_REPORT=markdown. Detail tables (per-call timings, per-phase
 * columns) print through formatTable the same way. Also the header facts every report carries:
 * the commit, Node, the CPUs and the machine's load (figures from a shared machine mean little
 * without it).
 */
import { execFileSync } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '../..')

export interface Figure {
  /** What was measured, e.g. "(a) lateness p99". */
  name: string
  /** A number (printed with `digits` decimals and thousands separators) or a figure already worded. */
  value: number | string
  unit?: string
  digits?: number
  /** The target as worded in the issue, e.g. "≤ 100 ms"; none for a figure shown for context. */
  target?: string
  /** Whether the target was met; none when there is no target. */
  met?: boolean
}

export type ReportStyle = 'text' | 'markdown'

export const reportStyle = (): ReportStyle => (process.env.BENCH_REPORT === 'markdown' ? 'markdown' : 'text')

export const verdict = (met: boolean | undefined) => (met === undefined ? '' : met ? 'met' : 'MISSED')

export function formatValue(figure: Pick<Figure, 'value' | 'unit' | 'digits'>): string {
  const { value, unit, digits = 0 } = figure
  if (typeof value === 'number' && !Number.isFinite(value)) return '—'
  const text = typeof value === 'number' ? value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : value
  return unit ? `${text}${unit === '%' ? '' : ' '}${unit}` : text
}

/** A table with its header row first: aligned columns, or Markdown. */
export function formatTable(rows: string[][], style: ReportStyle = reportStyle()): string {
  if (style === 'markdown') {
    const line = (row: string[]) => `| ${row.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`
    return [line(rows[0]!), line(rows[0]!.map(() => '---')), ...rows.slice(1).map(line)].join('\n')
  }
  // Widths in code points: the Chinese in names counts as one column each (close enough for a terminal).
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => [...(row[column] ?? '')].length)))
  return rows.map((row) => row.map((cell, column) => cell + ' '.repeat(widths[column]! - [...cell].length)).join('  ').trimEnd()).join('\n')
}

/** The figures as one table: measurement, figure, target, result. */
export function formatFigures(figures: readonly Figure[], style: ReportStyle = reportStyle()): string {
  return formatTable([['measurement', 'figure', 'target', 'result'], ...figures.map((figure) => [figure.name, formatValue(figure), figure.target ?? '', verdict(figure.met)])], style)
}

export function describeCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch {
    return 'unknown commit' // not a git checkout: the figures still stand, without a commit to pin them to
  }
}

export const formatLoadAverage = (load: readonly number[] = os.loadavg()) => load.map((value) => value.toFixed(1)).join(' ')

/** "node v20 · 2 CPUs · up 11.5 h · load average 2.1 1.0 0.4": the machine the figures came from. */
export function describeMachine(): string {
  return `node ${process.version} · ${os.availableParallelism()} CPUs · up ${(os.uptime() / 3600).toFixed(1)} h · load average ${formatLoadAverage()}`
}

/** Nearest-rank percentile: the smallest value with at least p of the values at or below it. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!
}
