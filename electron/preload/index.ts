/**
 * The only file that touches ipcRenderer. Exposes exactly the contract as window.api: invoke() for the
 * channels in INVOKE_CHANNELS and on() for those in EVENT_CHANNELS (anything else is refused), and on()
 * returns its unsubscribe function. Bundled to one CommonJS file, as a sandboxed preload requires.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { EVENT_CHANNELS, INVOKE_CHANNELS, type ConsoleApi, type EventChannel, type Events } from '../ipc/contract'

const invokable = new Set<string>(INVOKE_CHANNELS)
const listenable = new Set<string>(EVENT_CHANNELS)

const api: ConsoleApi = {
  invoke(channel, ...args) {
    if (!invokable.has(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'VALIDATION', message: `unknown channel "${String(channel)}"` } }) as never
    }
    return ipcRenderer.invoke(channel, ...args)
  },
  on<E extends EventChannel>(channel: E, listener: (...payload: Events[E]) => void) {
    if (!listenable.has(channel)) throw new Error(`unknown event channel "${String(channel)}"`)
    // Strip the IpcRendererEvent: it carries `sender`, which must never reach page code.
    const wrapped = (_event: IpcRendererEvent, ...payload: unknown[]) => listener(...(payload as Events[E]))
    ipcRenderer.on(channel, wrapped)
    return () => {
      ipcRenderer.removeListener(channel, wrapped)
    }
  },
}

contextBridge.exposeInMainWorld('api', api)
contextBridge.exposeInMainWorld('brooklet', { shell: 'electron' })
