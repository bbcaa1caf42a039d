/**
 * Bootstrap list check for the add-cluster form (the backend validates again): comma-separated host:port,
 * where host is a name, an IPv4 address or a bracketed IPv6 literal.
 */
const HOST_PORT = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?):(\d{1,5})$/

export function bootstrapProblem(list: string): string | null {
  const entries = list.split(',').map((s) => s.trim())
  if (entries.every((e) => e === '')) return 'Enter at least one host:port.'
  for (const e of entries) {
    if (e === '') return 'Remove the empty entry between commas.'
    const m = HOST_PORT.exec(e)
    if (!m) return `"${e}" is not host:port (for example kafka-1.internal:9092).`
    const port = Number(m[1])
    if (port < 1 || port > 65535) return `"${e}": the port must be 1-65535.`
  }
  return null
}
