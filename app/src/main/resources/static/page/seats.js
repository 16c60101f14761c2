// A program's seat map: choose free seats, or ask the service for N adjacent seats in a category.
import { $, h, money, notify } from './dom.js';
import { get } from './api.js';
import { isPending } from './intents.js';
import { placeOrder } from './orders.js';
import { describe } from './problems.js';

let ctx;
let map = null;
const chosen = new Set();

export function init(context) {
  ctx = context;
  $('#program-form').onsubmit = (event) => {
    event.preventDefault();
    chosen.clear();
    load().catch((e) => notify(describe(e.body ?? { detail: String(e) }), 'error'));
  };
  $('#buy-seats').onclick = (event) => order(event, { seats: [...chosen] });
  $('#adjacent-form').onsubmit = (event) => {
    event.preventDefault();
    order(event, { categoryId: $('#adjacent-category').value, quantity: Number($('#adjacent-quantity').value) });
  };
}

/** Reads the seat map of the program named in the form (again after each order: seats become HELD or SOLD). */
export async function load() {
  const programId = $('#program-id').value.trim();
  if (!programId) return;
  map = await get(`/api/programs/${encodeURIComponent(programId)}/seats`);
  render();
}

/** After any change of this buyer's orders: the seat map shown, read again. */
export function refresh() {
  return map ? load() : Promise.resolve();
}

function render() {
  const busy = isPending(ctx.userId, `program:${map.programId}`);
  $('#seat-map').replaceChildren(...map.categories.map((category) => h('div', { className: 'category' },
    h('h3', {}, `${category.categoryId}: ${money(category.price)}`,
      h('small', {}, ` ${category.free} free, ${category.held} held, ${category.sold} sold`)),
    ...rows(category.seats).map((seats) => h('div', { className: 'row' }, h('span', { className: 'row-label' }, seats[0].row),
      ...seats.map((seat) => h('button', {
        className: `seat ${seat.status}${chosen.has(seat.seatId) ? ' chosen' : ''}`, 'data-seat': seat.seatId,
        title: `${seat.seatId} ${seat.status}`, disabled: seat.status !== 'FREE',
        onclick: () => toggle(seat.seatId),
      }, String(seat.number))))))));
  const category = $('#adjacent-category');
  const selected = category.value;
  category.replaceChildren(...map.categories.map((c) => h('option', { value: c.categoryId }, c.categoryId)));
  if (selected) category.value = selected;
  $('#seat-actions').hidden = false;
  $('#buy-seats').disabled = busy || chosen.size === 0;
  $('#buy-seats').textContent = chosen.size ? `Buy seats ${[...chosen].join(', ')}` : 'Choose seats above';
  $('#adjacent-submit').disabled = busy;
}

function rows(seats) {
  const byRow = new Map();
  seats.forEach((seat) => byRow.set(seat.row, [...(byRow.get(seat.row) ?? []), seat]));
  return [...byRow.values()];
}

function toggle(seatId) {
  if (!chosen.delete(seatId)) chosen.add(seatId);
  render();
}

async function order(event, what) {
  if (event.detail > 1 || !map) return;
  $('#buy-seats').disabled = true;
  $('#adjacent-submit').disabled = true;
  await placeOrder({ programId: map.programId, ...what }, `program:${map.programId}`);
  chosen.clear();
}
