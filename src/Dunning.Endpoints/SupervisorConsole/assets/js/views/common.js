// Pieces several views share: option lists, badges, the page frame and load errors.
import { h, clear } from '../dom.js';
import { t, label } from '../i18n.js';

export const statuses = ['Active', 'Paused', 'Closed', 'HandedToLegal'];
export const buckets = ['Current', 'M1', 'M2', 'M3', 'M3+'];
export const debtorTypes = ['WillingAble', 'WillingUnable', 'UnwillingAble', 'UnwillingUnable'];
export const defaultStages = ['opened', 'pre-due-reminder', 'due-day-reminder', 'first-overdue', 'field-visit',
  'supervisor-report', 'demand-notice', 'lawyer-letter', 'legal-handoff'];

export function options(group, values, anyLabel = t('cases.any')) {
  return [{ value: '', label: anyLabel }, ...values.map(v => ({ value: v, label: label(group, v) }))];
}

export function statusBadge(status) {
  return h('span', { class: `badge status-${status}`, text: label('status', status) });
}

export function page(main, title, ...content) {
  clear(main);
  main.append(h('h1', { text: title }), ...content);
}

export function loadError(error) {
  return h('p', { class: 'form-errors', role: 'alert', text: t('error.load', { detail: error.message }) });
}
