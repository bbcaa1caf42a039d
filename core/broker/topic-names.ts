/** Kafka's topic name rules (Topic.java): 1-249 chars of [a-zA-Z0-9._-], not "." or "..". */
const LEGAL = /^[a-zA-Z0-9._-]+$/
export const MAX_TOPIC_NAME_LENGTH = 249

export function topicNameProblem(name: string): string | null {
  if (name.length === 0) return 'Topic name is empty'
  if (name === '.' || name === '..') return `Topic name cannot be "${name}"`
  if (name.length > MAX_TOPIC_NAME_LENGTH) return `Topic name is longer than ${MAX_TOPIC_NAME_LENGTH} characters`
  if (!LEGAL.test(name)) return `Topic name "${name}" is illegal: only ASCII letters, digits, '.', '_' and '-' are allowed`
  return null
}
