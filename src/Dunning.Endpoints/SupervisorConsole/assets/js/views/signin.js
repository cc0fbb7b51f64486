// Sign-in: an API key (checked with GET /api/me, then kept for this tab), or Entra ID where configured.
import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { rememberKey, rememberMe } from '../session.js';
import { startEntraSignIn } from '../entra.js';

export function renderSignIn(main, config, done) {
  clear(main);
  const notice = sessionStorage.getItem('dunning.notice');
  sessionStorage.removeItem('dunning.notice');
  const error = h('p', { class: 'form-errors', id: 'signin-error', role: 'alert', hidden: !notice, text: notice ?? '' });
  const key = h('input', { id: 'api-key', name: 'apiKey', type: 'password', autocomplete: 'off', 'aria-describedby': 'signin-error', required: true });
  const form = h('form', { class: 'signin', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'api-key', text: t('signin.key') }), key),
    h('button', { type: 'submit', class: 'primary', text: t('signin.submit') }));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const value = key.value.trim();
    if (!value) {
      fail(t('signin.noKey'));
      return;
    }
    try {
      const who = await api.getWith('/api/me', { 'X-Api-Key': value });
      rememberKey(value);
      rememberMe(who);
      done();
    } catch (e) {
      fail(e instanceof ApiError && e.status === 401 ? t('signin.badKey') : t('signin.failed', { detail: e.message }));
    }
  });

  function fail(message) {
    error.textContent = message;
    error.hidden = false;
    key.setAttribute('aria-invalid', 'true');
    key.focus();
  }

  main.append(h('section', { class: 'panel narrow' },
    h('h1', { text: t('signin.title') }),
    h('p', { text: t('signin.intro') }),
    error,
    form,
    config.entra ? [h('p', { class: 'or', text: t('signin.or') }),
      h('button', { type: 'button', id: 'entra-signin', onclick: () => startEntraSignIn(config.entra), text: t('signin.entra') })] : null));
  key.focus();
}
