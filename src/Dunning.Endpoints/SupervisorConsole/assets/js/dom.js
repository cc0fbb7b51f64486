// Building DOM nodes from data without ever parsing data as HTML.

/** h('a', { href, class, onclick, 'aria-label' }, child, ...): children are nodes, strings or arrays of them. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      el.className = value;
    } else if (name === 'text') {
      el.textContent = value;
    } else if (name === 'value') {
      el.value = value;
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

let idCounter = 0;

/** A document-unique id for label/aria wiring. */
export function uid(prefix) {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** Says something to screen readers and shows it briefly. */
export function announce(message, kind = 'info') {
  const box = document.getElementById('announcer');
  box.textContent = message;
  box.dataset.kind = kind;
  box.classList.add('visible');
  clearTimeout(announce.timer);
  announce.timer = setTimeout(() => box.classList.remove('visible'), 6000);
}

/** After a view renders: focus its heading, so keyboard and screen-reader users start at the new content. */
export function focusHeading(main) {
  const heading = main.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }
}

/** A table with a caption, header cells and rows of cells (each a node, text or array). */
export function table(caption, headers, rows, attrs = {}) {
  return h('table', attrs,
    h('caption', { class: caption.hidden ? 'visually-hidden' : null, text: caption.text }),
    h('thead', {}, h('tr', {}, headers.map(text => h('th', { scope: 'col', text })))),
    h('tbody', {}, rows.map(cells => h('tr', cells.attrs ?? {}, (cells.cells ?? cells).map(c => h('td', {}, c))))));
}
