// The service's HTTP API as the page uses it: bearer token, Idempotency-Key, problem bodies, the order event stream.

let token = null;
let onUnauthenticated = () => {};

export function useToken(value, whenRefused) {
  token = value;
  onUnauthenticated = whenRefused ?? (() => {});
}

/** The request never got an answer (offline, connection cut, timed out): the same request may be sent again. */
export class NetworkError extends Error {}

/** A final refusal: the problem body (RFC 9457, with the service's `code`). */
export class Problem extends Error {
  constructor(status, body) {
    super(body?.detail ?? `HTTP ${status}`);
    this.status = status;
    this.body = body ?? {};
  }
}

/**
 * One request. Resolves to {status, body, replayed, retryAfter} for every HTTP answer, problems included;
 * rejects with NetworkError when no answer came within timeoutMs.
 */
export async function call(method, path, { body, key, timeoutMs = 20000, anonymous = false } = {}) {
  const headers = { Accept: 'application/json' };
  if (token && !anonymous) headers.Authorization = `Bearer ${token}`;
  if (key) headers['Idempotency-Key'] = key;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  let response;
  let text;
  try {
    response = await fetch(path, {
      method, headers, cache: 'no-store', signal: timeout.signal,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    text = await response.text();
  } catch (e) {
    throw new NetworkError(e?.message ?? String(e));
  } finally {
    clearTimeout(timer);
  }
  const answer = {
    status: response.status,
    body: text ? parse(text) : null,
    replayed: response.headers.get('Idempotent-Replayed') === 'true',
    retryAfter: Number(response.headers.get('Retry-After')) || 1,
  };
  if (answer.status === 401 && !anonymous) onUnauthenticated();
  return answer;
}

/** A read: the body, or a Problem. */
export async function get(path) {
  const answer = await call('GET', path);
  if (answer.status >= 400) throw new Problem(answer.status, answer.body);
  return answer.body;
}

function parse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text };
  }
}

/**
 * Follows GET /api/orders/{id}/events until `signal` aborts, calling onOrder with each order the stream sends
 * (the current one first, then each change). EventSource cannot send the Authorization header, and the service
 * reads the token from that header only, so the stream is read with fetch(). A broken stream is opened again.
 */
export async function followOrder(orderId, onOrder, signal) {
  while (!signal.aborted) {
    try {
      const response = await fetch(`/api/orders/${encodeURIComponent(orderId)}/events`, {
        headers: { Accept: 'text/event-stream', Authorization: `Bearer ${token}` }, cache: 'no-store', signal,
      });
      if (response.status === 401) return onUnauthenticated();
      if (!response.ok) return;
      await readEvents(response.body, (event, data) => event === 'order' && onOrder(JSON.parse(data)));
    } catch {
      // cut, or aborted: the loop decides
    }
    await pause(1000, signal);
  }
}

async function readEvents(stream, onEvent) {
  const reader = stream.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length) onEvent(event, data.join('\n'));
    }
  }
}

export function pause(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}
