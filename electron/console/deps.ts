/** What every console handler needs: a Kafka connection (kafkajs + wire reads) and, when embedded, the core. */
import type { Admin, Kafka, Producer } from 'kafkajs'
import type { BrokerContext } from '../../core/broker/context'
import type { Throughput } from './throughput'
import type { WireCluster } from './wire-cluster'

export interface ConsoleDeps {
  readonly bootstrap: string
  readonly kafka: Kafka
  /** Connected on first use; the same instance afterwards. */
  admin(): Promise<Admin>
  producer(): Promise<Producer>
  readonly wire: WireCluster
  /** The in-process broker's context, or null against a remote cluster. */
  readonly embedded: BrokerContext | null
  readonly throughput: Throughput
}
