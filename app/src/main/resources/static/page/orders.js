// Placing orders (one intent each), the current order followed live, paying through the sandbox, my orders, cancel.
import { $, h, money, moment, notify } from './dom.js';
import { call, followOrder, get, NetworkError, pause, Problem } from './api.js';
import { begin, send } from './intents.js';
import { describe } from './problems.js';

let ctx;
let following = null;
let current = null;
let mine = [];
const payments = new Map(); // orderId -> the payment attempt asked for on this page

export function init(context) {
  ctx = context;
}

/** A new purchase intent for this order body, with the coupon chosen at checkout, sent until it has an answer. */
export function placeOrder(body, target) {
  const couponId = $('#coupon-choice').value;
  const intent = begin(ctx.userId, '/api/orders', couponId ? { ...body, couponId } : body, target);
  return sendOrder(intent, false);
}

/** Sends an order intent; `resumed` when it was found in localStorage at start (a reload, another tab). */
export async function sendOrder(intent, resumed) {
  ctx.changed();
  notify(resumed ? 'Finishing the purchase you started before the page reloaded…' : 'Placing your order…', 'info');
  try {
    const { body: order, replayed } = await send(intent, ({ attempt, offline, problem }) => notify(offline
      ? `No connection: trying again with the same purchase key (attempt ${attempt + 1})…`
      : `${describe(problem)} (attempt ${attempt + 1})`, 'retry'));
    notify(replayed
      ? `Already placed: order ${order.orderId} is the one your earlier attempt made; nothing was bought twice.`
      : `Order ${order.orderId} placed: pay it below.`, replayed ? 'replay' : 'ok');
    follow(order);
  } catch (e) {
    if (!(e instanceof Problem)) throw e;
    notify(describe(e.body), 'error');
  } finally {
    ctx.changed();
  }
}

/** Shows `order` as the current one and follows its changes live until another order is followed. */
export function follow(order) {
  following?.abort();
  following = new AbortController();
  showCurrent(order);
  followOrder(order.orderId, (update) => {
    const changed = update.status !== current?.status;
    showCurrent(update);
    if (changed) {
      notify(`Order ${update.orderId} is now ${update.status}.`, update.status === 'PAID' ? 'ok' : 'info');
      ctx.changed();
    }
  }, following.signal);
}

function showCurrent(order) {
  current = order;
  const panel = $('#current-order');
  panel.hidden = false;
  panel.dataset.order = order.orderId;
  const payment = payments.get(order.orderId);
  const open = order.status === 'AWAITING_PAYMENT';
  panel.replaceChildren(...[
    h('h2', {}, 'Current order'),
    h('p', {}, h('code', { id: 'current-id' }, order.orderId), ' ',
      h('strong', { id: 'current-status', className: `status ${order.status}` }, order.status)),
    h('p', {}, describeItems(order), ' — ', h('strong', {}, money(order.total)),
      order.discount ? ` (coupon ${order.couponId}: −${money(order.discount)})` : ''),
    open ? h('p', {}, `Pay before ${moment(order.paymentDeadline)}.`) : null,
    open ? h('p', { className: 'actions' },
      h('button', { id: 'pay-card', onclick: (e) => pay(order, 'sandbox-card', e.target) }, 'Pay by card'),
      h('button', { id: 'pay-wallet', onclick: (e) => pay(order, 'sandbox-wallet', e.target) }, 'Pay with wallet'),
      h('button', { id: 'cancel-current', className: 'secondary', onclick: (e) => cancel(order, e.target) }, 'Cancel order'))
      : null,
    open && payment ? h('p', { className: 'actions' }, `${payment.channel}: ${money(payment.amount)} `,
      h('button', { id: 'sandbox-pay', onclick: (e) => sandboxPay(payment, e.target) }, 'Confirm in the sandbox'))
      : null,
  ].filter(Boolean));
}

export function describeItems(order) {
  if (order.seats?.length) return `Seats ${order.seats.join(', ')}`;
  return order.items.map((item) => `${item.quantity} × ${item.productId}`).join(', ');
}

/** Asks for a payment (an intent of its own: the same key on every retry) on the chosen sandbox channel. */
async function pay(order, channel, button) {
  button.disabled = true;
  await sendPayment(begin(ctx.userId, `/api/orders/${order.orderId}/payments`, { channel }, `pay:${order.orderId}`));
}

export async function sendPayment(intent) {
  try {
    const { body } = await send(intent, () => notify('No answer yet: asking for the payment again…', 'retry'));
    payments.set(body.orderId, body);
    notify(`Payment ${body.status.toLowerCase()} by ${body.channel}: confirm it in the sandbox.`, 'info');
  } catch (e) {
    if (!(e instanceof Problem)) throw e;
    notify(describe(e.body), 'error');
  }
  if (current) showCurrent(current);
}

/** The sandbox stands for the customer paying at the provider; the order turns PAID on the live stream. */
async function sandboxPay(payment, button) {
  button.disabled = true;
  const answer = await call('POST', payment.payUrl, { body: { notification: 'DELIVER' }, anonymous: true })
    .catch(() => null);
  if (answer === null) notify('No answer from the sandbox: try again.', 'error');
  else if (answer.status >= 400) notify(describe(answer.body), 'error');
  else notify('Paid in the sandbox: waiting for the order to confirm…', 'info');
  button.disabled = false;
}

/** Cancel: no key needed (a repeat answers the same); a race with another change is retried after Retry-After. */
async function cancel(order, button) {
  button.disabled = true;
  for (let attempt = 0; attempt < 5; attempt++) {
    let answer;
    try {
      answer = await call('POST', `/api/orders/${order.orderId}/cancel`);
    } catch (e) {
      if (!(e instanceof NetworkError)) throw e;
      await pause(1000);
      continue;
    }
    if (answer.body?.code === 'CONFLICT') {
      await pause(answer.retryAfter * 1000);
      continue;
    }
    notify(answer.status < 300 ? `Order ${order.orderId} cancelled.` : describe(answer.body),
      answer.status < 300 ? 'ok' : 'error');
    break;
  }
  button.disabled = false;
  ctx.changed();
}

/** My orders, newest first, each with its live status and a button to make it the current one. */
export async function showMine() {
  const page = await get('/api/orders?page=0&size=20');
  $('#orders tbody').replaceChildren(...page.items.map((order) => h('tr', { 'data-order': order.orderId },
    h('td', {}, moment(order.createdAt)),
    h('td', {}, describeItems(order)),
    h('td', {}, money(order.total)),
    h('td', { className: `status ${order.status}` }, order.status),
    h('td', {}, h('button', { className: 'secondary', onclick: () => follow(order) }, 'Show')))));
  $('#orders-empty').hidden = page.items.length > 0;
  mine = page.items;
}

/** The newest order of mine still awaiting payment, as last listed. */
export const latestUnpaid = () => mine.find((order) => order.status === 'AWAITING_PAYMENT');

/** Opens an order by id (a pending purchase named by the catalog). */
export async function show(orderId) {
  follow(await get(`/api/orders/${encodeURIComponent(orderId)}`));
}
