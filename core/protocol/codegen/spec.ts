// spec.ts: parses Kafka's message definitions (JSON with // comments) into a model for the emitter,
// the sample builder of the round-trip test and anything else that needs version ranges.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export interface VersionRange {
  min: number
  max: number // Infinity for open ranges such as "3+"
}

export type Primitive =
  | 'bool' | 'int8' | 'int16' | 'uint16' | 'int32' | 'uint32' | 'int64' | 'float64'
  | 'string' | 'bytes' | 'uuid' | 'records'

export type FieldType =
  | { kind: 'primitive'; name: Primitive }
  | { kind: 'struct'; struct: StructSpec }
  | { kind: 'array'; element: FieldType }

export interface FieldSpec {
  name: string // spec name, e.g. ThrottleTimeMs
  prop: string // TS property, e.g. throttleTimeMs
  type: FieldType
  versions: VersionRange | null
  nullableVersions: VersionRange | null
  /** Per-field override of the message's flexibleVersions (RequestHeader.ClientId is "none"). */
  flexibleVersions?: VersionRange | null
  tag?: number
  taggedVersions: VersionRange | null
  ignorable: boolean
  default?: string | number | boolean
}

export interface StructSpec {
  specName: string
  typeName: string // TS interface name: message name + struct name (or the message name for the root)
  fields: FieldSpec[]
}

export interface MessageSpec {
  name: string // e.g. ProduceRequest
  apiKey: number | null
  type: string // request | response | data | header
  validVersions: VersionRange // as declared
  versions: VersionRange | null // validVersions minus an unstable latest version
  flexibleVersions: VersionRange | null
  root: StructSpec
  structs: StructSpec[] // nested structs in first-reference order (root excluded)
}

const PRIMITIVES = new Set<string>([
  'bool', 'int8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'float64',
  'string', 'bytes', 'uuid', 'records',
])

/** Removes // comments outside string literals. */
export function stripComments(text: string): string {
  let out = ''
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (inString) {
      out += c
      if (c === '\\') out += text[++i] ?? ''
      else if (c === '"') inString = false
    } else if (c === '"') {
      inString = true
      out += c
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++
      out += '\n'
    } else out += c
  }
  return out
}

export function parseVersions(s: string | undefined): VersionRange | null {
  if (s === undefined || s === 'none') return null
  const plus = /^(\d+)\+$/.exec(s)
  if (plus) return { min: Number(plus[1]), max: Infinity }
  const range = /^(\d+)-(\d+)$/.exec(s)
  if (range) return { min: Number(range[1]), max: Number(range[2]) }
  if (/^\d+$/.test(s)) return { min: Number(s), max: Number(s) }
  throw new Error(`bad version range ${JSON.stringify(s)}`)
}

export function inRange(r: VersionRange | null | undefined, v: number): boolean {
  return !!r && v >= r.min && v <= r.max
}

export function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1)
}

interface RawField {
  name: string
  type: string
  versions?: string
  nullableVersions?: string
  flexibleVersions?: string
  taggedVersions?: string
  tag?: number
  ignorable?: boolean
  default?: string | number | boolean
  fields?: RawField[]
}

interface RawStruct {
  name: string
  versions?: string
  fields: RawField[]
}

interface RawMessage {
  apiKey?: number
  type: string
  name: string
  validVersions: string
  flexibleVersions?: string
  latestVersionUnstable?: boolean
  fields: RawField[]
  commonStructs?: RawStruct[]
}

class StructRegistry {
  readonly structs: StructSpec[] = []
  private readonly byName = new Map<string, StructSpec>()
  private readonly common = new Map<string, RawStruct>()

  constructor(
    private readonly messageName: string,
    commonStructs: RawStruct[],
  ) {
    for (const c of commonStructs) this.common.set(c.name, c)
  }

  resolve(name: string, inline: RawField[] | undefined): StructSpec {
    const existing = this.byName.get(name)
    if (existing) {
      if (inline) throw new Error(`${this.messageName}: struct ${name} defined twice`)
      return existing
    }
    const fields = inline ?? this.common.get(name)?.fields
    if (!fields) throw new Error(`${this.messageName}: unknown struct ${name}`)
    const spec: StructSpec = { specName: name, typeName: this.messageName + name, fields: [] }
    this.byName.set(name, spec)
    this.structs.push(spec)
    spec.fields = fields.map((f) => this.field(f))
    return spec
  }

  field(f: RawField): FieldSpec {
    const spec: FieldSpec = {
      name: f.name,
      prop: lowerFirst(f.name),
      type: this.type(f.type, f.fields),
      versions: parseVersions(f.versions),
      nullableVersions: parseVersions(f.nullableVersions),
      taggedVersions: parseVersions(f.taggedVersions),
      ignorable: f.ignorable === true,
    }
    if (f.flexibleVersions !== undefined) spec.flexibleVersions = parseVersions(f.flexibleVersions)
    if (f.tag !== undefined) spec.tag = f.tag
    if (f.default !== undefined) spec.default = f.default
    return spec
  }

  type(t: string, inline: RawField[] | undefined): FieldType {
    if (t.startsWith('[]')) return { kind: 'array', element: this.type(t.slice(2), inline) }
    if (PRIMITIVES.has(t)) return { kind: 'primitive', name: t as Primitive }
    return { kind: 'struct', struct: this.resolve(t, inline) }
  }
}

export function parseMessage(text: string): MessageSpec {
  const raw = JSON.parse(stripComments(text)) as RawMessage
  const registry = new StructRegistry(raw.name, raw.commonStructs ?? [])
  const root: StructSpec = { specName: raw.name, typeName: raw.name, fields: [] }
  root.fields = raw.fields.map((f) => registry.field(f))
  const valid = parseVersions(raw.validVersions)
  if (!valid) throw new Error(`${raw.name}: no valid versions`)
  let versions: VersionRange | null = { ...valid }
  // A broker must never advertise an unstable latest version (README: latestVersionUnstable).
  if (raw.latestVersionUnstable) versions = valid.max > valid.min ? { min: valid.min, max: valid.max - 1 } : null
  return {
    name: raw.name,
    apiKey: raw.apiKey ?? null,
    type: raw.type,
    validVersions: valid,
    versions,
    flexibleVersions: parseVersions(raw.flexibleVersions),
    root,
    structs: registry.structs,
  }
}

export function loadMessage(dir: string, name: string): MessageSpec {
  return parseMessage(readFileSync(join(dir, `${name}.json`), 'utf8'))
}

/** Is the field encoded in compact (flexible) form in this version? */
export function fieldIsFlexible(msg: MessageSpec, f: FieldSpec, version: number): boolean {
  return inRange(f.flexibleVersions === undefined ? msg.flexibleVersions : f.flexibleVersions, version)
}

/** Present as a tagged field in this version. */
export function isTaggedIn(f: FieldSpec, version: number): boolean {
  return f.tag !== undefined && inRange(f.taggedVersions, version) && inRange(f.versions, version)
}

/** Present as a regular (positional) field in this version. */
export function isRegularIn(f: FieldSpec, version: number): boolean {
  return f.tag === undefined && inRange(f.versions, version)
}

/** Does the TS type admit null (nullable in any version; records always)? */
export function typeIsNullable(f: FieldSpec): boolean {
  if (f.type.kind === 'primitive' && f.type.name === 'records') return true
  return f.nullableVersions !== null
}
