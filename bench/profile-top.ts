// Summarises a V8 .cpuprofile (node --cpu-prof, written by `npm run bench -- --profile`): the top frames by
// self time and by inclusive time, and the longest run of consecutive samples inside one frame (a stall).
// Usage: npx tsx bench/profile-top.ts FILE.cpuprofile [N]
import { readFileSync } from 'node:fs'

interface Node {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
interface Profile {
  nodes: Node[]
  samples: number[]
  timeDeltas: number[]
}

const [file = '', nArg = '15'] = process.argv.slice(2)
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile
const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const parent = new Map<number, number>()
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
const label = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`

const self = new Map<string, number>()
const total = new Map<string, number>()
let all = 0
let stall = { us: 0, at: '', stack: '' }
let run = { id: -1, us: 0, startUs: 0 }
let clock = 0
/** Every stretch of >= 20 ms in one non-idle frame: [start ms, length ms, frame <- caller <- caller]. */
const stretches: [number, number, string][] = []
const record = () => {
  const node = byId.get(run.id)
  if (node && run.us >= 20_000 && node.callFrame.functionName !== '(idle)') stretches.push([run.startUs / 1000, run.us / 1000, stackOf(run.id).split('\n    <- ').slice(0, 3).join(' <- ')])
}
profile.samples.forEach((id, i) => {
  const us = profile.timeDeltas[i + 1] ?? 0
  all += us
  const node = byId.get(id)!
  self.set(label(node), (self.get(label(node)) ?? 0) + us)
  const seen = new Set<string>()
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur)!)
    if (!seen.has(l)) total.set(l, (total.get(l) ?? 0) + us)
    seen.add(l)
  }
  if (run.id !== id) record()
  run = run.id === id ? { ...run, us: run.us + us } : { id, us, startUs: clock }
  clock += us
  if (run.us > stall.us && node.callFrame.functionName !== '(idle)') stall = { us: run.us, at: label(node), stack: stackOf(id) }
})

function stackOf(id: number): string {
  const out: string[] = []
  for (let cur: number | undefined = id; cur !== undefined && out.length < 12; cur = parent.get(cur)) out.push(label(byId.get(cur)!))
  return out.join('\n    <- ')
}

const top = (m: Map<string, number>, title: string) => {
  console.log(`\n${title} (of ${(all / 1e6).toFixed(2)} s sampled)`)
  for (const [l, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, Number(nArg))) console.log(`${((us / all) * 100).toFixed(1).padStart(5)} %  ${l}`)
}
top(self, 'Self time')
top(total, 'Inclusive time')
record()
console.log(`\nStretches of >= 20 ms in one frame (${stretches.length}; start s, ms, frame <- callers):`)
for (const [at, ms, where] of stretches.slice(0, 30)) console.log(`  ${(at / 1000).toFixed(2).padStart(7)}  ${ms.toFixed(1).padStart(6)}  ${where}`)
console.log(`\nLongest stretch in one non-idle frame: ${(stall.us / 1000).toFixed(1)} ms\n    ${stall.stack}`)
