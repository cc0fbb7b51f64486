// One line of a case's timeline per history event: when (supervisor's zone, and the debtor's local time for
// contacts), what, who and why. Deferred contacts are marked as such; stored documents link to their bytes and hash.
import { h, uid } from '../dom.js';
import { t, label } from '../i18n.js';
import { api, enc } from '../api.js';
import { money, when, debtorWhen, date } from '../format.js';

const contactEvents = new Set(['SmsSent', 'EmailSent', 'CallTaskCreated', 'VisitScheduled', 'NoticeIssued', 'ContactDeferred']);

export function timelineRows(history, caseId, zone, hideTimers) {
  return history.filter(e => !(hideTimers && e.type === 'TimerArmed')).map(e => ({
    attrs: { 'data-type': e.type, class: e.type === 'ContactDeferred' ? 'deferred' : e.type === 'CommandRejected' ? 'rejected' : null },
    cells: [
      [h('time', { datetime: e.at, text: when(e.at) }),
        contactEvents.has(e.type) ? h('span', { class: 'local', text: t('case.localTime', { time: debtorWhen(e.at, zone) }) }) : null],
      [h('span', { class: 'event-name', text: label('event', e.type) }),
        e.type === 'ContactDeferred' ? h('span', { class: 'badge deferred', text: t('timeline.deferred') }) : null],
      [e.actor, e.actorKind ? h('span', { class: 'muted', text: ` (${label('actorKind', e.actorKind)})` }) : null],
      [detailOf(e, zone), e.reason ? h('div', { class: 'reason', text: t('timeline.reason', { reason: e.reason }) }) : null,
        e.type === 'DocumentStored' ? documentLink(e, caseId) : null],
    ],
  }));
}

