/**
 * Kafka's topic name rules (org.apache.kafka.common.internals.Topic): 1-249 characters of
 * [a-zA-Z0-9._-], and not "." or "..". Returns a sentence saying what is wrong, or null.
 */
export function topicNameError(name: string): string | null {
  if (name.length === 0) return 'Enter a topic name.'
  if (name === '.' || name === '..') return 'A topic cannot be named "." or "..".'
  if (name.length > 249) return `Topic names are at most 249 characters (this one has ${name.length}).`
  const bad = [...name].find((c) => !/[a-zA-Z0-9._-]/.test(c))
  if (bad !== undefined) return `${/\s/.test(bad) ? 'Spaces are' : `"${bad}" is`} not allowed. Use letters, digits, ".", "_" and "-".`
  return null
}

/** Kafka warns (kafka-topics.sh) when a name differs from another only by "." vs "_", since both map to "_" in metric names. */
export function topicNameWarning(name: string, existing: string[]): string | null {
  const norm = (s: string) => s.replace(/\./g, '_')
  const clash = existing.find((t) => t !== name && norm(t) === norm(name))
  return clash ? `Collides with "${clash}" in metric names ("." and "_" are treated alike).` : null
}
