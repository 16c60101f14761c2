// Small DOM helpers: elements built from data never go through innerHTML.

export const $ = (selector, root = document) => root.querySelector(selector);

/** h('button', {class: 'buy', onclick: f, disabled: true}, 'Buy'): attributes, listeners (on…) and children. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name === 'className' ? 'class' : name, value === true ? '' : String(value));
  }
  element.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

export const money = (m) => (m ? `${m.amount} ${m.currency}` : '');

/** The UTC calendar day of an instant: 2019-03-01. */
export const day = (instant) => new Date(instant).toISOString().slice(0, 10);

export const moment = (instant) => new Date(instant).toLocaleString();

/** The one status line of the page; `kind` (info, ok, replay, retry, error) styles it and lets tests read it. */
export function notify(text, kind = 'info') {
  const notice = $('#notice');
  notice.textContent = text;
  notice.dataset.kind = kind;
}
