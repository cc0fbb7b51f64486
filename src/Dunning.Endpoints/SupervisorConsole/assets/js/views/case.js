// A case: the state card, the supervisor's actions, the timeline, the messages the debtor received, and the case's
// visits and call tasks.
import { h, focusHeading, table, announce } from '../dom.js';
import { t, label } from '../i18n.js';
import { api, enc, ApiError } from '../api.js';
import { canAct } from '../session.js';
import { money, when, debtorWhen, date, statedLocal } from '../format.js';
import { statusBadge, page, loadError } from './common.js';
import { actionsFor, runAction } from './actions.js';
import { timelineRows } from './timeline.js';

let hideTimers = false;

export async function renderCase(main, caseId, { keepFocus = false } = {}) {
  if (!keepFocus) page(main, t('app.loading'));
  const base = `/api/cases/${enc(caseId)}`;
  let c, details, history, messages, work;
  try {
    [c, details, history, messages, work] = await Promise.all([
      api.get(base), api.get(`${base}/details`), api.get(`${base}/history`), api.get(`${base}/messages`), api.get(`${base}/work`)]);
  } catch (error) {
    page(main, t('cases.title'), backLink(), error instanceof ApiError && error.status === 404
      ? h('p', { class: 'form-errors', role: 'alert', text: t('case.notFound') }) : loadError(error));
    focusHeading(main);
    return;
  }

  const zone = details.debtorTimeZone;
  const lastSeq = history.reduce((max, e) => Math.max(max, e.seq), 0);
  const rerender = () => renderCase(main, caseId, { keepFocus: true });
  page(main, t('case.title', { account: c.accountId, invoice: c.invoiceId }),
    backLink(),
    h('div', { class: 'badges' }, statusBadge(c.status),
      c.flagged ? h('span', { class: 'badge flag', text: t('case.flagged') }) : null,
      c.disputed ? h('span', { class: 'badge flag', text: t('case.disputed') }) : null),
    stateCard(c, details, zone),
    canAct() ? actionsPanel(c, details, lastSeq, rerender) : null,
    timelineSection(history, caseId, zone, rerender),
    messagesSection(messages, zone),
    workSection(work));
  main.querySelector('h1').id = 'case-title';
  if (!keepFocus) focusHeading(main);
}

function backLink() {
  return h('p', {}, h('a', { href: '#/cases', class: 'back', text: `← ${t('case.back')}` }));
}

function stateCard(c, d, zone) {
  const claim = d.claim;
  const rows = [
    [t('field.outstanding'), [h('strong', { class: 'big', id: 'outstanding', text: money(c.outstanding) }),
      h('div', { class: 'claim', id: 'claim', text: t('case.claim', {
        principal: money(claim.principal), interest: money(claim.penaltyInterest), fees: money(claim.fees), total: money(claim.total), date: date(claim.asOf) }) })]],
    [t('field.status'), [h('span', { id: 'case-status', text: label('status', c.status) }),
      c.pausedUntil ? ` · ${t('field.pausedUntil')}: ${when(c.pausedUntil)}` : '',
      c.closedReason ? ` · ${label('closedReason', c.closedReason)}` : '']],
    [t('field.stage'), h('span', { id: 'case-stage', text: label('stage', c.stage) })],
    [t('field.nextAction'), c.nextAction
      ? [t('case.nextAt', { step: label('stage', c.nextAction.step), when: when(c.nextAction.dueAt) }),
        h('span', { class: 'local', text: ` · ${t('case.localTime', { time: statedLocal(c.nextAction.dueAt) })}` })]
      : t('case.noNext')],
    [t('field.policy'), t('case.policyVersion', { id: c.policy, version: c.policyVersion })],
    [t('field.debtorType'), h('span', { id: 'debtor-type', text: c.debtorType ? label('debtorType', c.debtorType) : t('case.unknownDebtorType') })],
    [t('field.promise'), h('span', { id: 'promise', text: d.promise ? t('case.promiseText', {
      amount: money(d.promise.amount), date: date(d.promise.date), paid: money(d.promise.paid), hold: when(d.promise.holdUntil) }) : t('case.noPromise') })],
    [t('field.plan'), h('span', { id: 'plan', text: d.plan ? t('case.planText', {
      count: d.plan.installments.length, paid: money(d.plan.paid),
      next: d.plan.installments[d.plan.nextInstallment]
        ? t('case.installment', { amount: money(d.plan.installments[d.plan.nextInstallment].amount), date: date(d.plan.installments[d.plan.nextInstallment].dueDate) })
        : '—' }) : t('case.noPromise') })],
    d.holdUntil ? [t('field.hold'), when(d.holdUntil)] : null,
    [t('field.amountDue'), `${money(c.amountDue)} · ${t('field.dueDate')}: ${date(c.dueDate)}`],
    [t('field.recovered'), money(c.recovered)],
    [t('field.dpd'), `${c.daysPastDue} · ${label('bucket', c.bucket)} · ${t('field.severity')}: ${label('severity', c.severity)}`],
    [t('field.debtor'), `${d.debtorName} · ${t('field.debtorTime')}: ${zone}`],
    d.optOuts.length ? [t('field.optOuts'), d.optOuts.map(ch => label('channel', ch)).join(', ')] : null,
  ].filter(Boolean);
  return h('section', { class: 'panel state-card', 'aria-labelledby': 'state-title' },
    h('h2', { id: 'state-title', text: t('case.state') }),
    h('dl', {}, rows.map(([term, value]) => [h('dt', { text: term }), h('dd', {}, value)])));
}

