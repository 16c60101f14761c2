// Signing in: the demo token where the service offers one (its built-in demo secret), or a pasted token. The
// token lives in sessionStorage: it survives a reload of this tab, not the browser.
import { $ } from './dom.js';
import { call } from './api.js';

const STORE = 'buyonce.session';

export function restore() {
  try {
    const session = JSON.parse(sessionStorage.getItem(STORE));
    return session && new Date(session.expiresAt) > new Date() ? session : null;
  } catch {
    return null;
  }
}

export function forget() {
  sessionStorage.removeItem(STORE);
}

function keep(session) {
  sessionStorage.setItem(STORE, JSON.stringify(session));
  return session;
}

/** Shows the sign-in panel and resolves with a session once the buyer has one. */
export function signIn(message = '') {
  $('#sign-in').hidden = false;
  $('#sign-in-message').textContent = message;
  offerDemo();
  return new Promise((resolve) => {
    const done = (session) => {
      $('#sign-in').hidden = true;
      resolve(keep(session));
    };
    $('#demo-sign-in').onclick = async () => {
      const answer = await call('GET', '/api/demo-token', { anonymous: true }).catch(() => null);
      if (answer?.status === 200) done(answer.body);
      else $('#sign-in-message').textContent = 'The demo sign-in is not available: paste a token instead.';
    };
    $('#token-form').onsubmit = (event) => {
      event.preventDefault();
      const pasted = fromToken($('#token-input').value.trim().replace(/^Bearer\s+/i, ''));
      if (!pasted) {
        $('#sign-in-message').textContent = 'That does not look like a token (three dot-separated parts, with a subject).';
        return;
      }
      // verified by the service on first use: a refused token brings this panel back
      done(pasted);
    };
  });
}

/** The demo button appears only where the service hands out demo tokens. */
async function offerDemo() {
  const answer = await call('GET', '/api/demo-token', { anonymous: true }).catch(() => null);
  $('#demo-sign-in').hidden = answer?.status !== 200;
}

/** The user id and expiry of a pasted JWT (read, not verified: the service verifies it on every call). */
function fromToken(token) {
  try {
    const claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    if (!claims.sub) return null;
    const expiresAt = claims.exp ? new Date(claims.exp * 1000).toISOString() : new Date(Date.now() + 3600e3).toISOString();
    return { token, userId: claims.sub, expiresAt };
  } catch {
    return null;
  }
}
