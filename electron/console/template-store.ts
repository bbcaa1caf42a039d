/** Produce templates saved per topic, in one JSON file (or memory when no file is given). */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { ProduceTemplate, ProduceTemplateInput } from '../ipc/contract'

export class TemplateStore {
  private templates: ProduceTemplate[]

  constructor(private readonly file: string | null) {
    this.templates = file ? load(file) : []
  }

  list(topic: string): ProduceTemplate[] {
    return this.templates.filter((t) => t.topic === topic).sort((a, b) => a.name.localeCompare(b.name))
  }

  save(topic: string, input: ProduceTemplateInput): ProduceTemplate {
    const saved: ProduceTemplate = { ...input, topic, updatedAtMs: String(Date.now()) }
    this.templates = [...this.templates.filter((t) => !(t.topic === topic && t.name === input.name)), saved]
    this.persist()
    return saved
  }

  delete(topic: string, name: string): void {
    this.templates = this.templates.filter((t) => !(t.topic === topic && t.name === name))
    this.persist()
  }

  private persist(): void {
    if (!this.file) return
    mkdirSync(dirname(this.file), { recursive: true })
    // Write then rename, so a crash never leaves a half-written file.
    const tmp = `${this.file}.tmp`
    writeFileSync(tmp, JSON.stringify({ version: 1, templates: this.templates }, null, 2))
    renameSync(tmp, this.file)
  }
}

function load(file: string): ProduceTemplate[] {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { templates?: unknown }
    return Array.isArray(parsed.templates) ? (parsed.templates as ProduceTemplate[]) : []
  } catch {
    return []
  }
}
