import { TOPIC_CONFIGS, type ConfigType } from './topic-configs'

/**
 * DescribeConfigsResponse ConfigSource values (KIP-226), as Kafka's DescribeConfigsResponse.ConfigSource
 * numbers them (the spec's comment: "if the resource is a broker, this should default to 4", i.e. static).
 */
export const ConfigSource = {
  UNKNOWN: 0,
  DYNAMIC_TOPIC_CONFIG: 1,
  DYNAMIC_BROKER_CONFIG: 2,
  DYNAMIC_DEFAULT_BROKER_CONFIG: 3,
  STATIC_BROKER_CONFIG: 4,
  DEFAULT_CONFIG: 5,
  DYNAMIC_BROKER_LOGGER_CONFIG: 6,
} as const

/** DescribeConfigsResponse ConfigType values (KIP-569). */
export const CONFIG_TYPE: Record<ConfigType, number> = { boolean: 1, string: 2, int: 3, long: 5, double: 6, list: 7, class: 8 }

export interface DescribedConfig {
  name: string
  value: string | null
  readOnly: boolean
  isDefault: boolean
  source: number
  isSensitive: boolean
  synonyms: { name: string; value: string | null; source: number }[]
  configType: number
}

/**
 * Every topic config with its effective value and where it comes from: a topic override
 * (DYNAMIC_TOPIC_CONFIG) or the default. Synonyms list the override, then the broker-level
 * default it shadows, as Kafka does when IncludeSynonyms is set.
 */
export function describeTopicConfigs(overrides: Record<string, string>, keys: readonly string[] | null, includeSynonyms: boolean): DescribedConfig[] {
  return TOPIC_CONFIGS.filter((def) => keys === null || keys.includes(def.name)).map((def) => {
    const override = overrides[def.name]
    const source = override !== undefined ? ConfigSource.DYNAMIC_TOPIC_CONFIG : ConfigSource.DEFAULT_CONFIG
    const synonyms = []
    if (includeSynonyms) {
      if (override !== undefined) synonyms.push({ name: def.name, value: override, source: ConfigSource.DYNAMIC_TOPIC_CONFIG })
      if (def.brokerSynonym) synonyms.push({ name: def.brokerSynonym, value: def.default, source: ConfigSource.DEFAULT_CONFIG })
    }
    return {
      name: def.name,
      value: def.sensitive ? null : (override ?? def.default),
      readOnly: false,
      isDefault: override === undefined,
      source,
      isSensitive: def.sensitive ?? false,
      synonyms,
      configType: CONFIG_TYPE[def.type],
    }
  })
}
