// The supervisor actions on a case, each with a required reason. A form posts to the API; once accepted (202) the
// page waits for the case's history to show the action applied (or rejected, with the decider's reason).
import { h } from '../dom.js';
import { t, label } from '../i18n.js';
import { api, enc, waitFor } from '../api.js';
import { openForm, valueOf, numberOf, orNull, renderField } from '../forms.js';
import { debtorTypes } from './common.js';

const reasonField = () => ({ name: 'reason', label: t('action.reason'), type: 'textarea', rows: 2 });

/** Each action: when it is offered, its form, the body it sends, and the events that show it applied. */
export function actionsFor(c, details) {
  const currency = c.outstanding.currency;
  const open = c.status === 'Active' || c.status === 'Paused';
  return [
    {
      key: 'pause', when: c.status === 'Active', events: ['CasePaused'], command: 'PauseCase',
      fields: () => [{ name: 'until', label: t('action.until'), type: 'datetime-local' }, reasonField()],
      build: f => ({ reason: valueOf(f, 'reason'), until: valueOf(f, 'until') ? new Date(valueOf(f, 'until')).toISOString() : null }),
    },
    {
      key: 'resume', when: c.status === 'Paused', events: ['CaseResumed'], command: 'ResumeCase',
      fields: () => [reasonField()],
      build: f => ({ reason: valueOf(f, 'reason') }),
    },
    {
      key: 'escalate', when: c.status === 'Active', events: ['CaseEscalated'], command: 'EscalateCase',
      fields: () => [{ name: 'toStep', label: t('action.toStep'), type: 'select',
        options: [{ value: '', label: t('action.nextStep') }, ...details.policy.steps.map(s => ({ value: s, label: label('stage', s) }))] }, reasonField()],
      build: f => ({ reason: valueOf(f, 'reason'), toStep: orNull(valueOf(f, 'toStep')) }),
    },
    {
      key: 'promise', when: open, events: ['PromiseRecorded'], command: 'RecordPromise',
      fields: () => [
        { name: 'amount', label: t('action.amount', { currency }), type: 'number', step: '0.01', min: 0, inputmode: 'decimal' },
        { name: 'date', label: t('action.date'), type: 'date' }, reasonField()],
      build: f => ({ reason: valueOf(f, 'reason'), amount: numberOf(f, 'amount'), date: orNull(valueOf(f, 'date')) }),
    },
    {
      key: 'plan', when: open, events: ['PlanAgreed'], command: 'AgreePlan',
      fields: () => [...installmentFields(0, currency), ...installmentFields(1, currency),
        { name: 'installments', label: t('action.installments'), type: 'group' }, reasonField()],
      build: f => ({ reason: valueOf(f, 'reason'), installments: installmentsOf(f) }),
      extend: form => addInstallmentButton(form, currency),
    },
    {
      key: 'classify', when: open, events: ['DebtorClassified'], command: 'ClassifyDebtor',
      fields: () => [
        { name: 'willingness', label: t('action.willingness'), type: 'select',
          options: [{ value: '', label: t('action.choose') }, ...['Willing', 'Unwilling'].map(v => ({ value: v, label: label('willingness', v) }))],
          value: details && c.debtorType ? (c.debtorType.startsWith('Willing') ? 'Willing' : 'Unwilling') : '' },
        { name: 'ability', label: t('action.ability'), type: 'select',
          options: [{ value: '', label: t('action.choose') }, ...['Able', 'Unable'].map(v => ({ value: v, label: label('ability', v) }))],
          value: c.debtorType && debtorTypes.includes(c.debtorType) ? (c.debtorType.endsWith('Unable') ? 'Unable' : 'Able') : '' },
        reasonField()],
      build: f => ({ reason: valueOf(f, 'reason'), willingness: orNull(valueOf(f, 'willingness')), ability: orNull(valueOf(f, 'ability')) }),
    },
    {
      key: 'close', when: c.status !== 'Closed', events: ['CaseClosed'], command: 'CloseCase',
      fields: () => [{ name: 'closedReason', label: t('action.closedReason'), type: 'select',
        options: [{ value: '', label: t('action.choose') }, ...['Settled', 'WrittenOff', 'Cancelled'].map(v => ({ value: v, label: label('closedReason', v) }))] },
      reasonField()],
      build: f => ({ reason: valueOf(f, 'reason'), closedReason: orNull(valueOf(f, 'closedReason')) }),
    },
  ].filter(a => a.when);
}

function installmentFields(i, currency) {
  return [
    { name: `installments[${i}].dueDate`, label: t('action.installmentDate', { n: i + 1 }), type: 'date' },
    { name: `installments[${i}].amount`, label: t('action.installmentAmount', { n: i + 1, currency }), type: 'number', step: '0.01', min: 0, inputmode: 'decimal' },
  ];
}

function installmentsOf(form) {
  const list = [];
  for (let i = 0; form.elements.namedItem(`installments[${i}].dueDate`); i++) {
    const dueDate = orNull(valueOf(form, `installments[${i}].dueDate`));
    const amount = numberOf(form, `installments[${i}].amount`);
    if (dueDate !== null || amount !== null) list.push({ dueDate, amount });
  }
  return list;
}

function addInstallmentButton(form, currency) {
  const holder = form.querySelector('.fields');
  const hidden = holder.querySelector('[data-wrapper="installments"]');
  const button = h('button', { type: 'button', text: t('action.addInstallment') });
  button.addEventListener('click', () => {
    let n = 0;
    while (form.elements.namedItem(`installments[${n}].dueDate`)) n++;
    const added = installmentFields(n, currency).map(renderField);
    hidden.before(...added);
    added[0].querySelector('input').focus();
  });
  hidden.before(button);
}

/**
 * Opens the action's form; once the API accepts it, waits (with a deadline) until the history shows it applied or
 * rejected, then calls done(outcome) with { applied, why }.
 */
export function runAction(action, c, lastSeq, done) {
  const { form } = openForm({
    id: action.key,
    title: t(`action.${action.key}`),
    fields: action.fields(),
    build: action.build,
    send: async body => {
      await api.post(`/api/cases/${enc(c.caseId)}/${action.key}`, body);
      done({ pending: true });
      waitForHistory(action, c, lastSeq).then(done);
    },
  });
  action.extend?.(form);
}

async function waitForHistory(action, c, lastSeq) {
  const outcome = await waitFor(async () => {
    const history = await api.get(`/api/cases/${enc(c.caseId)}/history`);
    const fresh = history.filter(e => e.seq > lastSeq);
    const applied = fresh.find(e => action.events.includes(e.type));
    const rejected = fresh.find(e => e.type === 'CommandRejected' && e.data.command === action.command);
    return applied ? { applied: true } : rejected ? { applied: false, why: rejected.data.why } : null;
  });
  return outcome ?? { applied: false, timedOut: true };
}
