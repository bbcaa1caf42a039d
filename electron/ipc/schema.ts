/**
 * A tiny runtime checker for IPC payloads (no dependency). Each checker returns the value typed or throws a
 * SchemaError whose message names the path: "args[0].partitions[2]: expected an integer >= 0, got -1".
 */
export class SchemaError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SchemaError'
  }
}

export type Check<T> = (value: unknown, path: string) => T

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return value.length > 40 ? `a string of ${value.length} chars` : JSON.stringify(value)
  if (typeof value === 'object') return 'an object'
  return String(value)
}

function failAt(path: string, expected: string, value: unknown): never {
  throw new SchemaError(`${path}: expected ${expected}, got ${describe(value)}`)
}

export function str(opts: { min?: number; max?: number; pattern?: RegExp; what?: string } = {}): Check<string> {
  const min = opts.min ?? 0
  const max = opts.max ?? 1_000_000
  return (v, path) => {
    if (typeof v !== 'string') failAt(path, 'a string', v)
    if (v.length < min || v.length > max) failAt(path, `a string of ${min}..${max} chars`, v)
    if (opts.pattern && !opts.pattern.test(v)) failAt(path, opts.what ?? `a string matching ${opts.pattern}`, v)
    return v
  }
}

export function int(min: number, max: number): Check<number> {
  return (v, path) => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) failAt(path, `an integer in ${min}..${max}`, v)
    return v
  }
}

export function num(min: number, max: number): Check<number> {
  return (v, path) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) failAt(path, `a number in ${min}..${max}`, v)
    return v
  }
}

export const bool: Check<boolean> = (v, path) => {
  if (typeof v !== 'boolean') failAt(path, 'true or false', v)
  return v
}

/** int64 carried as a decimal string (may be negative, e.g. -1 for "no timestamp"). */
export const int64: Check<string> = (v, path) => {
  if (typeof v !== 'string' || !/^-?\d{1,19}$/.test(v)) failAt(path, 'an int64 as a decimal string', v)
  const n = BigInt(v)
  if (n > 9223372036854775807n || n < -9223372036854775808n) failAt(path, 'an int64 in range', v)
  return v
}

export function literal<const T extends string>(...values: T[]): Check<T> {
  return (v, path) => {
    if (typeof v !== 'string' || !(values as string[]).includes(v)) failAt(path, `one of ${values.join(', ')}`, v)
    return v as T
  }
}

export function nullable<T>(check: Check<T>): Check<T | null> {
  return (v, path) => (v === null ? null : check(v, path))
}

export function optional<T>(check: Check<T>): Check<T | undefined> {
  return (v, path) => (v === undefined ? undefined : check(v, path))
}

export function array<T>(check: Check<T>, max: number): Check<T[]> {
  return (v, path) => {
    if (!Array.isArray(v)) failAt(path, 'an array', v)
    if (v.length > max) failAt(path, `at most ${max} items`, `${v.length} items`)
    return v.map((item, i) => check(item, `${path}[${i}]`))
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

type Shape = Record<string, Check<unknown>>
type FromShape<S extends Shape> = {
  [K in keyof S as undefined extends ReturnType<S[K]> ? never : K]: ReturnType<S[K]>
} & { [K in keyof S as undefined extends ReturnType<S[K]> ? K : never]?: Exclude<ReturnType<S[K]>, undefined> }

/** An object with exactly these keys (unknown keys are rejected, so typos surface instead of being ignored). */
export function object<S extends Shape>(shape: S): Check<FromShape<S>> {
  return (v, path) => {
    if (!isPlainObject(v)) failAt(path, 'an object', v)
    for (const key of Object.keys(v)) {
      if (!(key in shape)) throw new SchemaError(`${path}: unknown field "${key}"`)
    }
    const out: Record<string, unknown> = {}
    for (const [key, check] of Object.entries(shape)) {
      const value = check(v[key], `${path}.${key}`)
      if (value !== undefined) out[key] = value
    }
    return out as FromShape<S>
  }
}

export function record<T>(keyCheck: Check<string>, valueCheck: Check<T>, maxKeys: number): Check<Record<string, T>> {
  return (v, path) => {
    if (!isPlainObject(v)) failAt(path, 'an object', v)
    const entries = Object.entries(v)
    if (entries.length > maxKeys) failAt(path, `at most ${maxKeys} keys`, `${entries.length} keys`)
    const out: Record<string, T> = {}
    for (const [k, value] of entries) out[keyCheck(k, `${path} key`)] = valueCheck(value, `${path}.${k}`)
    return out
  }
}

/** A union discriminated by `kind`. */
export function byKind<T>(variants: Record<string, Check<T>>): Check<T> {
  return (v, path) => {
    if (!isPlainObject(v) || typeof v.kind !== 'string') failAt(path, `an object with kind (${Object.keys(variants).join(' | ')})`, v)
    const check = variants[v.kind]
    if (!check) failAt(`${path}.kind`, `one of ${Object.keys(variants).join(', ')}`, v.kind)
    return check(v, path)
  }
}

/** The positional args of one channel; optional trailing args may be omitted. */
export function tuple(...checks: Check<unknown>[]): Check<unknown[]> {
  return (v, path) => {
    if (!Array.isArray(v)) failAt(path, 'an argument list', v)
    if (v.length > checks.length) throw new SchemaError(`${path}: expected at most ${checks.length} arguments, got ${v.length}`)
    return checks.map((check, i) => check(v[i], `${path}[${i}]`))
  }
}

/** Checks that a regex source compiles; the filter engine separately bounds what it is run against. */
export const regexSource: Check<string> = (v, path) => {
  const s = str({ max: 500 })(v, path)
  try {
    new RegExp(s)
  } catch (err) {
    throw new SchemaError(`${path}: invalid regular expression: ${(err as Error).message}`)
  }
  return s
}
