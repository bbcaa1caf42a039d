import type { Storage, TopicRecord } from '../storage/storage'
import { ErrorCode } from '../protocol/error-codes'
import { validateTopicConfig, validateTopicConfigSet } from '../config/topic-configs'
import { topicNameProblem } from './topic-names'
import type { BrokerEvents } from './events'

export interface TopicOutcome {
  errorCode: number
  errorMessage: string | null
  topic?: TopicRecord
}

const MAX_PARTITIONS = 10_000

/** Creating, altering and deleting topics with Kafka's validation and error codes. */
export class TopicService {
  constructor(
    private readonly storage: Storage,
    private readonly events: BrokerEvents,
    private readonly defaultPartitions: number,
  ) {}

  get(name: string): TopicRecord | undefined {
    return this.storage.getTopic(name)
  }

  list(): TopicRecord[] {
    return this.storage.listTopics()
  }

  /** numPartitions -1 means the broker default (CreateTopics v4+). */
  create(name: string, numPartitions: number, configs: Record<string, string | null>, validateOnly = false): TopicOutcome {
    const nameProblem = topicNameProblem(name)
    if (nameProblem) return fail(ErrorCode.INVALID_TOPIC_EXCEPTION, nameProblem)
    if (this.storage.getTopic(name)) return fail(ErrorCode.TOPIC_ALREADY_EXISTS, `Topic '${name}' already exists.`)
    const partitions = numPartitions === -1 ? this.defaultPartitions : numPartitions
    if (partitions < 1 || partitions > MAX_PARTITIONS) {
      return fail(ErrorCode.INVALID_PARTITIONS, `Number of partitions must be between 1 and ${MAX_PARTITIONS}, got ${partitions}.`)
    }
    const clean: Record<string, string> = {}
    for (const [key, value] of Object.entries(configs)) {
      const problem = validateTopicConfig(key, value)
      if (problem) return fail(ErrorCode.INVALID_CONFIG, problem)
      if (value !== null) clean[key] = value
    }
    const conflict = validateTopicConfigSet(clean)
    if (conflict) return fail(ErrorCode.INVALID_CONFIG, conflict)
    if (validateOnly) return { errorCode: ErrorCode.NONE, errorMessage: null }
    const topic = this.storage.createTopic(name, partitions, clean)
    this.events.emit({ type: 'topic-created', topic: name, partitions })
    return { errorCode: ErrorCode.NONE, errorMessage: null, topic }
  }

  /** Metadata's auto-creation (auto.create.topics.enable). */
  autoCreate(name: string): TopicOutcome {
    return this.create(name, -1, {})
  }

  delete(name: string): TopicOutcome {
    if (!this.storage.getTopic(name)) return fail(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `Topic '${name}' does not exist.`)
    this.storage.deleteTopic(name)
    this.events.emit({ type: 'topic-deleted', topic: name })
    return { errorCode: ErrorCode.NONE, errorMessage: null }
  }

  addPartitions(name: string, newCount: number, validateOnly: boolean): TopicOutcome {
    const topic = this.storage.getTopic(name)
    if (!topic) return fail(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `Topic '${name}' does not exist.`)
    if (newCount <= topic.partitionCount) {
      return fail(ErrorCode.INVALID_PARTITIONS, `Topic currently has ${topic.partitionCount} partitions, which is higher than or equal to the requested ${newCount}.`)
    }
    if (newCount > MAX_PARTITIONS) return fail(ErrorCode.INVALID_PARTITIONS, `At most ${MAX_PARTITIONS} partitions are allowed.`)
    if (!validateOnly) {
      this.storage.addPartitions(name, newCount)
      this.events.emit({ type: 'partitions-added', topic: name, partitions: newCount })
    }
    return { errorCode: ErrorCode.NONE, errorMessage: null }
  }

  /** Replaces or patches overrides after validating every entry; null removes an override. */
  alterConfigs(name: string, changes: Record<string, string | null>, mode: 'replace' | 'patch', validateOnly: boolean): TopicOutcome {
    const topic = this.storage.getTopic(name)
    if (!topic) return fail(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `Topic '${name}' does not exist.`)
    for (const [key, value] of Object.entries(changes)) {
      const problem = validateTopicConfig(key, value)
      if (problem) return fail(ErrorCode.INVALID_CONFIG, problem)
    }
    const next: Record<string, string> = mode === 'replace' ? {} : { ...topic.configs }
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) delete next[key]
      else next[key] = value
    }
    const conflict = validateTopicConfigSet(next)
    if (conflict) return fail(ErrorCode.INVALID_CONFIG, conflict)
    if (!validateOnly) {
      this.storage.setTopicConfigs(name, next)
      this.events.emit({ type: 'topic-configs-changed', topic: name })
    }
    return { errorCode: ErrorCode.NONE, errorMessage: null }
  }
}

function fail(errorCode: number, errorMessage: string): TopicOutcome {
  return { errorCode, errorMessage }
}
