import { describe, expect, it } from 'vitest'
import { messageRenderer, renderTemplate } from './templates'

describe('templates', () => {
  it('expands placeholders and keeps one fake person per message', () => {
    const render = messageRenderer(7)
    const out = JSON.parse(render('{"id":"{{uuid}}","seq":{{seq}},"n":{{int 5 5}},"who":"{{firstName}}","at":"{{now}}"}'))
    expect(out.seq).toBe(7)
    expect(out.n).toBe(5)
    expect(out.id).toMatch(/^[0-9a-f-]{36}$/)
    const email = render('{{email}}')
    expect(email.startsWith(out.who.toLowerCase())).toBe(true)
  })

  it('rejects unknown placeholders and bad ranges with a readable error', () => {
    expect(() => renderTemplate('{{nope}}')).toThrow(/unknown placeholder \{\{nope\}\}/)
    expect(() => renderTemplate('{{int 9 1}}')).toThrow(/a <= b/)
  })
})
