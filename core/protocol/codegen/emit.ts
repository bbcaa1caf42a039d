// emit.ts: turns a parsed message into straight-line TS codecs (no runtime reflection; the Produce and
// Fetch paths are hot). Per struct: interface, default factory, reader, writer, and when needed isDefault.
import {
  Ctx, defaultLiteral, fieldTsType, isDefaultExpr, q, readExpr, statement, ternary, writeStmt,
} from './emit-fields'
import type { FieldSpec, FieldType, MessageSpec, StructSpec, VersionRange } from './spec'

function rangeText(r: VersionRange | null | undefined): string {
  if (!r) return 'none'
  if (r.max === Infinity) return `${r.min}+`
  return r.min === r.max ? `${r.min}` : `${r.min}-${r.max}`
}

function fieldComment(f: FieldSpec): string {
  const parts = [`v${rangeText(f.versions)}`]
  if (f.nullableVersions) parts.push(`nullable v${rangeText(f.nullableVersions)}`)
  if (f.tag !== undefined) parts.push(`tag ${f.tag} v${rangeText(f.taggedVersions)}`)
  if (f.flexibleVersions !== undefined) parts.push(`flexible v${rangeText(f.flexibleVersions)}`)
  if (f.ignorable) parts.push('ignorable')
  return parts.join(', ')
}


function and(a: string, b: string): string {
  if (a === 'true') return b
  if (b === 'true') return a
  return `${a} && ${b}`
}

class StructEmitter {
  private readonly flex: string

  constructor(
    private readonly ctx: Ctx,
    private readonly s: StructSpec,
    /** Versions in which this struct can occur at all (nested structs are narrower than the message). */
    private readonly range: VersionRange | null,
  ) {
    const c = this.cond(ctx.msg.flexibleVersions)
    this.flex = c === 'true' || c === 'false' ? c : 'flexible'
  }

  private cond(r: VersionRange | null | undefined, ...within: (VersionRange | null | undefined)[]): string {
    return this.ctx.cond(r, this.range, ...within)
  }

  /** Condition under which a field is on the wire as a tagged field. */
  private taggedCond(f: FieldSpec): string {
    const a = f.versions
    const b = f.taggedVersions
    if (!a || !b) return 'false'
    return this.cond({ min: Math.max(a.min, b.min), max: Math.min(a.max, b.max) })
  }

  private get regular(): FieldSpec[] {
    return this.s.fields.filter((f) => f.tag === undefined)
  }

  private get tagged(): FieldSpec[] {
    return this.s.fields.filter((f) => f.tag !== undefined).sort((a, b) => a.tag! - b.tag!)
  }

  /** Compact encoding test for a field, simplified within the versions where the field exists. */
  private fieldFlex(f: FieldSpec): string {
    if (f.flexibleVersions !== undefined) return this.cond(f.flexibleVersions, f.versions)
    const c = this.cond(this.ctx.msg.flexibleVersions, f.versions)
    return c === 'true' || c === 'false' ? c : this.flex
  }

  private prologue(body: string[]): string[] {
    const uses = body.some((l) => /\bflexible\b/.test(l))
    return uses ? [`  const flexible = ${this.cond(this.ctx.msg.flexibleVersions)}`, ...body] : body
  }

  iface(): string[] {
    const lines = [`export interface ${this.s.typeName} {`]
    for (const f of this.s.fields) lines.push(`  ${f.prop}: ${fieldTsType(f)} // ${fieldComment(f)}`)
    return [...lines, '}']
  }

  defaults(): string[] {
    const t = this.s.typeName
    const lines = [`export function default${t}(): ${t} {`, '  return {']
    for (const f of this.s.fields) lines.push(`    ${f.prop}: ${defaultLiteral(f)},`)
    return [...lines, '  }', '}']
  }

  reader(exported: boolean): string[] {
    const t = this.s.typeName
    const body = ['  const msg: ' + t + ' = {']
    for (const f of this.s.fields) {
      const c = f.tag === undefined ? this.cond(f.versions) : 'false'
      const expr = readExpr(f.type, 'r', this.fieldFlex(f), this.cond(f.nullableVersions, f.versions))
      body.push(`    ${f.prop}: ${statement(ternary(c, expr, defaultLiteral(f)))},`)
    }
    body.push('  }', ...this.readTagged(), '  return msg')
    return this.wrap(`${exported ? 'export ' : ''}function read${t}(r: Reader, version: number): ${t} {`, body)
  }

  private readTagged(): string[] {
    if (this.flex === 'false') return []
    const guard = this.flex === 'true' ? '' : 'if (flexible) '
    if (this.tagged.length === 0) return [`  ${guard}r.skipTaggedFields()`]
    const lines = [`  ${guard}r.readTaggedFields((tag, t) => {`, '    switch (tag) {']
    for (const f of this.tagged) {
      const c = this.taggedCond(f)
      const expr = `msg.${f.prop} = ${readExpr(f.type, 't', 'true', this.cond(f.nullableVersions, f.versions))}`
      lines.push(`      case ${f.tag}:`, `        ${c === 'true' ? expr : `if (${c}) ${expr}`}`, '        break')
    }
    return [...lines, '    }', '  })']
  }

  writer(exported: boolean): string[] {
    const t = this.s.typeName
    const body: string[] = []
    for (const f of this.regular) body.push(...this.writeRegular(f))
    body.push(...this.writeTagged())
    return this.wrap(`${exported ? 'export ' : ''}function write${t}(w: Writer, version: number, msg: ${t}): void {`, body)
  }

