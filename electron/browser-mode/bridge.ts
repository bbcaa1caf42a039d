/**
 * Browser mode's window.api: the same ConsoleApi the Electron preload exposes (electron/ipc/contract.ts),
 * carried over one WebSocket to the local server. Served by the server as /brooklet-bridge.js and loaded
 * before the app, so the renderer never needs to know which shell it runs in.
 * Wire messages: {t:'invoke',id,channel,args} -> {t:'result',id,result}; server pushes {t:'event',channel,payload}.
 * Kept as a string (not a file read at runtime) so it survives bundling of the CLI and main process.
 */
export const BRIDGE_JS = `;(function () {
  'use strict'
  var nextId = 1
  var pending = new Map()
  var listeners = new Map()
  var queue = []
  var socket = null
  var retryMs = 250

  function connect() {
    var scheme = location.protocol === 'https:' ? 'wss:' : 'ws:'
    socket = new WebSocket(scheme + '//' + location.host + '/api/ws')
    socket.onopen = function () {
      retryMs = 250
      var q = queue
      queue = []
      q.forEach(function (m) { socket.send(m) })
    }
    socket.onmessage = function (ev) {
      var msg = JSON.parse(ev.data)
      if (msg.t === 'result') {
        var p = pending.get(msg.id)
        if (p) { pending.delete(msg.id); p(msg.result) }
      } else if (msg.t === 'event') {
        var set = listeners.get(msg.channel)
        if (set) set.forEach(function (l) { try { l.apply(null, msg.payload) } catch (e) { console.error(e) } })
      }
    }
    socket.onclose = function () {
      // Calls in flight cannot be answered by a new connection: resolve them as failed, then reconnect.
      pending.forEach(function (resolve) { resolve({ ok: false, error: { code: 'UNAVAILABLE', message: 'connection to Brooklet lost; retrying' } }) })
      pending.clear()
      setTimeout(connect, retryMs)
      retryMs = Math.min(retryMs * 2, 5000)
    }
  }

  function send(text) {
    if (socket && socket.readyState === 1) socket.send(text)
    else queue.push(text)
  }

  var api = {
    invoke: function (channel) {
      var args = Array.prototype.slice.call(arguments, 1)
      var id = nextId++
      return new Promise(function (resolve) {
        pending.set(id, resolve)
        send(JSON.stringify({ t: 'invoke', id: id, channel: channel, args: args }))
      })
    },
    on: function (channel, listener) {
      var set = listeners.get(channel)
      if (!set) { set = new Set(); listeners.set(channel, set) }
      set.add(listener)
      return function () { set.delete(listener) }
    },
  }
  Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false, configurable: false })
  Object.defineProperty(window, 'brooklet', { value: Object.freeze({ shell: 'browser' }), writable: false, configurable: false })
  connect()
})()
`
