// emit-fields.ts: one emitter per field type. Each produces a TS type, a read expression, a write
// expression, a default literal and an "is default" test (tagged fields are omitted when default).
import { defaultValue, type DefaultValue } from './defaults'
import type { FieldSpec, FieldType, MessageSpec, Primitive, StructSpec, VersionRange } from './spec'
import { typeIsNullable } from './spec'

/** Per-message emission context: the declared version range bounds the generated version tests. */
export class Ctx {
  /** Structs whose isDefault function is referenced (emitted at the end of the file). */
  readonly needIsDefault = new Set<StructSpec>()

  constructor(readonly msg: MessageSpec) {}

  /** A boolean TS expression for "version is in range": 'true', 'false' or a comparison. */
  cond(r: VersionRange | null | undefined, ...within: (VersionRange | null | undefined)[]): string {
    let lo = this.msg.validVersions.min
    let hi = this.msg.validVersions.max
    for (const w of within) {
      if (w === null) return 'false'
      if (w) {
        lo = Math.max(lo, w.min)
        hi = Math.min(hi, w.max)
      }
    }
    if (!r || lo > hi) return 'false'
    const a = Math.max(r.min, lo)
    const b = Math.min(r.max, hi)
    if (a > b) return 'false'
    if (a === lo && b === hi) return 'true'
    if (a === b) return `version === ${a}`
    if (a === lo) return `version <= ${b}`
    if (b === hi) return `version >= ${a}`
    return `version >= ${a} && version <= ${b}`
  }
}

export function ternary(c: string, a: string, b: string): string {
  if (c === 'true' || a === b) return a
  if (c === 'false') return b
  return `(${c} ? ${a} : ${b})`
}

export function q(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
}

interface PrimEmitter {
  ts: string
  read: (r: string, flex: string, nullable: boolean) => string
  write: (w: string, v: string, flex: string, nullable: boolean) => string
}

function fixed(ts: string, method: string): PrimEmitter {
  return { ts, read: (r) => `${r}.${method}()`, write: (w, v) => `${w}.${method}(${v})` }
}

/** string and bytes: int16/int32 length, or compact (uvarint length + 1) in flexible versions. */
function sized(ts: string, base: 'String' | 'Bytes'): PrimEmitter {
  const plain = base === 'String' ? 'string' : 'bytes'
  const names = (nullable: boolean) =>
    nullable ? [`compactNullable${base}`, `nullable${base}`] : [`compact${base}`, plain]
  return {
    ts,
    read: (r, flex, nullable) => {
      const [c, p] = names(nullable)
      return ternary(flex, `${r}.${c}()`, `${r}.${p}()`)
    },
    write: (w, v, flex, nullable) => {
      const [c, p] = names(nullable)
      return ternary(flex, `${w}.${c}(${v})`, `${w}.${p}(${v})`)
    },
  }
}

const PRIMS: Record<Primitive, PrimEmitter> = {
  bool: fixed('boolean', 'bool'),
  int8: fixed('number', 'int8'),
  int16: fixed('number', 'int16'),
  uint16: fixed('number', 'uint16'),
  int32: fixed('number', 'int32'),
  uint32: fixed('number', 'uint32'),
  int64: fixed('bigint', 'int64'),
  float64: fixed('number', 'float64'),
  uuid: fixed('string', 'uuid'),
  string: sized('string', 'String'),
  bytes: sized('Buffer', 'Bytes'),
  // records are a nullable bytes blob on the wire (RECORD-FORMAT.md); decoding is core/protocol/records.
  records: {
    ts: 'Buffer',
    read: (r, flex) => ternary(flex, `${r}.compactNullableBytes()`, `${r}.nullableBytes()`),
    write: (w, v, flex) => ternary(flex, `${w}.compactNullableBytes(${v})`, `${w}.nullableBytes(${v})`),
  },
}

export function tsType(t: FieldType): string {
  if (t.kind === 'primitive') return PRIMS[t.name].ts
  if (t.kind === 'struct') return t.struct.typeName
  return `${tsType(t.element)}[]`
}

export function fieldTsType(f: FieldSpec): string {
  return tsType(f.type) + (typeIsNullable(f) ? ' | null' : '')
}

