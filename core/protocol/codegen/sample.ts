// sample.ts: builds a populated message for one version by walking the spec model (test support).
// Every field present in that version gets a non-default value; with `nulls`, nullable fields are null.
// Absent fields keep their spec default, which is what a reader of that version produces.
import { defaultValue, type DefaultValue } from './defaults'
import { inRange, isRegularIn, isTaggedIn, type FieldSpec, type FieldType, type StructSpec } from './spec'

export type Variant = 'values' | 'nulls'

function differentNumber(d: DefaultValue, candidates: number[]): number {
  return candidates.find((c) => c !== d)!
}

function primitiveSample(f: FieldSpec, t: FieldType & { kind: 'primitive' }, bigSeed: number): DefaultValue {
  const d = defaultValue(f)
  const seed = bigSeed % 100 // keeps every value inside its integer range
  switch (t.name) {
    case 'bool':
      return d !== true
    case 'int8':
      return differentNumber(d, [-5 - seed, 7])
    case 'int16':
      return differentNumber(d, [-300 - seed, 301])
    case 'uint16':
      return differentNumber(d, [65000 - seed, 1])
    case 'int32':
      return differentNumber(d, [-70000 - seed, 70001])
    case 'uint32':
      return differentNumber(d, [4000000000 - seed, 1])
    case 'float64':
      return differentNumber(d, [1.25 + seed, 2.5])
    case 'int64':
      return -1234567890123n - BigInt(seed)
    case 'uuid':
      return `0123456789abcdef0123456789abc${String(100 + seed).slice(-3)}`
    case 'string':
      return `${f.prop}-ü-${seed}`
    case 'bytes':
    case 'records':
      return Buffer.from([1, 2, 3, seed & 0xff])
  }
}

function typeSample(f: FieldSpec, t: FieldType, version: number, variant: Variant, seed: number): DefaultValue {
  if (t.kind === 'primitive') return primitiveSample(f, t, seed)
  if (t.kind === 'struct') return sampleStruct(t.struct, version, variant, seed)
  return [0, 1].map((i) => typeSample(f, t.element, version, variant, seed * 2 + i + 1))
}

export function sampleStruct(s: StructSpec, version: number, variant: Variant, seed = 0): { [k: string]: DefaultValue } {
  const out: { [k: string]: DefaultValue } = {}
  s.fields.forEach((f, i) => {
    const present = isRegularIn(f, version) || isTaggedIn(f, version)
    if (!present) out[f.prop] = defaultValue(f)
    else if (variant === 'nulls' && inRange(f.nullableVersions, version)) out[f.prop] = null
    else out[f.prop] = typeSample(f, f.type, version, variant, seed * 31 + i)
  })
  return out
}
