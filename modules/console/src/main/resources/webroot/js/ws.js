// The one WebSocket of the page: reconnects after a drop, and each (re)connection starts with a snapshot, so what
// happened while disconnected is caught up. Close code 4401: the session ended.
let socket = null;
let stopped = false;

let opened = null;

/** Sends a message (room commands, presence) when connected; false when not. */
export function send(message) {
  if (!socket || socket.readyState !== WebSocket.OPEN) return false;
  socket.send(JSON.stringify(message));
  return true;
}

/** {@code onOpen}: called on each (re)connection, e.g. to say again where the user is. */
export function connect(onMessage, onStatus, onOpen) {
  stopped = false;
  opened = onOpen || opened;
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  socket = new WebSocket(proto + '//' + location.host + '/ws');
  socket.onopen = () => { onStatus('live'); if (opened) opened(); };
  socket.onclose = (ev) => {
    if (ev.code === 4401 || stopped) {
      onStatus('down');
      if (ev.code === 4401) document.dispatchEvent(new CustomEvent('cd:signed-out', { detail: 'session ended' }));
      return;
    }
    onStatus('retry');
    setTimeout(() => { if (!stopped) connect(onMessage, onStatus, opened); }, 2000);
  };
  socket.onmessage = (ev) => {
    let msg;
    try { msg = JSON.parse(ev.data); } catch (e) { return; }
    onMessage(msg);
  };
}

export function disconnect() {
  stopped = true;
  if (socket) socket.close();
}
