/** The saved list of remote clusters (a small JSON file; in memory when no file is given) and the active one. */
import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { AddClusterInput, ClusterInfo } from '../../ipc/contract'

interface Saved {
  activeId: string | null
  clusters: ClusterInfo[]
}

export class ClusterStore {
  private saved: Saved = { activeId: null, clusters: [] }

  constructor(private readonly file: string | null) {
    if (!file) return
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Saved>
      const clusters = Array.isArray(parsed.clusters) ? parsed.clusters.filter(isCluster) : []
      this.saved = { activeId: typeof parsed.activeId === 'string' ? parsed.activeId : null, clusters }
    } catch {
      // No file yet, or unreadable: start with an empty list (the next save rewrites it).
    }
  }

  get remotes(): ClusterInfo[] {
    return this.saved.clusters
  }

  get activeId(): string | null {
    return this.saved.activeId
  }

  find(id: string): ClusterInfo | undefined {
    return this.saved.clusters.find((c) => c.id === id)
  }

  add(input: AddClusterInput): ClusterInfo {
    const dup = this.saved.clusters.find((c) => c.bootstrap === input.bootstrap)
    if (dup) throw Object.assign(new Error(`"${dup.name}" already uses ${input.bootstrap}`), { code: 'VALIDATION' })
    const cluster: ClusterInfo = { id: `c-${randomBytes(6).toString('hex')}`, name: input.name.trim(), bootstrap: input.bootstrap, kind: 'remote' }
    this.saved.clusters.push(cluster)
    this.save()
    return cluster
  }

  remove(id: string): void {
    this.saved.clusters = this.saved.clusters.filter((c) => c.id !== id)
    if (this.saved.activeId === id) this.saved.activeId = null
    this.save()
  }

  setActive(id: string | null): void {
    this.saved.activeId = id
    this.save()
  }

  private save(): void {
    if (!this.file) return
    mkdirSync(dirname(this.file), { recursive: true })
    // Write-then-rename so a crash mid-write never leaves a truncated list.
    const tmp = `${this.file}.tmp`
    writeFileSync(tmp, JSON.stringify(this.saved, null, 2))
    renameSync(tmp, this.file)
  }
}

function isCluster(v: unknown): v is ClusterInfo {
  const c = v as ClusterInfo
  return typeof c === 'object' && c !== null && typeof c.id === 'string' && typeof c.name === 'string' && typeof c.bootstrap === 'string' && c.kind === 'remote'
}
