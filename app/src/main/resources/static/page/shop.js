// The catalog: each product with its state for this buyer (buy, pending with its order, owned since a date).
import { $, day, h, money, notify } from './dom.js';
import { get } from './api.js';
import { isPending } from './intents.js';
import { placeOrder, show } from './orders.js';
import { describe } from './problems.js';

let ctx;
let products = [];
const entitlements = new Map(); // productId -> {status, orderId, since} for PERMANENT products

export function init(context) {
  ctx = context;
}

/** Reads the catalog and, for each permanent product, whether this buyer owns it or has it pending. */
export async function load() {
  products = await get('/api/products');
  await Promise.all(products.filter((p) => p.kind === 'PERMANENT').map(async (p) =>
    entitlements.set(p.id, await get(`/api/entitlements/${encodeURIComponent(p.id)}`))));
  render();
}

/** Draws the cards again from what is known: also called when an intent starts or ends. */
export function render() {
  $('#products').replaceChildren(...products.map(card));
}

function card(product) {
  const owned = entitlements.get(product.id);
  const placing = isPending(ctx.userId, `product:${product.id}`);
  let state = product.kind === 'PERMANENT' ? 'Yours for good once paid.' : 'Buy as often as you like.';
  let label = 'Buy';
  let link = null;
  if (placing) {
    state = 'Placing your order…';
    label = 'Placing…';
  } else if (owned?.status === 'OWNED') {
    state = `Owned since ${day(owned.since)}`;
    label = 'Owned';
  } else if (owned?.status === 'PENDING') {
    state = 'Pending: order ';
    label = 'Pending';
    link = h('a', { href: '#current-order', className: 'order-link', onclick: () => show(owned.orderId) }, owned.orderId);
  }
  const buyable = !placing && owned?.status !== 'OWNED' && owned?.status !== 'PENDING';
  return h('li', { className: 'product', 'data-product': product.id, 'data-state': owned?.status ?? 'NONE' },
    h('h3', {}, product.name),
    h('p', { className: 'price' }, money(product.price), ' ', h('span', { className: 'kind' }, product.kind.toLowerCase())),
    h('p', { className: 'state' }, state, link),
    h('button', { className: 'buy', disabled: !buyable, onclick: (e) => buy(product, e) }, label));
}

function buy(product, event) {
  // a double click is one intent: its second click (detail 2) is not another purchase
  if (event.detail > 1 || isPending(ctx.userId, `product:${product.id}`)) return;
  event.target.disabled = true;
  placeOrder({ items: [{ productId: product.id, quantity: 1 }] }, `product:${product.id}`)
    .catch((e) => notify(describe(e.body ?? { detail: String(e) }), 'error'));
}
