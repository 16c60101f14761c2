// Coupons: the claimable ones, claiming (an intent with its own key), mine, and the choice applied at checkout.
import { $, day, h, notify } from './dom.js';
import { get, Problem } from './api.js';
import { begin, isPending, send } from './intents.js';
import { describe } from './problems.js';

let ctx;
let claimable = [];
let mine = [];

export function init(context) {
  ctx = context;
}

export async function load() {
  [claimable, mine] = await Promise.all([get('/api/coupons'), get('/api/coupons/mine')]);
  render();
}

const discount = (d) => (d.percent ? `${d.percent} % off` : `${d.amount.amount} ${d.amount.currency} off`);

function render() {
  const claimed = new Set(mine.map((claim) => claim.couponId));
  $('#claimable').replaceChildren(...claimable.map((coupon) => h('li', { 'data-coupon': coupon.id },
    h('strong', {}, coupon.id), ` ${coupon.name}: ${discount(coupon.discount)}, until ${day(coupon.validUntil)}, `,
    `${coupon.remaining} left `,
    h('button', {
      className: 'claim', disabled: claimed.has(coupon.id) || isPending(ctx.userId, `claim:${coupon.id}`),
      onclick: (e) => claim(coupon.id, e.target),
    }, claimed.has(coupon.id) ? 'Claimed' : 'Claim'))));
  $('#claimable-empty').hidden = claimable.length > 0;
  $('#my-coupons').replaceChildren(...mine.map((claim) => h('li', { 'data-coupon': claim.couponId },
    h('strong', {}, claim.couponId), ' ', h('span', { className: `status ${claim.status}` }, claim.status),
    claim.orderId ? ` by order ${claim.orderId}` : '', `, valid until ${day(claim.validUntil)}`)));
  $('#my-coupons-empty').hidden = mine.length > 0;
  const choice = $('#coupon-choice');
  const chosen = choice.value;
  choice.replaceChildren(h('option', { value: '' }, 'No coupon'),
    ...mine.filter((c) => c.status === 'CLAIMED').map((c) => h('option', { value: c.couponId }, c.couponId)));
  choice.value = [...choice.options].some((o) => o.value === chosen) ? chosen : '';
}

function claim(couponId, button) {
  button.disabled = true;
  return sendClaim(begin(ctx.userId, `/api/coupons/${encodeURIComponent(couponId)}/claims`, undefined, `claim:${couponId}`));
}

export async function sendClaim(intent) {
  try {
    const { body, replayed } = await send(intent, () => notify('No answer yet: claiming again with the same key…', 'retry'));
    notify(replayed ? `Coupon ${body.couponId} was already claimed by this request.` : `Coupon ${body.couponId} claimed.`,
      replayed ? 'replay' : 'ok');
  } catch (e) {
    if (!(e instanceof Problem)) throw e;
    notify(describe(e.body), 'error');
  }
  ctx.changed();
}
