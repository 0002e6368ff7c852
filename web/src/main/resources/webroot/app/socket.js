// The one WebSocket of a page (protocol v1, docs/protocol.md): hello, heartbeat, reconnection with
// exponential backoff and full jitter, resume with lastSeq, and commands that survive reconnections
// (resent with the same id until the server acknowledges or rejects them; it applies each id once).

const PROTOCOL = 1;
const PING_EVERY_MS = 20_000;
const DEAD_AFTER_MS = 45_000;
const WATCH_EVERY_MS = 5_000;
const HELLO_TIMEOUT_MS = 20_000;
const BACKOFF_BASE_MS = 500;
const BACKOFF_MAX_MS = 10_000;
const UNAVAILABLE_RETRIES = 5;
/** A view at least as recent as a seq the server announced (ack, pong) must arrive within this delay. */
const STALE_AFTER_MS = 5_000;

/** Close codes after which reconnecting cannot help. */
const FATAL_CLOSE = { 4400: 'bad_hello', 4401: 'unauthorized', 4403: 'removed', 4404: 'unknown_session' };

export const Status = Object.freeze({
  CONNECTING: 'connecting',
  OPEN: 'open',
  RECONNECTING: 'reconnecting',
  CLOSED: 'closed',
});

/** A command the server refused: `code` is stable, `message` is French and meant for people. */
export class CommandRejected extends Error {
  constructor(code, message) {
    super(message || code);
    this.code = code;
  }
}

