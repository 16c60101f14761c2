// The buyer's page: sign in, then the catalog, the current order, my orders, coupons and seats.
import { $, notify } from './dom.js';
import { useToken } from './api.js';
import { pendingFor } from './intents.js';
import { describe } from './problems.js';
import * as session from './session.js';
import * as shop from './shop.js';
import * as orders from './orders.js';
import * as coupons from './coupons.js';
import * as seats from './seats.js';

let reloading = false;
let reloadAgain = false;

async function start(signedIn) {
  useToken(signedIn.token, () => signOut('Your sign-in was refused or has expired: please sign in again.'));
  $('#who').textContent = `Signed in as ${signedIn.userId}`;
  $('#sign-out').hidden = false;
  $('#app').hidden = false;
  const ctx = { userId: signedIn.userId, changed };
  [shop, orders, coupons, seats].forEach((part) => part.init(ctx));
  await reload();
  const latest = orders.latestUnpaid();
  if (latest) orders.follow(latest);
  resume(signedIn.userId);
}

/** Intents left without a final answer (a reload, a crash, a closed tab) are sent again, with their own keys. */
function resume(userId) {
  for (const intent of pendingFor(userId)) {
    if (intent.path === '/api/orders') orders.sendOrder(intent, true);
    else if (intent.path.endsWith('/payments')) orders.sendPayment(intent);
    else if (intent.path.endsWith('/claims')) coupons.sendClaim(intent);
  }
}

/**
 * Something this buyer did or saw changed: the cards at once (intents), then every view read again; a change
 * during a reload brings one more reload after it, so the last change is always read.
 */
async function changed() {
  shop.render();
  if (reloading) {
    reloadAgain = true;
    return;
  }
  reloading = true;
  do {
    reloadAgain = false;
    await reload();
  } while (reloadAgain);
  reloading = false;
}

async function reload() {
  const results = await Promise.allSettled([shop.load(), orders.showMine(), coupons.load(), seats.refresh()]);
  const failed = results.find((r) => r.status === 'rejected');
  if (failed && failed.reason?.status !== 401) notify(describe(failed.reason?.body ?? { detail: String(failed.reason) }), 'error');
}

function signOut(message = '') {
  session.forget();
  location.hash = '';
  sessionStorage.setItem('buyonce.signed-out', message);
  location.reload();
}

async function boot() {
  $('#sign-out').onclick = () => signOut();
  const message = sessionStorage.getItem('buyonce.signed-out') ?? '';
  sessionStorage.removeItem('buyonce.signed-out');
  await start(session.restore() ?? await session.signIn(message));
}

boot();
