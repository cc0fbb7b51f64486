// Work queues: scheduled visits and open call tasks, grouped by collector, with outcome entry and assignment for
// supervisors. An outcome goes to the case as a command; the queue reloads once the item has left it.
import { h, focusHeading, table, announce } from '../dom.js';
import { t, label } from '../i18n.js';
import { api, enc, waitFor } from '../api.js';
import { canAct } from '../session.js';
import { money, when, debtorWhen } from '../format.js';
import { openForm, valueOf, numberOf, orNull } from '../forms.js';
import { page, loadError } from './common.js';

export async function renderWork(main, { keepFocus = false } = {}) {
  if (!keepFocus) page(main, t('work.title'), h('p', { text: t('app.loading') }));
  let visits, calls;
  try {
    [visits, calls] = await Promise.all([api.get('/api/visits?status=Scheduled'), api.get('/api/calls?status=Open')]);
  } catch (error) {
    page(main, t('work.title'), loadError(error));
    return;
  }

  const reload = () => renderWork(main, { keepFocus: true });
  page(main, t('work.title'),
    queue('visits', t('work.visits'), t('work.noVisits'), visits, 'visit', reload),
    queue('calls', t('work.calls'), t('work.noCalls'), calls, 'call', reload));
  if (!keepFocus) focusHeading(main);
}

function queue(id, title, empty, items, kind, reload) {
  const groups = new Map();
  for (const item of items) {
    const collector = item.assignedCollector ?? '';
    if (!groups.has(collector)) groups.set(collector, []);
    groups.get(collector).push(item);
  }
  const ordered = [...groups.entries()].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
  return h('section', { class: 'panel', id: `queue-${id}`, 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title`, text: title }),
    items.length === 0 ? h('p', { class: 'empty', text: empty }) : ordered.map(([collector, list]) => {
      const heading = t('work.byCollector', { name: collector || t('work.unassigned') });
      return h('div', { class: 'collector-group' },
        h('h3', { text: `${heading} (${list.length})` }),
        table({ text: `${title}: ${heading}`, hidden: true },
          [t('field.debtor'), t('work.when'), t('work.where'), t('field.outstanding'), t('field.case'), canAct() ? t('case.actions') : null].filter(Boolean),
          list.map(item => ({
            attrs: { 'data-work': item.id },
            cells: [
              item.debtorName,
              [when(item.notBefore), h('span', { class: 'local', text: t('case.localTime', { time: debtorWhen(item.notBefore, item.timeZone) }) })],
              kind === 'visit' ? item.address ?? '—' : item.phone ?? '—',
              money(item.outstanding),
              h('a', { href: `#/cases/${enc(item.caseId)}`, text: `${item.accountId} / ${item.invoiceId}` }),
              canAct() ? h('div', { class: 'buttons' },
                h('button', { type: 'button', class: 'primary', 'data-outcome': item.id, onclick: () => enterOutcome(item, kind, reload), text: t('work.enterOutcome') }),
                h('button', { type: 'button', 'data-assign': item.id, onclick: () => assign(item, kind, reload), text: t('work.assign') })) : null,
            ].filter(c => c !== null),
          })), { class: 'work-queue' }));
    }));
}

function enterOutcome(item, kind, reload) {
  const path = kind === 'visit' ? `/api/visits/${enc(item.id)}` : `/api/calls/${enc(item.id)}`;
  const currency = item.outstanding.currency;
  const fields = kind === 'visit'
    ? [{ name: 'outcome', label: t('work.outcome'), type: 'select',
      options: [{ value: '', label: t('action.choose') }, ...['Met', 'NotHome', 'Refused', 'Promised', 'Moved'].map(v => ({ value: v, label: label('outcome', v) }))] },
    { name: 'promise.amount', label: `${t('work.promiseAmount')} (${currency})`, type: 'number', step: '0.01', min: 0, inputmode: 'decimal' },
    { name: 'promise.date', label: t('work.promiseDate'), type: 'date' },
    { name: 'notes', label: t('work.notes'), type: 'textarea', rows: 2 }]
    : [{ name: 'connected', label: t('work.connected'), type: 'checkbox' },
      { name: 'notes', label: t('work.notes'), type: 'textarea', rows: 2 }];
  openForm({
    id: `outcome-${kind}`,
    title: t('work.outcomeFor', { kind: t(`work.${kind}`), debtor: item.debtorName }),
    fields,
    build: f => kind === 'visit'
      ? { outcome: orNull(valueOf(f, 'outcome')), notes: orNull(valueOf(f, 'notes')),
        promise: valueOf(f, 'outcome') === 'Promised' ? { amount: numberOf(f, 'promise.amount'), date: orNull(valueOf(f, 'promise.date')) } : null }
      : { connected: valueOf(f, 'connected') === true, notes: orNull(valueOf(f, 'notes')) },
    send: async body => {
      await api.post(`${path}/outcome`, body);
      await waitFor(async () => (await api.get(path)).status === 'Completed', { timeoutMs: 10000 });
      announce(t('work.saved', { debtor: item.debtorName }));
      reload();
    },
  });
}

function assign(item, kind, reload) {
  const path = kind === 'visit' ? `/api/visits/${enc(item.id)}` : `/api/calls/${enc(item.id)}`;
  openForm({
    id: `assign-${kind}`,
    title: t('work.assignFor', { kind: t(`work.${kind}`), debtor: item.debtorName }),
    fields: [{ name: 'collector', label: t('work.collector'), value: item.assignedCollector ?? '' },
      { name: 'region', label: t('work.region'), value: item.assignedRegion ?? '' }],
    build: f => ({ collector: orNull(valueOf(f, 'collector')), region: orNull(valueOf(f, 'region')) }),
    send: async body => {
      const updated = await api.post(`${path}/assign`, body);
      announce(t('work.assigned', { name: updated?.assignedCollector ?? '' }));
      reload();
    },
  });
}
