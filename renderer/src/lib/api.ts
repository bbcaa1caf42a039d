import type {
  ConsoleApi, EventChannel, Events, InvokeArgs, InvokeChannel, InvokeResult, IpcError, Result,
} from '../../../electron/ipc/contract'

declare global {
  interface Window {
    /** Set by the Electron preload, or by browser mode's WebSocket client, before the app script runs. */
    api?: ConsoleApi
  }
}

/** The error a query sees when an IPC call returns `{ ok: false }`. */
export class ApiError extends Error {
  readonly code: string
  constructor(error: IpcError) {
    super(error.message)
    this.name = 'ApiError'
    this.code = error.code
  }
}

function bridge(): ConsoleApi {
  if (!window.api) throw new ApiError({ code: 'NO_BRIDGE', message: 'The console is not connected to Brooklet.' })
  return window.api
}

/** window.api looked up per call, so a late-loading bridge (browser mode) still works. */
export const api = {
  invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<InvokeResult<C>> {
    try {
      return bridge().invoke(channel, ...args)
    } catch (e) {
      return Promise.reject(e)
    }
  },
  on<E extends EventChannel>(channel: E, listener: (...payload: Events[E]) => void): () => void {
    if (!window.api) return () => {}
    return window.api.on(channel, listener)
  },
}

export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value
  throw new ApiError(result.error)
}

export function hasBridge(): boolean {
  return window.api !== undefined
}

interface ErrorText { title: string; hint: string; detail?: string }

/** Turns any thrown value into words a person understands and a next step. */
export function describeError(error: unknown): ErrorText {
  if (error instanceof ApiError) {
    const detail = `Code: ${error.code}`
    switch (error.code) {
      case 'NO_BRIDGE':
        return { title: 'Not connected', hint: 'Open the console from `npm start` or `brooklet serve --ui`, which connect it to the broker.', detail }
      case 'UNAVAILABLE':
        return { title: 'Broker unavailable', hint: `${error.message} Check that the broker is running (see the status bar), then try again.`, detail }
      case 'NOT_FOUND':
        return { title: 'Not found', hint: `${error.message} It may have been deleted; go back to the list and pick another.`, detail }
      case 'VALIDATION':
        return { title: 'Check the input', hint: error.message, detail }
      case 'NOT_SUPPORTED':
        return { title: 'Not supported here', hint: error.message, detail }
      default:
        return { title: 'Something went wrong', hint: error.message, detail }
    }
  }
  if (error instanceof Error) {
    if (/fetch|network|websocket|socket/i.test(error.message)) {
      return { title: 'Lost connection to Brooklet', hint: 'The console backend stopped answering. Restart Brooklet, then reload this page.', detail: error.message }
    }
    return { title: 'Something went wrong', hint: error.message }
  }
  return { title: 'Something went wrong', hint: String(error) }
}
