// The case list: counts and amounts per stage on top, filters, a page of cases, and paging by continuation token.
import { h, focusHeading, table } from '../dom.js';
import { t, tn, label } from '../i18n.js';
import { api, enc } from '../api.js';
import { money, moneys, when, statedLocal } from '../format.js';
import { renderField } from '../forms.js';
import { statuses, buckets, debtorTypes, defaultStages, options, statusBadge, page, loadError } from './common.js';

const pageSize = 25;
const filterNames = ['status', 'stage', 'bucket', 'debtorType', 'minDaysPastDue', 'maxDaysPastDue', 'flagged'];
/** Continuation tokens of the pages seen so far, per filter set: tokens[i] opens page i + 1. */
const trail = { key: null, tokens: [null] };

export async function renderCases(main, params) {
  const filters = Object.fromEntries(filterNames.map(n => [n, params.get(n) ?? '']));
  const key = JSON.stringify(filters);
  if (trail.key !== key) {
    trail.key = key;
    trail.tokens = [null];
  }

  const summary = h('section', { class: 'stage-summary', 'aria-labelledby': 'summary-title' },
    h('h2', { id: 'summary-title', text: t('cases.summary') }));
  const results = h('section', { class: 'results', 'aria-live': 'polite', 'aria-busy': 'true' }, h('p', { text: t('app.loading') }));
  page(main, t('cases.title'), summary, filterForm(filters), results);
  focusHeading(main);

  const breakdown = api.get('/api/metrics/breakdown').catch(() => null);
  await renderList(results, filters);
  renderSummary(summary, await breakdown, filters);
}

function renderSummary(section, breakdown, filters) {
  if (!breakdown) return;
  const groups = breakdown.byStage.filter(g => g.openCases > 0);
  section.append(h('ul', { class: 'cards' }, groups.map(g => h('li', {},
    h('a', {
      class: `card${filters.stage === g.key ? ' selected' : ''}`,
      href: hashFor({ ...filters, stage: g.key }),
      'aria-current': filters.stage === g.key ? 'true' : null,
    },
    h('span', { class: 'card-title', text: label('stage', g.key) }),
    h('span', { class: 'card-count', text: tn('cases.summaryCases', g.openCases) }),
    h('span', { class: 'card-amount', text: moneys(g.outstanding) }))))));
}

function filterForm(filters) {
  const fields = [
    { name: 'status', label: t('field.status'), type: 'select', options: options('status', statuses), value: filters.status },
    { name: 'stage', label: t('field.stage'), type: 'select', options: options('stage', defaultStages), value: filters.stage },
    { name: 'bucket', label: t('field.bucket'), type: 'select', options: options('bucket', buckets), value: filters.bucket },
    { name: 'debtorType', label: t('field.debtorType'), type: 'select', value: filters.debtorType,
      options: [...options('debtorType', debtorTypes), { value: 'None', label: t('cases.none') }] },
    { name: 'minDaysPastDue', label: t('cases.minDpd'), type: 'number', min: 0, value: filters.minDaysPastDue, inputmode: 'numeric' },
    { name: 'maxDaysPastDue', label: t('cases.maxDpd'), type: 'number', min: 0, value: filters.maxDaysPastDue, inputmode: 'numeric' },
    { name: 'flagged', label: t('cases.flagged'), type: 'select', value: filters.flagged,
      options: [{ value: '', label: t('cases.any') }, { value: 'true', label: t('cases.yes') }, { value: 'false', label: t('cases.no') }] },
  ];
  const form = h('form', { class: 'filters', 'aria-label': t('cases.filters'), id: 'case-filters' },
    h('div', { class: 'filter-fields' }, fields.map(renderField)),
    h('div', { class: 'buttons' },
      h('button', { type: 'submit', class: 'primary', text: t('cases.apply') }),
      h('a', { href: '#/cases', class: 'button', text: t('cases.reset') })));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const chosen = Object.fromEntries(filterNames.map(n => [n, form.elements.namedItem(n).value.trim()]));
    location.hash = hashFor(chosen);
  });
  return form;
}

function hashFor(filters) {
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== ''));
  return `#/cases${query.size ? `?${query}` : ''}`;
}

/** GET /api/cases serves status, stage and bucket; the other filters need GET /api/case-search. */
function listPath(filters, token) {
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== ''));
  query.set('pageSize', pageSize);
  if (token) query.set('continuationToken', token);
  const extended = ['debtorType', 'minDaysPastDue', 'maxDaysPastDue', 'flagged'].some(n => filters[n] !== '');
  return `${extended ? '/api/case-search' : '/api/cases'}?${query}`;
}

async function renderList(section, filters) {
  const index = trail.tokens.length - 1;
  let result;
  try {
    result = await api.get(listPath(filters, trail.tokens[index]));
  } catch (error) {
    section.replaceChildren(loadError(error));
    section.setAttribute('aria-busy', 'false');
    return;
  }

  const rows = result.items.map(c => ({
    attrs: { 'data-case': c.caseId },
    cells: [
      h('a', { href: `#/cases/${enc(c.caseId)}`, class: 'case-link', text: `${c.accountId} / ${c.invoiceId}` }),
      statusBadge(c.status),
      label('stage', c.stage),
      h('span', { class: 'num', text: money(c.outstanding) }),
      h('span', { class: 'num', text: String(c.daysPastDue) }),
      label('bucket', c.bucket),
      c.debtorType ? label('debtorType', c.debtorType) : '—',
      c.nextAction ? [label('stage', c.nextAction.step), h('br'), when(c.nextAction.dueAt),
        h('span', { class: 'local', text: ` · ${t('case.localTime', { time: statedLocal(c.nextAction.dueAt) })}` })] : '—',
      c.flagged ? h('span', { class: 'badge flag', text: t('cases.flagged') }) : '',
    ],
  }));
  const content = result.items.length === 0
    ? [h('p', { class: 'empty', text: t('cases.empty') })]
    : [table({ text: t('cases.listCaption'), hidden: true },
      [t('field.account'), t('field.status'), t('field.stage'), t('field.outstanding'), t('field.dpd'), t('field.bucket'),
        t('field.debtorType'), t('field.nextAction'), t('field.flag')], rows, { class: 'cases', id: 'case-table' })];
  const pager = h('nav', { class: 'pager', 'aria-label': t('cases.page', { n: index + 1 }) },
    h('button', { type: 'button', disabled: index === 0, onclick: () => { trail.tokens.pop(); section.setAttribute('aria-busy', 'true'); renderList(section, filters); }, text: t('cases.previous') }),
    h('span', { text: t('cases.page', { n: index + 1 }) }),
    h('button', { type: 'button', disabled: !result.continuationToken, onclick: () => { trail.tokens.push(result.continuationToken); section.setAttribute('aria-busy', 'true'); renderList(section, filters); }, text: t('cases.next') }));
  section.replaceChildren(...content, pager);
  section.setAttribute('aria-busy', 'false');
}