function actionsPanel(c, details, lastSeq, rerender) {
  const actions = actionsFor(c, details);
  const status = h('p', { id: 'action-status', class: 'action-status', role: 'status' });
  return h('section', { class: 'panel actions', 'aria-labelledby': 'actions-title' },
    h('h2', { id: 'actions-title', text: t('case.actions') }),
    h('div', { class: 'buttons' }, actions.map(action => h('button', {
      type: 'button', 'data-action': action.key, class: 'action',
      onclick: () => runAction(action, c, lastSeq, outcome => report(action, outcome, status, rerender, c.caseId)),
      text: t(`action.${action.key}`),
    }))),
    status);
}

function report(action, outcome, status, rerender, caseId) {
  const name = t(`action.${action.key}`);
  if (outcome.pending) {
    status.textContent = t('case.waiting');
    return;
  }

  const message = outcome.applied ? t('case.applied', { action: name })
    : outcome.timedOut ? t('case.notApplied', { action: name }) : t('case.rejected', { action: name, why: outcome.why });
  const showOutcome = () => {
    const fresh = document.getElementById('action-status');
    if (fresh) {
      fresh.textContent = message;
      fresh.dataset.outcome = outcome.applied ? 'applied' : 'rejected';
    }
  };
  rerender().then(() => {
    showOutcome();
    (document.querySelector(`[data-action="${action.key}"]`) ?? document.getElementById('actions-title'))?.focus?.();
    announce(message, outcome.applied ? 'info' : 'error');
    if (outcome.applied) keepUp(caseId, rerender, showOutcome);
  });
}

/**
 * An applied action's effects are carried out after it (a notice rendered and stored, a message sent), and their
 * follow-ups reach the timeline moments later: for a while the page shows them as they come, keeping the outcome line
 * and the focus, and leaving the page alone while a form is open or once the supervisor has moved on.
 */
async function keepUp(caseId, rerender, showOutcome, { forMs = 20000, everyMs = 1000 } = {}) {
  const route = location.hash;
  const lastSeq = async () => (await api.get(`/api/cases/${enc(caseId)}/history`)).reduce((max, e) => Math.max(max, e.seq), 0);
  const deadline = Date.now() + forMs;
  try {
    let seen = await lastSeq();
    while (Date.now() < deadline) {
      await new Promise(resolve => setTimeout(resolve, everyMs));
      if (location.hash !== route) return;
      const seq = await lastSeq();
      if (seq <= seen || document.querySelector('dialog[open]')) continue;
      seen = seq;
      const focused = document.activeElement?.dataset?.action;
      await rerender();
      showOutcome();
      if (focused) document.querySelector(`[data-action="${focused}"]`)?.focus?.();
    }
  } catch {
    // Keeping up is a courtesy: the page as shown stays correct for the moment it was read.
  }
}

function timelineSection(history, caseId, zone, rerender) {
  const toggle = h('input', { type: 'checkbox', id: 'hide-timers', checked: hideTimers });
  toggle.addEventListener('change', () => { hideTimers = toggle.checked; rerender(); });
  return h('section', { class: 'panel', 'aria-labelledby': 'timeline-title' },
    h('h2', { id: 'timeline-title', text: t('case.timeline') }),
    h('p', { class: 'check' }, toggle, h('label', { for: 'hide-timers', text: t('case.hideTimers') })),
    table({ text: t('case.timeline'), hidden: true },
      [t('timeline.when'), t('timeline.event'), t('timeline.actor'), t('timeline.detail')],
      timelineRows(history, caseId, zone, hideTimers), { class: 'timeline', id: 'timeline' }));
}

function messagesSection(messages, zone) {
  return h('section', { class: 'panel', 'aria-labelledby': 'messages-title' },
    h('h2', { id: 'messages-title', text: t('case.messages') }),
    messages.length === 0 ? h('p', { class: 'empty', text: t('case.noMessages') }) : table({ text: t('case.messages'), hidden: true },
      [t('messages.at'), t('messages.channel'), t('messages.to'), t('messages.text'), t('messages.status')],
      messages.map(m => [
        [h('time', { datetime: m.at, text: when(m.at) }), h('span', { class: 'local', text: t('case.localTime', { time: debtorWhen(m.at, zone) }) })],
        label('channel', m.channel),
        m.to,
        [m.subject ? h('strong', { text: m.subject }) : null, h('div', { class: 'message-body', text: m.body })],
        [m.status, m.detail ? ` (${m.detail})` : ''],
      ]), { class: 'messages', id: 'messages' }));
}

function workSection(work) {
  return h('section', { class: 'panel', 'aria-labelledby': 'work-title' },
    h('h2', { id: 'work-title', text: t('case.work') }),
    work.length === 0 ? h('p', { class: 'empty', text: t('case.noWork') }) : table({ text: t('case.work'), hidden: true },
      [t('work.kind'), t('work.when'), t('work.status'), t('work.outcome'), t('work.collector'), t('work.notes')],
      work.map(w => [
        label('channel', w.kind),
        [when(w.notBefore), h('span', { class: 'local', text: t('case.localTime', { time: debtorWhen(w.notBefore, w.timeZone) }) })],
        label('workStatus', w.status),
        w.outcome ? [label('outcome', w.outcome), w.promisedAmount != null ? ` · ${money({ amount: w.promisedAmount, currency: w.outstanding.currency })} ${date(w.promisedDate)}` : ''] : '—',
        w.completedBy ?? w.assignedCollector ?? '—',
        w.notes ?? w.cancelReason ?? '',
      ]), { class: 'work', id: 'case-work' }));
}
