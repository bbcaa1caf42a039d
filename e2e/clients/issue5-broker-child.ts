// A broker in its own process, for the SIGKILL restart test: prints its bootstrap address and runs until killed.
import { startBroker } from '../../core/index'

const dataDir = process.argv[2]
if (!dataDir) throw new Error('usage: issue5-broker-child.ts DATA_DIR')
const broker = await startBroker({ port: 0, memory: false, dataDir, log: () => {}, groupConfig: { initialRebalanceDelayMs: 0 } })
process.stdout.write(`${broker.bootstrap}\n`)
// Keep the process alive: the test ends it with SIGKILL, never through stop().
setInterval(() => {}, 60_000)