function detailOf(e, zone) {
  const d = e.data ?? {};
  const step = s => label('stage', s);
  const both = iso => `${when(iso)} (${debtorWhen(iso, zone)})`;
  switch (e.type) {
    case 'CaseOpened': return t('detail.opened', { amount: money(d.amountDue), date: date(d.dueDate), policy: d.policyId, version: d.policyVersion });
    case 'StepReached': return t('detail.step', { step: step(d.step) });
    case 'StepSkipped': return t('detail.stepWhy', { step: step(d.step), why: d.why });
    case 'LadderRebased': return t('detail.rebased', { date: date(d.anchor), why: d.why });
    case 'TimerArmed': return d.dueAt ? t('detail.timer', { when: both(d.dueAt) }) : t('detail.noTimer');
    case 'SmsSent': case 'EmailSent': case 'CallTaskCreated': case 'VisitScheduled':
      return t('detail.contact', { step: step(d.step), contact: d.contactId });
    case 'NoticeIssued': return t('detail.notice', { kind: label('stage', kebab(d.kind)), deadline: date(d.deadline), total: claimTotal(d.claim) });
    case 'ContactDeferred': return t('detail.deferred', { action: label('channel', channelOf(d.action)), step: step(d.step), until: both(d.until), why: d.why });
    case 'ContactSkipped': return t('detail.skipped', { action: label('channel', channelOf(d.action)), step: step(d.step), why: d.why });
    case 'PendingContactsCancelled': return `${d.count}: ${d.why}`;
    case 'SupervisorReportRequested': case 'CaseHandedToLegal': return t('detail.claim', { total: claimTotal(d.claim) });
    case 'DeliveryConfirmed': case 'DeliveryFailed':
      return t('detail.delivery', { channel: label('channel', d.channel), contact: d.contactId, detail: d.detail ? `: ${d.detail}` : '' });
    case 'PaymentApplied': return t('detail.payment', { amount: money(d.amount), outstanding: money(d.outstanding) });
    case 'PaymentRejected': return `${money(d.amount)}: ${d.why}`;
    case 'CreditRecorded': return t('detail.credit', { amount: money(d.credit) });
    case 'CaseClosed': return t('detail.closed', { reason: label('closedReason', d.closedReason) });
    case 'CasePaused': return d.until ? t('detail.paused', { until: when(d.until) }) : t('detail.pausedOpen');
    case 'CaseEscalated': return t('detail.escalated', { step: step(d.toStep) });
    case 'OptedOut': return t('detail.optOut', { channel: label('channel', d.channel) });
    case 'DebtorClassified': return t('detail.classified', { type: label('debtorType', d.debtorType) });
    case 'EscalationHeld': return t('detail.hold', { until: when(d.until), why: d.why });
    case 'EscalationHoldEnded': return t('detail.why', { why: d.why });
    case 'PromiseRecorded': return t('detail.promise', { amount: money(d.amount), date: date(d.date) });
    case 'PromiseKept': return money(d.amount);
    case 'PromiseBroken': return `${t('detail.promise', { amount: money(d.amount), date: date(d.date) })}; ${money(d.paid)}`;
    case 'PlanAgreed': return t('detail.plan', { count: d.installments?.length ?? 0 });
    case 'InstallmentMet': case 'InstallmentMissed': return t('detail.installment', { n: d.index + 1, date: date(d.dueDate) });
    case 'VisitReported': return t('detail.visit', { outcome: label('outcome', d.outcome) });
    case 'CommandRejected': return t('detail.rejected', { command: d.command, why: d.why });
    case 'DocumentStored': return t('detail.document', { kind: label('stage', kebab(d.kind)) });
    case 'SupervisorAlertRaised': return t('detail.alert', { subject: d.subject, why: d.why });
    default: return Object.entries(d).map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`).join('; ');
  }
}

function claimTotal(claim) {
  if (!claim) return '';
  const currency = claim.principal.currency;
  return money({ amount: claim.principal.amount + claim.penaltyInterest.amount + claim.fees.amount, currency });
}

/** DemandNotice → demand-notice (the ladder's step names label document kinds too). */
function kebab(name) {
  return String(name ?? '').replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
}

/** StepAction names (Sms, Email, Call, Visit, DemandNotice…) → contact channels for labels. */
function channelOf(action) {
  return ['DemandNotice', 'LawyerLetter'].includes(action) ? 'Letter' : action;
}

/** "dunning-documents/cases/{caseId}/k5-demand-notice.html" → "k5-demand-notice.html". */
export function documentName(location, caseId) {
  const marker = `cases/${caseId}/`;
  const at = (location ?? '').indexOf(marker);
  return at < 0 ? null : location.slice(at + marker.length);
}

function documentLink(e, caseId) {
  const name = documentName(e.data.location, caseId);
  const hash = e.data.sha256;
  return h('div', { class: 'document' },
    name ? h('button', { type: 'button', class: 'link-button', 'data-document': name, onclick: () => showDocument(caseId, name, hash), text: `${t('timeline.openDocument')}: ${name}` }) : null,
    h('div', {}, `${t('timeline.hash')}: `, h('code', { class: 'hash', text: hash })));
}

/** Fetches the stored bytes, checks them against the history's hash, and shows them in a sandboxed frame. */
async function showDocument(caseId, name, expectedHash) {
  const { bytes, type } = await api.bytes(`/api/cases/${enc(caseId)}/documents/${enc(name)}`);
  const digest = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)), b => b.toString(16).padStart(2, '0')).join('');
  const url = URL.createObjectURL(new Blob([bytes], { type: type.startsWith('application/json') ? 'text/plain' : type }));
  const titleId = uid('doc-title');
  const close = h('button', { type: 'button', text: t('timeline.close') });
  const dialog = h('dialog', { class: 'document-dialog', 'aria-labelledby': titleId },
    h('h2', { id: titleId, text: t('timeline.document', { name }) }),
    h('p', { class: digest === expectedHash ? 'hash-ok' : 'form-errors', role: 'status', text: digest === expectedHash ? t('timeline.hashOk') : t('timeline.hashBad') }),
    h('iframe', { src: url, sandbox: '', title: name }),
    h('div', { class: 'buttons' }, close));
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => { URL.revokeObjectURL(url); dialog.remove(); });
  document.body.append(dialog);
  dialog.showModal();
  close.focus();
}
