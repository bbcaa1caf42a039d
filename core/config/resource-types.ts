/** ConfigResource types used by DescribeConfigs/AlterConfigs (Kafka's ConfigResource.Type). */
export const RESOURCE_TYPE = { UNKNOWN: 0, TOPIC: 2, BROKER: 4, BROKER_LOGGER: 8 } as const
