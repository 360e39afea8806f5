// The one WebSocket of the page: reconnects after a drop, and each (re)connection starts with a snapshot, so what
// happened while disconnected is caught up. Close code 4401: the session ended.
let socket = null;
let stopped = false;

export function connect(onMessage, onStatus) {
  stopped = false;
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  socket = new WebSocket(proto + '//' + location.host + '/ws');
  socket.onopen = () => onStatus('live');
  socket.onclose = (ev) => {
    if (ev.code === 4401 || stopped) {
      onStatus('down');
      if (ev.code === 4401) document.dispatchEvent(new CustomEvent('cd:signed-out', { detail: 'session ended' }));
      return;
    }
    onStatus('retry');
    setTimeout(() => { if (!stopped) connect(onMessage, onStatus); }, 2000);
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