function newId() {
  if (globalThis.crypto?.randomUUID) {
    try {
      return 'c-' + crypto.randomUUID();
    } catch {
      /* insecure context on some browsers */
    }
  }
  const bytes = new Uint8Array(16);
  if (globalThis.crypto?.getRandomValues) {
    crypto.getRandomValues(bytes);
  } else {
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  }
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `c-${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function defaultUrl() {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
}

/**
 * Events: `status` (detail: status), `view` (detail: view), `welcome` (detail: welcome message),
 * `fatal` (detail: {closeCode, reason, message}), `servererror` (detail: {code, message}),
 * `pending` (detail: number of commands awaiting an answer).
 */
export class AtelierSocket extends EventTarget {
  constructor({ code, role, token = null, url = defaultUrl() }) {
    super();
    this.code = code;
    this.role = role;
    this.token = token;
    this.url = url;
    this.status = Status.CONNECTING;
    this.view = null;
    this.welcome = null;
    this.fatal = null;
    this.lastSeq = null;
    this._ws = null;
    this._welcomed = false;
    this._attempt = 0;
    this._retryTimer = null;
    this._helloTimer = null;
    this._watchTimer = null;
    this._lastHeard = 0;
    this._lastPing = 0;
    this._linkViewSeq = -Infinity;
    this._staleTimer = null;
    this._pending = new Map();
    this._stopped = true;
    this._onOnline = () => this._wakeUp();
    // The browser knows the network is gone: drop the link now (commands queue, the page says so)
    // instead of waiting up to 45 s for the heartbeat to notice.
    this._onOffline = () => {
      if (!this._stopped && !this.fatal && this._ws) this._dropAndRetry(this._ws);
    };
    this._onVisible = () => {
      if (document.visibilityState === 'visible') this._wakeUp();
    };
  }

  start() {
    if (!this._stopped) return this;
    this._stopped = false;
    window.addEventListener('online', this._onOnline);
    window.addEventListener('offline', this._onOffline);
    document.addEventListener('visibilitychange', this._onVisible);
    this._connect();
    return this;
  }

  stop() {
    this._stopped = true;
    window.removeEventListener('online', this._onOnline);
    window.removeEventListener('offline', this._onOffline);
    document.removeEventListener('visibilitychange', this._onVisible);
    clearTimeout(this._retryTimer);
    this._discard(this._ws, true);
    this._setStatus(Status.CLOSED);
  }

  get pendingCount() {
    return this._pending.size;
  }

  /** Sends a command; the promise resolves with the ack and rejects with a CommandRejected. */
  send(command) {
    const id = newId();
    return new Promise((resolve, reject) => {
      if (this.fatal) {
        reject(new CommandRejected('disconnected', null));
        return;
      }
      const entry = { id, frame: JSON.stringify({ type: 'command', id, command }), resolve, reject, retries: 0 };
      this._pending.set(id, entry);
      if (this._welcomed) this._raw(entry.frame);
      this._emit('pending', this._pending.size);
    });
  }

  // ---- connection lifecycle ----

  _connect() {
    clearTimeout(this._retryTimer);
    this._retryTimer = null;
    if (this._stopped) return;
    this._setStatus(this.welcome ? Status.RECONNECTING : this._attempt === 0 ? Status.CONNECTING : Status.RECONNECTING);
    let ws;
    try {
      ws = new WebSocket(this.url);
    } catch {
      this._scheduleReconnect();
      return;
    }
    this._ws = ws;
    this._welcomed = false;
    this._linkViewSeq = -Infinity;
    ws.onopen = () => {
      this._lastHeard = Date.now();
      this._lastPing = Date.now();
      const hello = { type: 'hello', protocol: PROTOCOL, code: this.code, role: this.role };
      if (this.token) hello.token = this.token;
      if (this.lastSeq !== null) hello.lastSeq = this.lastSeq;
      this._raw(JSON.stringify(hello));
    };
    ws.onmessage = (event) => {
      this._lastHeard = Date.now();
      this._onMessage(event.data);
    };
    ws.onclose = (event) => this._onClose(ws, event);
    ws.onerror = () => {
      /* a close event follows */
    };
    this._helloTimer = setTimeout(() => {
      if (this._ws === ws && !this._welcomed) this._dropAndRetry(ws);
    }, HELLO_TIMEOUT_MS);
    clearInterval(this._watchTimer);
    this._watchTimer = setInterval(() => this._watch(), WATCH_EVERY_MS);
  }

  /** Heartbeat: browsers cannot send ping frames, so we send {"type":"ping"} and watch for traffic. */
  _watch() {
    const ws = this._ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return;
    const now = Date.now();
    if (now - this._lastHeard > DEAD_AFTER_MS) {
      this._dropAndRetry(ws);
      return;
    }
    if (now - this._lastPing >= PING_EVERY_MS) {
      this._lastPing = now;
      this._raw(JSON.stringify({ type: 'ping', t: now }));
    }
  }

  /** Phone woke up or network came back: check the link now instead of waiting for the backoff. */
  _wakeUp() {
    if (this._stopped || this.fatal) return;
    if (this._ws && this._ws.readyState === WebSocket.OPEN) {
      if (Date.now() - this._lastHeard > PING_EVERY_MS + WATCH_EVERY_MS) {
        this._dropAndRetry(this._ws, true);
      } else {
        this._lastPing = Date.now();
        this._raw(JSON.stringify({ type: 'ping', t: this._lastPing }));
      }
    } else if (this._retryTimer) {
      this._attempt = 0;
      this._connect();
    }
  }

  _onClose(ws, event) {
    if (ws !== this._ws) return;
    this._discard(ws, false);
    if (this._stopped) return;
    const reason = FATAL_CLOSE[event.code];
    if (reason) {
      this.fatal = { closeCode: event.code, reason, message: this._lastServerError?.message ?? null };
      this._setStatus(Status.CLOSED);
      for (const entry of this._pending.values()) entry.reject(new CommandRejected(reason, this.fatal.message));
      this._pending.clear();
      this._emit('pending', 0);
      this._emit('fatal', this.fatal);
      return;
    }
    if (event.code === 4429) this._attempt = Math.max(this._attempt, 6);
    this._scheduleReconnect();
  }

  _dropAndRetry(ws, immediately = false) {
    this._discard(ws, true);
    if (immediately) {
      this._attempt = 0;
      this._connect();
    } else {
      this._scheduleReconnect();
    }
  }

  _discard(ws, closeIt) {
    if (!ws) return;
    ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null;
    if (closeIt) {
      try {
        ws.close();
      } catch {
        /* already closed */
      }
    }
    if (this._ws === ws) this._ws = null;
    this._welcomed = false;
    clearTimeout(this._helloTimer);
    clearInterval(this._watchTimer);
    clearTimeout(this._staleTimer);
    this._staleTimer = null;
  }

  /** Exponential backoff with full jitter: a random delay in [0, min(10 s, 0.5 s × 2^attempt)]. */
  _scheduleReconnect() {
    if (this._stopped) return;
    this._setStatus(Status.RECONNECTING);
    const cap = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** this._attempt);
    this._attempt = Math.min(this._attempt + 1, 10);
    clearTimeout(this._retryTimer);
    this._retryTimer = setTimeout(() => this._connect(), Math.random() * cap);
  }

  // ---- messages ----

  _onMessage(data) {
    let msg;
    try {
      msg = JSON.parse(data);
    } catch {
      return;
    }
    switch (msg?.type) {
      case 'welcome':
        this._welcomed = true;
        this._attempt = 0;
        this.welcome = msg;
        clearTimeout(this._helloTimer);
        this._setStatus(Status.OPEN);
        this._emit('welcome', msg);
        for (const entry of this._pending.values()) this._raw(entry.frame);
        break;
      case 'view':
        if (typeof msg.seq === 'number') {
          if (msg.seq < this._linkViewSeq) return;
          this._linkViewSeq = msg.seq;
          this.lastSeq = msg.seq;
        }
        this.view = msg.view;
        this._emit('view', msg.view);
        break;
      case 'ack':
        // Our own command changed our view: a view with this seq or a later one must follow.
        if (typeof msg.seq === 'number') this._expectView(msg.seq);
        this._settle(msg.id, (entry) => entry.resolve(msg));
        break;
      case 'rejected':
        this._onRejected(msg);
        break;
      case 'error':
        this._lastServerError = msg;
        this._emit('servererror', { code: msg.code, message: msg.message });
        break;
      case 'pong':
        // The projector and the console get a view after every change: one older than the session's
        // latest seq means the server stopped relaying views to us (issue 12).
        if (typeof msg.seq === 'number' && this.role !== 'participant') this._expectView(msg.seq);
        break;
      default:
        break;
    }
  }

  /**
   * Views never stop silently: if no view with at least this seq arrives in time, the link is stale
   * (acks and pongs still flow, views do not): reconnect, and the welcome brings the current view.
   */
  _expectView(seq) {
    if (seq <= this._linkViewSeq || this._staleTimer) return;
    const ws = this._ws;
    this._staleTimer = setTimeout(() => {
      this._staleTimer = null;
      if (this._ws === ws && this._welcomed && this._linkViewSeq < seq) this._dropAndRetry(ws, true);
    }, STALE_AFTER_MS);
  }

  _onRejected(msg) {
    const entry = this._pending.get(msg.id);
    if (!entry) return;
    // Storage briefly unreachable: the protocol says resend the same command later, applied once.
    if (msg.code === 'unavailable' && entry.retries < UNAVAILABLE_RETRIES) {
      entry.retries++;
      setTimeout(() => {
        if (this._pending.has(entry.id) && this._welcomed) this._raw(entry.frame);
      }, 1000 * entry.retries + Math.random() * 1000);
      return;
    }
    this._settle(msg.id, (e) => e.reject(new CommandRejected(msg.code, msg.message)));
  }

  _settle(id, fn) {
    const entry = this._pending.get(id);
    if (!entry) return;
    this._pending.delete(id);
    fn(entry);
    this._emit('pending', this._pending.size);
  }

  _raw(text) {
    const ws = this._ws;
    if (ws && ws.readyState === WebSocket.OPEN) {
      try {
        ws.send(text);
      } catch {
        /* the close handler reconnects */
      }
    }
  }

  _setStatus(status) {
    if (this.status === status) return;
    this.status = status;
    this._emit('status', status);
  }

  _emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
