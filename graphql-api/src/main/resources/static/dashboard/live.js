// GraphQL subscriptions over WebSocket, the graphql-transport-ws protocol by hand:
// connection_init (with the bearer token) → connection_ack → subscribe → next … complete,
// answering ping with pong. Reconnects with a growing pause and subscribes again; tells
// its listeners its state so a screen can say whether it is live.

const PROTOCOL = 'graphql-transport-ws';

export class LiveClient {
  constructor(tokenSupplier, { onState = () => {}, onUnauthorized = () => {} } = {}) {
    this.tokenSupplier = tokenSupplier;
    this.onState = onState;
    this.onUnauthorized = onUnauthorized;
    this.socket = null;
    this.acknowledged = false;
    this.subscriptions = new Map();
    this.nextId = 1;
    this.retries = 0;
    this.reconnectTimer = null;
    this.pingTimer = null;
    this.ackTimer = null;
    this.closed = false;
    this.state = 'idle';
  }

  setState(state, detail) {
    this.state = state;
    this.onState(state, detail);
  }

  url() {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    return `${scheme}://${location.host}/graphql`;
  }

  connect() {
    if (this.closed || (this.socket && this.socket.readyState <= 1)) {
      return;
    }
    const token = this.tokenSupplier();
    if (!token) {
      this.setState('closed', '尚未登录');
      return;
    }
    this.acknowledged = false;
    this.setState('connecting');
    const socket = new WebSocket(this.url(), PROTOCOL);
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.send({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } });
      clearTimeout(this.ackTimer);
      this.ackTimer = setTimeout(() => {
        if (!this.acknowledged && this.socket === socket) {
          socket.close(4408, 'Connection initialisation timeout');
        }
      }, 10000);
    });
    socket.addEventListener('message', (event) => this.receive(socket, event));
    socket.addEventListener('close', (event) => this.closedBy(socket, event));
    socket.addEventListener('error', () => {
      // a 'close' follows every 'error'; reconnecting happens there
    });
  }

  send(message) {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify(message));
    }
  }

  receive(socket, event) {
    if (socket !== this.socket) {
      return;
    }
    let message;
    try {
      message = JSON.parse(event.data);
    } catch (e) {
      socket.close(4400, 'Invalid message');
      return;
    }
    switch (message.type) {
      case 'connection_ack':
        clearTimeout(this.ackTimer);
        this.acknowledged = true;
        this.retries = 0;
        for (const [id, subscription] of this.subscriptions) {
          const resumed = subscription.started;
          this.start(id, subscription);
          if (resumed && subscription.handlers.resumed) {
            subscription.handlers.resumed();
          }
        }
        this.setState('live');
        clearInterval(this.pingTimer);
        this.pingTimer = setInterval(() => this.send({ type: 'ping' }), 25000);
        break;
      case 'ping':
        this.send({ type: 'pong', payload: message.payload });
        break;
      case 'pong':
        break;
      case 'next': {
        const subscription = this.subscriptions.get(message.id);
        if (subscription) {
          const payload = message.payload || {};
          if (payload.errors && payload.errors.length) {
            subscription.handlers.error(payload.errors);
          }
          if (payload.data) {
            subscription.handlers.next(payload.data);
          }
        }
        break;
      }
      case 'error': {
        const subscription = this.subscriptions.get(message.id);
        if (subscription) {
          this.subscriptions.delete(message.id);
          subscription.handlers.error(message.payload);
        }
        break;
      }
      case 'complete': {
        const subscription = this.subscriptions.get(message.id);
        if (subscription) {
          this.subscriptions.delete(message.id);
          subscription.handlers.complete();
        }
        break;
      }
      default:
        break;
    }
  }

  closedBy(socket, event) {
    if (socket !== this.socket) {
      return;
    }
    clearInterval(this.pingTimer);
    clearTimeout(this.ackTimer);
    this.socket = null;
    this.acknowledged = false;
    if (this.closed) {
      this.setState('closed');
      return;
    }
    // 4401/4403: the credentials were refused; the server also closes at once when
    // connection_init fails, before any ack
    if (event.code === 4401 || event.code === 4403) {
      this.setState('closed', '实时推送的登录凭据被拒绝');
      this.onUnauthorized();
      return;
    }
    const delay = Math.min(30000, 1000 * 2 ** this.retries);
    this.retries += 1;
    this.setState('reconnecting', `连接中断，${Math.round(delay / 1000)} 秒后重连`);
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }

  start(id, subscription) {
    subscription.started = true;
    this.send({ id, type: 'subscribe', payload: { query: subscription.query, variables: subscription.variables } });
  }

  /**
   * Subscribes; handlers.next gets each result's data, handlers.resumed is called after a
   * reconnection (the screen may have missed events and may reload). Returns a function
   * that ends the subscription.
   */
  subscribe(query, variables, handlers) {
    const id = String(this.nextId++);
    const subscription = {
      query,
      variables,
      handlers: { next() {}, error() {}, complete() {}, ...handlers },
      started: false,
    };
    this.subscriptions.set(id, subscription);
    if (this.acknowledged) {
      this.start(id, subscription);
    } else {
      this.connect();
    }
    return () => {
      if (this.subscriptions.delete(id) && this.acknowledged) {
        this.send({ id, type: 'complete' });
      }
    };
  }

  close() {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    clearInterval(this.pingTimer);
    clearTimeout(this.ackTimer);
    this.subscriptions.clear();
    if (this.socket) {
      this.socket.close(1000, 'Signed out');
    }
    this.socket = null;
  }
}
