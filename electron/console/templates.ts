/**
 * Produce-studio placeholders. A template is plain text with {{...}} tokens; nothing in it is evaluated as
 * code. One fake person is drawn per message, so {{name}} and {{email}} in the same message agree.
 */
import { randomInt, randomUUID } from 'node:crypto'

const FIRST = ['Ada', 'Alan', 'Grace', 'Linus', 'Margaret', 'Ken', 'Barbara', 'Dennis', 'Frances', 'Edsger', 'Radia', 'Tim', 'Hedy', 'Donald', 'Karen', 'John', 'Sophie', 'Yuki', 'Amara', 'Mateo', 'Priya', 'Lars', 'Chen', 'Fatima']
const LAST = ['Lovelace', 'Turing', 'Hopper', 'Torvalds', 'Hamilton', 'Thompson', 'Liskov', 'Ritchie', 'Allen', 'Dijkstra', 'Perlman', 'Berners-Lee', 'Lamarr', 'Knuth', 'Jones', 'McCarthy', 'Wilson', 'Tanaka', 'Okafor', 'Garcia', 'Sharma', 'Nilsson', 'Wei', 'Haddad']
const STREETS = ['Main St', 'Oak Avenue', 'Maple Road', 'Harbour Lane', 'King Street', 'Station Road', 'Elm Drive', 'Mill Lane', 'Park Avenue', 'Church Street']
const CITIES: [string, string][] = [['Lisbon', 'Portugal'], ['Toronto', 'Canada'], ['Osaka', 'Japan'], ['Lagos', 'Nigeria'], ['Berlin', 'Germany'], ['Austin', 'United States'], ['Melbourne', 'Australia'], ['Pune', 'India'], ['Lyon', 'France'], ['Bergen', 'Norway'], ['Valparaíso', 'Chile'], ['Leeds', 'United Kingdom']]
const COMPANIES = ['Acme Corp', 'Globex', 'Initech', 'Umbrella Logistics', 'Stark Industries', 'Wayne Freight', 'Hooli', 'Vandelay Imports', 'Soylent Foods', 'Tyrell Systems']
const DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.test']

function pick<T>(list: readonly T[]): T {
  return list[randomInt(list.length)]!
}

interface Person {
  first: string
  last: string
  email: string
  street: string
  city: string
  country: string
}

function person(): Person {
  const first = pick(FIRST)
  const last = pick(LAST)
  const [city, country] = pick(CITIES)
  const local = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '')
  return { first, last, email: `${local}${randomInt(100)}@${pick(DOMAINS)}`, street: `${randomInt(1, 400)} ${pick(STREETS)}`, city, country }
}

export class TemplateError extends Error {
  readonly code = 'VALIDATION'
}

type Token = (ctx: { seq: number; who: () => Person }, args: string[]) => string

const TOKENS: Record<string, Token> = {
  uuid: () => randomUUID(),
  now: () => new Date().toISOString(),
  nowMs: () => String(Date.now()),
  seq: (ctx) => String(ctx.seq),
  int: (_ctx, args) => {
    const [a, b] = args.map(Number)
    if (args.length !== 2 || !Number.isSafeInteger(a) || !Number.isSafeInteger(b) || a! > b!) throw new TemplateError('{{int a b}} needs two integers with a <= b')
    return String(randomInt(a!, b! + 1))
  },
  bool: () => (randomInt(2) === 1 ? 'true' : 'false'),
  name: (ctx) => `${ctx.who().first} ${ctx.who().last}`,
  firstName: (ctx) => ctx.who().first,
  lastName: (ctx) => ctx.who().last,
  email: (ctx) => ctx.who().email,
  address: (ctx) => `${ctx.who().street}, ${ctx.who().city}, ${ctx.who().country}`,
  street: (ctx) => ctx.who().street,
  city: (ctx) => ctx.who().city,
  country: (ctx) => ctx.who().country,
  phone: () => `+1-555-${String(randomInt(10_000)).padStart(4, '0')}`,
  company: () => pick(COMPANIES),
}

export const PLACEHOLDERS = Object.keys(TOKENS)
const TOKEN_RE = /\{\{\s*([a-zA-Z]+)((?:\s+-?\d+)*)\s*\}\}/g

/** A renderer for one message: every field rendered through it shares the same fake person. */
export function messageRenderer(seq: number): (template: string) => string {
  let who: Person | undefined
  const ctx = { seq, who: () => (who ??= person()) }
  return (template) =>
    template.replace(TOKEN_RE, (whole, name: string, rest: string) => {
      const token = TOKENS[name]
      if (!token) throw new TemplateError(`unknown placeholder ${whole}; known: ${PLACEHOLDERS.join(', ')}`)
      return token(ctx, rest.trim() ? rest.trim().split(/\s+/) : [])
    })
}

export function renderTemplate(template: string, seq = 1): string {
  return messageRenderer(seq)(template)
}
