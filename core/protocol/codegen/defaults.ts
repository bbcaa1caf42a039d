// defaults.ts: the value a field takes when it is absent from a version (spec `default`, else the type's zero).
// Used both to emit default literals and, at test time, to build expected objects.
import type { FieldSpec, FieldType, StructSpec } from './spec'
import { ZERO_UUID } from '../uuid'

export { ZERO_UUID }

export type DefaultValue =
  | number | bigint | boolean | string | null | Buffer | DefaultValue[] | { [k: string]: DefaultValue }

/** Default of a field as a runtime value. */
export function defaultValue(f: FieldSpec): DefaultValue {
  return defaultOf(f.type, f.default, f.name)
}

export function defaultStruct(s: StructSpec): { [k: string]: DefaultValue } {
  const out: { [k: string]: DefaultValue } = {}
  for (const f of s.fields) out[f.prop] = defaultValue(f)
  return out
}

function defaultOf(t: FieldType, d: string | number | boolean | undefined, name: string): DefaultValue {
  const isNull = d === 'null'
  if (t.kind === 'array') {
    if (d !== undefined && !isNull) throw new Error(`${name}: arrays only support a null default`)
    return isNull ? null : []
  }
  if (t.kind === 'struct') {
    if (d !== undefined && !isNull) throw new Error(`${name}: structs only support a null default`)
    return isNull ? null : defaultStruct(t.struct)
  }
  switch (t.name) {
    case 'bool':
      return d === true || d === 'true'
    case 'int8': case 'int16': case 'uint16': case 'int32': case 'uint32': case 'float64':
      return d === undefined ? 0 : Number(d)
    case 'int64':
      return d === undefined ? 0n : BigInt(d)
    case 'string':
      return isNull ? null : d === undefined ? '' : String(d)
    case 'bytes':
      return isNull ? null : Buffer.alloc(0)
    case 'uuid':
      return d === undefined ? ZERO_UUID : String(d).toLowerCase()
    case 'records':
      return null
  }
}
