/**
 * Prints where a V8 .cpuprofile (from `--cpu-prof`) spends its time: the top
 * functions by self time and by total time (time with their callees), and self
 * time per source file. `match` keeps only functions whose file contains it
 * for the total-time list (e.g. `src/importer`).
 *
 *   tsx bench/support/summariseCpuProfile.ts FILE.cpuprofile [match] [top]
 */
import fs from 'node:fs'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
  startTime: number
  endTime: number
}

function label(node: ProfileNode): string {
  const file = node.callFrame.url.replace(/^file:\/\//, '').replace(/^.*\/(node_modules\/)/, '$1').replace(/^.*\/work\/main\//, '')
  return `${node.callFrame.functionName || '(anonymous)'} ${file}:${node.callFrame.lineNumber + 1}`
}

export function summariseCpuProfile(profile: Profile, match = 'src/', top = 25): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  const selfMs = new Map<number, number>()
  profile.samples.forEach((id, index) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000))
  const totalMs = (profile.endTime - profile.startTime) / 1000

  const selfByLabel = new Map<string, number>()
  const selfByFile = new Map<string, number>()
  const inclusiveByLabel = new Map<string, number>()
  for (const [id, ms] of selfMs) {
    const node = byId.get(id)!
    selfByLabel.set(label(node), (selfByLabel.get(label(node)) ?? 0) + ms)
    const file = label(node).split(' ').slice(1).join(' ').replace(/:\d+$/, '') || '(native)'
    selfByFile.set(file, (selfByFile.get(file) ?? 0) + ms)
    // Inclusive time: count the sample once for every distinct function on its stack.
    const seen = new Set<string>()
    for (let current: number | undefined = id; current !== undefined; current = parent.get(current)) {
      const name = label(byId.get(current)!)
      if (seen.has(name)) continue
      seen.add(name)
      inclusiveByLabel.set(name, (inclusiveByLabel.get(name) ?? 0) + ms)
    }
  }
  const rows = (map: Map<string, number>, filter: (name: string) => boolean = () => true) =>
    [...map]
      .filter(([name]) => filter(name))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => `${ms.toFixed(0).padStart(8)} ms ${((ms / totalMs) * 100).toFixed(1).padStart(5)}%  ${name}`)
  return [
    `profile: ${totalMs.toFixed(0)} ms`,
    '',
    'self time by function:',
    ...rows(selfByLabel),
    '',
    'self time by file:',
    ...rows(selfByFile),
    '',
    `total time (with callees) of functions in files matching "${match}":`,
    ...rows(inclusiveByLabel, (name) => name.includes(match)),
  ].join('\n')
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, match, top] = process.argv.slice(2)
  if (!file) {
    console.error('usage: tsx bench/support/summariseCpuProfile.ts FILE.cpuprofile [match] [top]')
    process.exit(2)
  }
  console.log(summariseCpuProfile(JSON.parse(fs.readFileSync(file, 'utf8')) as Profile, match, top ? Number(top) : undefined))
}