  /**
   * A non-ignorable field with a non-default value must not be silently dropped (spec `ignorable`).
   * Responses are exempt: handlers build one version-agnostic response and the writer keeps what the
   * client's version has (the broker answers in the request's version; it never "downgrades" data).
   */
  private dropCheck(f: FieldSpec, present: string, prefix = 'if'): string[] {
    if (f.ignorable || present === 'true' || this.ctx.msg.type === 'response') return []
    const test = `!(${isDefaultExpr(this.ctx, f, `msg.${f.prop}`)})`
    const err = `throw unsupportedField(${q(`${this.s.typeName}.${f.prop}`)}, version)`
    return [`  ${prefix} (${present === 'false' || prefix !== 'if' ? test : `!(${present}) && ${test}`}) ${err}`]
  }

  private writeRegular(f: FieldSpec): string[] {
    const c = this.cond(f.versions)
    const nullable = this.cond(f.nullableVersions, f.versions)
    const stmt = writeStmt(f, this.s.typeName, 'w', `msg.${f.prop}`, this.fieldFlex(f), nullable)
    if (c === 'false') return this.dropCheck(f, c)
    if (c === 'true') return [`  ${stmt}`]
    return [`  if (${c}) ${stmt}`, ...this.dropCheck(f, c, 'else if')]
  }

  private writeTagged(): string[] {
    if (this.flex === 'false') return this.tagged.flatMap((f) => this.dropCheck(f, 'false'))
    const guard = this.flex === 'true' ? '' : 'if (flexible) '
    if (this.tagged.length === 0) return [`  ${guard}w.uvarint(0)`]
    const lines = [`  ${guard}{`, '    let tags = 0']
    const tests = this.tagged.map((f) =>
      and(this.taggedCond(f), `!(${isDefaultExpr(this.ctx, f, `msg.${f.prop}`)})`),
    )
    for (const test of tests) lines.push(`    if (${test}) tags++`)
    lines.push('    w.uvarint(tags)')
    this.tagged.forEach((f, i) => {
      const nullable = this.cond(f.nullableVersions, f.versions)
      const stmt = writeStmt(f, this.s.typeName, 't', `msg.${f.prop}`, 'true', nullable)
      lines.push(`    if (${tests[i]}) w.taggedField(${f.tag}, (t) => ${stmt})`)
    })
    lines.push('  }')
    const present = this.flex === 'true' ? 'true' : 'flexible'
    for (const f of this.tagged) lines.push(...this.dropCheck(f, and(present, this.taggedCond(f))))
    return lines
  }

  isDefault(): string[] {
    const t = this.s.typeName
    const tests = this.s.fields.map((f) => `(${isDefaultExpr(this.ctx, f, `v.${f.prop}`)})`)
    const body = tests.length === 0 ? ['  return true'] : ['  return (', `    ${tests.join(' &&\n    ')}`, '  )']
    return [`function isDefault${t}(v: ${t}): boolean {`, ...body, '}']
  }

  private wrap(head: string, body: string[]): string[] {
    const full = this.prologue(body)
    const usesVersion = full.some((l) => /\bversion\b/.test(l))
    return [usesVersion ? head : head.replace('version: number', '_version: number'), ...full, '}']
  }
}

function intersect(a: VersionRange | null, b: VersionRange | null): VersionRange | null {
  if (!a || !b) return null
  const r = { min: Math.max(a.min, b.min), max: Math.min(a.max, b.max) }
  return r.min <= r.max ? r : null
}

function hull(a: VersionRange | null, b: VersionRange | null): VersionRange | null {
  if (!a || !b) return a ?? b
  return { min: Math.min(a.min, b.min), max: Math.max(a.max, b.max) }
}

function structOf(t: FieldType): StructSpec | null {
  if (t.kind === 'array') return structOf(t.element)
  return t.kind === 'struct' ? t.struct : null
}

/** Versions in which each struct is reachable from the root (fixpoint over shared common structs). */
export function structRanges(msg: MessageSpec): Map<StructSpec, VersionRange | null> {
  const ranges = new Map<StructSpec, VersionRange | null>([[msg.root, msg.validVersions]])
  for (let changed = true; changed; ) {
    changed = false
    for (const [s, range] of [...ranges]) {
      for (const f of s.fields) {
        const t = structOf(f.type)
        if (!t) continue
        const via = intersect(range, f.tag === undefined ? f.versions : intersect(f.versions, f.taggedVersions))
        const next = hull(ranges.get(t) ?? null, via)
        const prev = ranges.get(t)
        if (!ranges.has(t) || prev?.min !== next?.min || prev?.max !== next?.max) {
          ranges.set(t, next)
          changed = true
        }
      }
    }
  }
  return ranges
}

/** All declarations of one message (root + nested structs), in a deterministic order. */
export function emitMessage(msg: MessageSpec): string[] {
  const ctx = new Ctx(msg)
  const all = [msg.root, ...msg.structs]
  const ranges = structRanges(msg)
  const emitters = all.map((s) => new StructEmitter(ctx, s, ranges.get(s) ?? null))
  const out: string[] = []
  const section = (lines: string[]) => out.push('', ...lines)
  emitters.forEach((e) => section(e.iface()))
  emitters.forEach((e) => section(e.defaults()))
  emitters.forEach((e, i) => section(e.reader(i === 0)))
  emitters.forEach((e, i) => section(e.writer(i === 0)))
  const done = new Set<StructSpec>()
  for (;;) {
    const next = all.find((s) => ctx.needIsDefault.has(s) && !done.has(s))
    if (!next) break
    done.add(next)
    section(new StructEmitter(ctx, next, ranges.get(next) ?? null).isDefault())
  }
  return out
}
