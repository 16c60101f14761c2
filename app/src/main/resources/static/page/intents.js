// Purchase intents: one Idempotency-Key per intent, kept in localStorage until a final answer arrives, so that a
// retry after a network error, a reload or a second tab sends the same key and meets the same order.
import { call, NetworkError, pause, Problem } from './api.js';

const STORE = 'buyonce.intents';

function load() {
  try {
    return JSON.parse(localStorage.getItem(STORE)) ?? [];
  } catch {
    return [];
  }
}

function save(list) {
  localStorage.setItem(STORE, JSON.stringify(list));
}

/** crypto.randomUUID exists in secure contexts only (https, localhost); elsewhere a v4 UUID from getRandomValues. */
export function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Records a new intent (stored before anything is sent). `target` names what it is for, e.g. "product:coffee". */
export function begin(userId, path, body, target) {
  const intent = { key: newKey(), userId, path, body, target, startedAt: new Date().toISOString() };
  save([...load(), intent]);
  return intent;
}

export function pendingFor(userId) {
  return load().filter((intent) => intent.userId === userId);
}

export function isPending(userId, target) {
  return pendingFor(userId).some((intent) => intent.target === target);
}

function finish(key) {
  save(load().filter((intent) => intent.key !== key));
}

/** Answers worth the same request again: the key still in flight elsewhere, limits, timeouts and our failures. */
function retriable(answer) {
  const code = answer.body?.code;
  return answer.status >= 500 || answer.status === 408 || code === 'IDEMPOTENCY_KEY_IN_USE' || code === 'RATE_LIMITED';
}

/**
 * Sends the intent until a final answer: resolves to {body, replayed} on 2xx, rejects with a Problem on a
 * refusal; both end the intent. Without an answer it waits (0.5 s doubling to 5 s, sooner when the browser says
 * it is online again) and sends the same request with the same key; a retriable problem is sent again after its
 * Retry-After (at most 10 s). A 401 rejects but keeps the intent, to be sent again after signing in.
 */
export async function send(intent, onRetry = () => {}) {
  for (let attempt = 1; ; attempt++) {
    let answer;
    try {
      answer = await call('POST', intent.path, { body: intent.body, key: intent.key });
    } catch (e) {
      if (!(e instanceof NetworkError)) throw e;
      onRetry({ attempt, offline: true });
      await untilOnline(Math.min(500 * 2 ** (attempt - 1), 5000));
      continue;
    }
    if (answer.status < 300) {
      finish(intent.key);
      return { body: answer.body, replayed: answer.replayed || answer.body?.duplicated === true };
    }
    if (answer.status === 401) throw new Problem(401, answer.body);
    if (retriable(answer)) {
      onRetry({ attempt, problem: answer.body });
      await pause(Math.min(answer.retryAfter, 10) * 1000);
      continue;
    }
    finish(intent.key);
    throw new Problem(answer.status, answer.body);
  }
}

async function untilOnline(ms) {
  const done = new AbortController();
  window.addEventListener('online', () => done.abort(), { signal: done.signal });
  await pause(ms, done.signal);
  done.abort();
}
