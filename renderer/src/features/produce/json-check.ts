export interface JsonProblem { message: string; line: number; column: number; position: number }

// Placeholders expand on the backend; for validation each becomes a literal that is valid inside or outside quotes.
const placeholder = /\{\{[^{}]*\}\}/g

/** Position of a JSON.parse failure as line/column (V8 reports "at position N", sometimes with line/column). */
export function checkJson(text: string, template: boolean): JsonProblem | null {
  const source = template ? text.replace(placeholder, (m) => '0'.padEnd(m.length, ' ')) : text
  if (source.trim() === '') return null
  try {
    JSON.parse(source)
    return null
  } catch (e) {
    const msg = (e as Error).message
    const pos = /position (\d+)/.exec(msg)
    const position = pos ? Number(pos[1]) : source.length
    const before = source.slice(0, position)
    const line = before.split('\n').length
    const column = position - before.lastIndexOf('\n')
    const clean = msg.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+.*$/, '').replace(/ \(line \d+ column \d+\)$/, '')
    return { message: clean, line, column, position }
  }
}

export function hasPlaceholders(text: string): boolean {
  return /\{\{[^{}]*\}\}/.test(text)
}

export const placeholders: { token: string; doc: string }[] = [
  { token: '{{uuid}}', doc: 'random UUID v4' },
  { token: '{{now}}', doc: 'current time, ISO 8601' },
  { token: '{{seq}}', doc: '1, 2, 3… within a run' },
  { token: '{{int 1 100}}', doc: 'random integer in a range' },
  { token: '{{name}}', doc: 'full name' },
  { token: '{{email}}', doc: 'email address' },
  { token: '{{address}}', doc: 'street address' },
  { token: '{{city}}', doc: 'city' },
  { token: '{{country}}', doc: 'country' },
  { token: '{{phone}}', doc: 'phone number' },
  { token: '{{company}}', doc: 'company name' },
  { token: '{{bool}}', doc: 'true or false' },
]
