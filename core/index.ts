/**
 * Brooklet's in-process API: `const broker = await startBroker({ port: 0, memory: true })`
 * gives a test suite a real Kafka-protocol broker at `broker.bootstrap`; `await broker.stop()` ends it.
 */
export { startBroker, type RunningBroker } from './broker/broker'
export type { BrokerOptions } from './broker/options'
export type { BrokerEvent, RequestEvent } from './broker/events'