/** Expression reading one value. `nullable` is a version condition string ('true'/'false'/expr). */
export function readExpr(t: FieldType, r: string, flex: string, nullable: string): string {
  if (t.kind === 'primitive') {
    const p = PRIMS[t.name]
    return ternary(nullable, p.read(r, flex, true), p.read(r, flex, false))
  }
  if (t.kind === 'struct') {
    const call = `read${t.struct.typeName}(${r}, version)`
    // A nullable struct carries an int8 presence marker: -1 = null, 1 = present.
    return ternary(nullable, `(${r}.int8() < 0 ? null : ${call})`, call)
  }
  const elem = `() => ${readExpr(t.element, r, flex, 'false')}`
  const flexArg = flex === 'false' ? '' : `, ${flex === 'true' ? 'true' : flex}`
  return ternary(nullable, `${r}.nullableArray(${elem}${flexArg})`, `${r}.array(${elem}${flexArg})`)
}

/** Expression writing a value that is known not to be null. */
function writeNonNull(t: FieldType, w: string, v: string, flex: string): string {
  if (t.kind === 'primitive') return PRIMS[t.name].write(w, v, flex, false)
  if (t.kind === 'struct') return `write${t.struct.typeName}(${w}, version, ${v})`
  const flexArg = flex === 'false' ? '' : `, ${flex}`
  return `${w}.array(${v}, (e) => ${writeNonNull(t.element, w, 'e', flex)}${flexArg})`
}

function writeNullable(t: FieldType, w: string, v: string, flex: string): string {
  if (t.kind === 'primitive') return PRIMS[t.name].write(w, v, flex, true)
  if (t.kind === 'struct') {
    return `${v} === null ? ${w}.int8(-1) : (${w}.int8(1), write${t.struct.typeName}(${w}, version, ${v}))`
  }
  const flexArg = flex === 'false' ? '' : `, ${flex}`
  return `${w}.nullableArray(${v}, (e) => ${writeNonNull(t.element, w, 'e', flex)}${flexArg})`
}

/** Statement writing a field value, with the null check for versions where null is not allowed. */
export function writeStmt(f: FieldSpec, owner: string, w: string, v: string, flex: string, nullableCond: string): string {
  const isRecords = f.type.kind === 'primitive' && f.type.name === 'records'
  const nullable = isRecords ? 'true' : nullableCond
  const checked = typeIsNullable(f) ? `nonNull(${v}, ${q(`${owner}.${f.prop}`)}, version)` : v
  return statement(ternary(nullable, writeNullable(f.type, w, v, flex), writeNonNull(f.type, w, checked, flex)))
}

/** Drops parentheses that wrap a whole expression: a statement line must not start with '(' (no-semicolon ASI). */
export function statement(e: string): string {
  while (e.startsWith('(') && closingParen(e, 0) === e.length - 1) e = e.slice(1, -1)
  return e
}

function closingParen(s: string, open: number): number {
  let depth = 0
  let quote = ''
  for (let i = open; i < s.length; i++) {
    const c = s[i]!
    if (quote) {
      if (c === '\\') i++
      else if (c === quote) quote = ''
    } else if (c === "'") quote = c
    else if (c === '(') depth++
    else if (c === ')' && --depth === 0) return i
  }
  return -1
}

export function literal(v: DefaultValue, t: FieldType): string {
  if (v === null) return 'null'
  if (t.kind === 'array') return '[]'
  if (t.kind === 'struct') return `default${t.struct.typeName}()`
  if (typeof v === 'bigint') return `${v}n`
  if (typeof v === 'string') return q(v)
  if (Buffer.isBuffer(v)) return 'Buffer.alloc(0)'
  return String(v)
}

export function defaultLiteral(f: FieldSpec): string {
  return literal(defaultValue(f), f.type)
}

/** Expression testing whether `v` equals the field's default. */
export function isDefaultExpr(ctx: Ctx, f: FieldSpec, v: string): string {
  const d = defaultValue(f)
  if (d === null) return `${v} === null`
  const guard = typeIsNullable(f) ? `${v} !== null && ` : ''
  if (f.type.kind === 'array') return `${guard}${v}.length === 0`
  if (f.type.kind === 'struct') {
    ctx.needIsDefault.add(f.type.struct)
    return `${guard}isDefault${f.type.struct.typeName}(${v})`
  }
  if (Buffer.isBuffer(d)) return `${guard}${v}.length === 0`
  return `${v} === ${literal(d, f.type)}`
}
