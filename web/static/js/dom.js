// Tiny DOM helpers: everything is built with createElement/textContent, never innerHTML.
const SVG_NS = 'http://www.w3.org/2000/svg';

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.appendChild(c);
    else el.appendChild(document.createTextNode(String(c)));
  }
}

function setAttrs(el, attrs) {
  if (!attrs) return;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.setAttribute('class', Array.isArray(v) ? v.filter(Boolean).join(' ') : v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'value' || k === 'checked' || k === 'selected') el[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export function mount(el, ...children) {
  clear(el);
  append(el, children);
  return el;
}

let fieldSeq = 0;
// A labelled form field. kind: input type, 'textarea' or 'select' (options: [[value,label]]).
export function field(label, attrs = {}, kind = 'text', options = []) {
  const id = attrs.id || `f${++fieldSeq}`;
  let input;
  if (kind === 'textarea') input = h('textarea', { ...attrs, id });
  else if (kind === 'select') {
    input = h('select', { ...attrs, id },
      options.map(([v, l]) => h('option', { value: v }, l)));
    if (attrs.value !== undefined) input.value = attrs.value;
  } else input = h('input', { type: kind, ...attrs, id });
  const wrap = h('div', { class: 'field' }, h('label', { for: id }, label), input);
  wrap.input = input;
  return wrap;
}

export function announce(text) {
  const st = document.getElementById('status');
  if (!st) return;
  st.textContent = '';
  setTimeout(() => { st.textContent = text; }, 30);
}

export function fmtTime(epochSeconds, timeZone) {
  try {
    return new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZone }).format(new Date(epochSeconds * 1000));
  } catch { return new Date(epochSeconds * 1000).toISOString().slice(11, 16); }
}

export function fmtDate(value) {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'number') return new Date(value * 1000).toISOString().slice(0, 16).replace('T', ' ');
  return String(value).replace('T', ' ').replace(/:\d\dZ$/, 'Z');
}

export function pct(x) {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  return `${Math.round(x * 100)}%`;
}

export function errorBox(err) {
  if (!err) return null;
  const fields = err.fields ? Object.entries(err.fields) : [];
  return h('div', { class: 'error', role: 'alert' }, err.message || String(err),
    fields.length ? h('ul', null, fields.map(([f, m]) => h('li', null, `${f}: ${m}`))) : null);
}
