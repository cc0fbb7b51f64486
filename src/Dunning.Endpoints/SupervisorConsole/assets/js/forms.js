// Action forms in a modal <dialog>: labelled fields, and the API's problem details shown field by field. Forms are
// sent as they are (novalidate): the service decides what is valid and says why, in the page's place for each field.
import { h, uid, clear } from './dom.js';
import { t } from './i18n.js';
import { ApiError } from './api.js';

/**
 * Opens a form. fields: [{ name, label, type, options, value, rows, min, step }] where name is the API's field name
 * (errors for it appear under it) and type is text | textarea | select | number | date | datetime-local | checkbox.
 * build(form) returns the request body; send(body) posts it and resolves once accepted (202).
 */
export function openForm({ title, fields, submitLabel = t('action.submit'), build, send, id }) {
  const titleId = uid('form-title');
  const summary = h('div', { class: 'form-errors', role: 'alert', hidden: true });
  const form = h('form', { novalidate: true, class: 'action-form', 'data-form': id ?? '' });
  const body = h('div', { class: 'fields' });
  fields.forEach(field => body.append(renderField(field)));
  const submit = h('button', { type: 'submit', class: 'primary', text: submitLabel });
  const cancel = h('button', { type: 'button', text: t('action.cancel') });
  const dialog = h('dialog', { 'aria-labelledby': titleId, class: 'action-dialog' },
    form);
  form.append(h('h2', { id: titleId, text: title }), summary, body, h('div', { class: 'buttons' }, submit, cancel));

  cancel.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form, summary);
    submit.disabled = true;
    try {
      await send(build(form));
      dialog.close();
    } catch (error) {
      showErrors(form, summary, error);
    } finally {
      submit.disabled = false;
    }
  });

  document.body.append(dialog);
  dialog.showModal();
  form.querySelector('input, select, textarea')?.focus();
  return { dialog, form };
}

export function renderField(field) {
  const inputId = uid(`f-${field.name.replace(/[^\w]/g, '-')}`);
  const errorId = `${inputId}-error`;
  const common = { id: inputId, name: field.name, 'data-field': field.name.toLowerCase(), 'aria-describedby': errorId };
  let input;
  switch (field.type) {
    case 'textarea':
      input = h('textarea', { ...common, rows: field.rows ?? 3 });
      if (field.value) input.value = field.value;
      break;
    case 'select':
      input = h('select', common,
        field.options.map(o => h('option', { value: o.value, selected: o.value === field.value, text: o.label })));
      break;
    case 'group':
      // A place for errors about a list as a whole (e.g. "installments"): focusable, labelled, not an input.
      input = h('div', { ...common, role: 'group', tabindex: '-1', 'aria-label': field.label });
      break;
    case 'checkbox':
      input = h('input', { ...common, type: 'checkbox', checked: field.value === true });
      break;
    default:
      input = h('input', { ...common, type: field.type ?? 'text', value: field.value, min: field.min, step: field.step, inputmode: field.inputmode });
  }

  const error = h('p', { class: 'field-error', id: errorId, hidden: true });
  const wrapper = h('div', { class: `field field-${field.type ?? 'text'}`, 'data-wrapper': field.name.toLowerCase() });
  if (field.type === 'checkbox') {
    wrapper.append(h('span', { class: 'check' }, input, h('label', { for: inputId, text: field.label })), error);
  } else if (field.type === 'group') {
    wrapper.append(input, error);
  } else {
    wrapper.append(h('label', { for: inputId, text: field.label }), input, error);
  }
  if (field.onchange) input.addEventListener('change', () => field.onchange(input));
  return wrapper;
}

/** The value of the named control, '' when absent. */
export function valueOf(form, name) {
  const control = form.elements.namedItem(name);
  if (!control) return '';
  return control.type === 'checkbox' ? control.checked : control.value.trim();
}

/** A number typed in the form, or null (which the service answers with a field error). */
export function numberOf(form, name) {
  const text = valueOf(form, name);
  if (text === '') return null;
  const number = Number(text);
  return Number.isFinite(number) ? number : null;
}

export function orNull(text) {
  return text === '' ? null : text;
}

function clearErrors(form, summary) {
  summary.hidden = true;
  clear(summary);
  form.querySelectorAll('.field-error').forEach(p => { p.hidden = true; p.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach(el => el.removeAttribute('aria-invalid'));
}

/** Puts each of the problem's field errors under its field; errors for fields the form lacks go in the summary. */
export function showErrors(form, summary, error) {
  const lines = [];
  if (error instanceof ApiError && error.status === 400 && Object.keys(error.fieldErrors).length > 0) {
    lines.push(t('action.formErrors'));
    for (const [field, messages] of Object.entries(error.fieldErrors)) {
      const control = form.querySelector(`[data-field="${CSS.escape(field.toLowerCase())}"]`);
      if (control) {
        const p = document.getElementById(control.getAttribute('aria-describedby'));
        p.textContent = messages.join(' ');
        p.hidden = false;
        if (control.matches('input, select, textarea')) control.setAttribute('aria-invalid', 'true');
      } else {
        lines.push(`${field}: ${messages.join(' ')}`);
      }
    }
    // Focus the first field in the form's own order, whatever order the service listed them in.
    form.querySelector('[aria-invalid="true"], [data-field]:not(input):not(select):not(textarea):has(+ .field-error:not([hidden]))')?.focus();
  } else if (error instanceof ApiError && error.status === 403) {
    lines.push(t('action.forbidden'));
  } else {
    lines.push(t('action.failed', { detail: error.message }));
  }
  summary.append(...lines.map(line => h('p', { text: line })));
  summary.hidden = false;
}
