/**
 * One client of the console (an Electron window or a browser tab): forwards events to it, routes each live
 * tail's rows only to the client that started it, and stops that client's tails when it goes away.
 */
import type { EventChannel, Events, InvokeChannel, InvokeResult } from '../ipc/contract'
import type { ConsoleBackend } from './console-service'

export interface ConsoleSession {
  invoke<C extends InvokeChannel>(channel: C, args: unknown): Promise<InvokeResult<C>>
  close(): void
}

export function createSession(backend: ConsoleBackend, send: <E extends EventChannel>(channel: E, payload: Events[E]) => void): ConsoleSession {
  const tails = new Set<string>()
  const off = backend.onEvent((channel, ...payload) => {
    if (channel === 'messages:tail' && !tails.has((payload as Events['messages:tail'])[0].subscriptionId)) return
    send(channel, payload)
  })
  let closed = false
  return {
    async invoke(channel, args) {
      const result = await backend.invoke(channel, args)
      if (channel === 'messages:tail-start' && result.ok) {
        const id = (result.value as { subscriptionId: string }).subscriptionId
        if (closed) void backend.invoke('messages:tail-stop', [id])
        else tails.add(id)
      }
      if (channel === 'messages:tail-stop' && Array.isArray(args) && typeof args[0] === 'string') tails.delete(args[0])
      return result
    },
    close() {
      closed = true
      off()
      for (const id of tails) void backend.invoke('messages:tail-stop', [id])
      tails.clear()
    },
  }
}
