// Money in each case's own currency, instants in the supervisor's zone, and the debtor's local time beside them.
import { language } from './i18n.js';

export const supervisorZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

export function money(m) {
  if (!m) return '';
  try {
    return new Intl.NumberFormat(language(), { style: 'currency', currency: m.currency, currencyDisplay: 'symbol' }).format(m.amount);
  } catch {
    return `${m.amount} ${m.currency}`;
  }
}

/** Several amounts (one per currency), joined. */
export function moneys(list) {
  return (list ?? []).map(money).join(' · ');
}

function dateTimeIn(iso, timeZone, withZone) {
  if (!iso) return '';
  const options = { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone };
  if (withZone) options.timeZoneName = 'short';
  try {
    return new Intl.DateTimeFormat(language(), options).format(new Date(iso));
  } catch {
    return iso;
  }
}

/** An instant in the supervisor's own zone. */
export function when(iso) {
  return dateTimeIn(iso, supervisorZone, false);
}

/** An instant in the debtor's zone, with the zone's short name. */
export function debtorWhen(iso, zone) {
  return zone ? dateTimeIn(iso, zone, true) : '';
}

/** A zone-free date (YYYY-MM-DD) in the page's language. */
export function date(text) {
  if (!text) return '';
  const [y, m, d] = text.split('-').map(Number);
  return new Intl.DateTimeFormat(language(), { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

export function percent(rate) {
  return rate === null || rate === undefined ? '' : new Intl.NumberFormat(language(), { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

/** The zone an ISO instant was written in, as "+08:00" (list items carry the debtor's offset in nextAction.dueAt). */
export function offsetOf(iso) {
  const match = /([+-]\d\d:\d\d|Z)$/.exec(iso ?? '');
  return match ? (match[1] === 'Z' ? '+00:00' : match[1]) : null;
}

/** The wall-clock time an ISO instant states in its own offset: the debtor's local time for nextAction.dueAt. */
export function statedLocal(iso) {
  const match = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)/.exec(iso ?? '');
  if (!match) return '';
  const [, y, mo, d, hh, mm] = match;
  const day = new Intl.DateTimeFormat(language(), { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(Date.UTC(+y, +mo - 1, +d));
  return `${day} ${hh}:${mm} (UTC${offsetOf(iso)})`;
}
