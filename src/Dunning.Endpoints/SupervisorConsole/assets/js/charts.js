// Hand-drawn SVG bar charts (no library, nothing fetched): horizontal bars with their labels and values as text,
// so the figures read without the picture too; each chart also has its numbers in a table under "Data".
import { h, table, uid } from './dom.js';
import { t } from './i18n.js';

const svgNs = 'http://www.w3.org/2000/svg';

function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  for (const child of children) el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return el;
}

/** bars: [{ label, value, text }] where text is the value as shown; max defaults to the largest value. */
export function barChart(title, bars, { max, id } = {}) {
  const titleId = uid('chart-title');
  const top = Math.max(max ?? 0, ...bars.map(b => b.value), 0) || 1;
  const labelWidth = 190;
  const barArea = 360;
  const valueWidth = 190;
  const rowHeight = 28;
  const height = Math.max(1, bars.length) * rowHeight + 8;
  const svg = s('svg', { viewBox: `0 0 ${labelWidth + barArea + valueWidth} ${height}`, role: 'img', 'aria-labelledby': titleId, class: 'chart' },
    ...bars.map((b, i) => {
      const y = i * rowHeight + 4;
      const width = Math.max(b.value > 0 ? 2 : 0, (b.value / top) * barArea);
      return s('g', {},
        s('text', { x: labelWidth - 8, y: y + 17, 'text-anchor': 'end', class: 'chart-label' }, b.label),
        s('rect', { x: labelWidth, y: y + 3, width, height: rowHeight - 10, rx: 3, class: 'chart-bar' }, s('title', {}, `${b.label}: ${b.text}`)),
        s('text', { x: labelWidth + width + 6, y: y + 17, class: 'chart-value' }, b.text));
    }));
  return h('figure', { class: 'chart-figure', id },
    h('figcaption', { id: titleId, text: title }),
    svg,
    h('details', {}, h('summary', { text: t('metrics.data') }),
      table({ text: title, hidden: true }, [t('metrics.item'), t('metrics.value')], bars.map(b => [b.label, b.text]))));
}
