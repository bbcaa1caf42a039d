/**
 * The only file that touches ipcMain: one `handle` per invoke channel of the contract. Each handler checks
 * the sender is our own page, validates the args (inside ConsoleBackend.invoke) and returns a Result — it
 * never throws across the bridge. Events go to each window through its own session (see console/session.ts).
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { INVOKE_CHANNELS, fail, type InvokeChannel } from '../ipc/contract'
import type { ConsoleBackend } from '../console/console-service'
import { createSession, type ConsoleSession } from '../console/session'

/** The subset of ipcMain used here, so tests can pass a fake. */
export type IpcMainLike = Pick<IpcMain, 'handle' | 'removeHandler'>
type Sender = Pick<WebContents, 'id' | 'send' | 'once' | 'isDestroyed'>

export interface IpcRegistration {
  /** Removes every handler and ends every window's session. */
  dispose(): void
}

export function registerIpc(ipcMain: IpcMainLike, backend: ConsoleBackend, isTrustedUrl: (url: string) => boolean): IpcRegistration {
  const sessions = new Map<number, ConsoleSession>()
  const sessionFor = (sender: Sender): ConsoleSession => {
    let s = sessions.get(sender.id)
    if (!s) {
      s = createSession(backend, (channel, payload) => {
        if (!sender.isDestroyed()) sender.send(channel, ...payload)
      })
      sessions.set(sender.id, s)
      sender.once('destroyed', () => {
        sessions.get(sender.id)?.close()
        sessions.delete(sender.id)
      })
    }
    return s
  }
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      const url = event.senderFrame?.url ?? ''
      if (!isTrustedUrl(url)) return fail('FORBIDDEN', `IPC from an untrusted page (${url || 'unknown'}) refused`)
      try {
        return await sessionFor(event.sender).invoke(channel as InvokeChannel, args)
      } catch (err) {
        return fail('INTERNAL', (err as Error).message)
      }
    })
  }
  return {
    dispose() {
      for (const channel of INVOKE_CHANNELS) ipcMain.removeHandler(channel)
      for (const s of sessions.values()) s.close()
      sessions.clear()
    },
  }
}

/** For wiring the real ipcMain without importing it anywhere else. */
export async function registerElectronIpc(backend: ConsoleBackend, isTrustedUrl: (url: string) => boolean): Promise<IpcRegistration> {
  const { ipcMain } = await import('electron')
  return registerIpc(ipcMain, backend, isTrustedUrl)
}
