// A JSON WebSocket that reconnects after a drop, with back-off. The server resumes the buyer's conversation or the
// agent's assignments on reconnect, so a page only has to listen.

export class JsonSocket {
  /**
   * @param path    '/ws/chat' or '/ws/agent'
   * @param token   sent as ?token=, as the contract wants
   * @param handlers {onFrame(frame), onState('connecting'|'open'|'closed'|'retrying'), onRejected()}
   */
  constructor(path, token, handlers) {
    this.path = path;
    this.token = token;
    this.handlers = handlers;
    this.retries = 0;
    this.stopped = false;
    this.queue = [];
    this.connect();
  }

  connect() {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(`${scheme}//${location.host}${this.path}?token=${encodeURIComponent(this.token)}`);
    this.ws = ws;
    this.state('connecting');
    ws.onopen = () => {
      this.retries = 0;
      this.state('open');
      for (const frame of this.queue.splice(0)) ws.send(JSON.stringify(frame));
    };
    ws.onmessage = (event) => {
      let frame;
      try { frame = JSON.parse(event.data); } catch { return; }
      this.handlers.onFrame?.(frame);
    };
    ws.onclose = (event) => {
      if (this.ws !== ws) return;
      // 1008: the server refused the token; retrying would only be refused again
      if (event.code === 1008) {
        this.stopped = true;
        this.state('closed');
        this.handlers.onRejected?.();
        return;
      }
      if (this.stopped) { this.state('closed'); return; }
      this.state('retrying');
      const delay = Math.min(10000, 500 * 2 ** this.retries++);
      this.timer = setTimeout(() => this.connect(), delay);
    };
  }

  state(s) {
    this.current = s;
    this.handlers.onState?.(s);
  }

  get open() { return this.ws && this.ws.readyState === WebSocket.OPEN; }

  /** Sends now, or as soon as the socket is open again. */
  send(frame) {
    if (this.open) this.ws.send(JSON.stringify(frame));
    else this.queue.push(frame);
  }

  /** Sends the last frames of a session (e.g. end); the server then closes the socket and no reconnect follows. */
  finish(...frames) {
    this.stopped = true;
    for (const frame of frames) this.send(frame);
  }

  close() {
    this.stopped = true;
    clearTimeout(this.timer);
    this.ws?.close();
  }
}
