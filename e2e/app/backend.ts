/**
 * Starts an embedded in-memory broker and browser mode on top of it (what `brooklet serve --ui` does),
 * and hands back the tokenized URL and the broker's bootstrap address.
 */
import { startBroker } from '../../core/index'
import { startBrowserMode, type BrowserModeOptions } from '../../electron/browser-mode/start'

export interface Backend {
  url: string
  bootstrap: string
  stop: () => Promise<void>
}

export async function launchBackend(extra: Pick<BrowserModeOptions, 'onRequest'> = {}): Promise<Backend> {
  // Short group delays so the consumer-group step does not wait out Kafka's 3 s initial rebalance delay.
  const broker = await startBroker({ port: 0, memory: true, log: () => {}, groupConfig: { initialRebalanceDelayMs: 0 } })
  const ui = await startBrowserMode({ broker, port: 0, log: () => {}, ...extra })
  return {
    url: ui.url,
    bootstrap: broker.bootstrap,
    stop: async () => { await ui.stop(); await broker.stop() },
  }
}
