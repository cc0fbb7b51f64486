// Boots the console: language, configuration, sign-in state, then a small hash router over the views.
import { h, clear } from './dom.js';
import { initLanguage, setLanguage, language, languages, t } from './i18n.js';
import { whenUnauthorized, api } from './api.js';
import { signedIn, me, signOut, rememberToken, rememberMe } from './session.js';
import { completeEntraSignIn } from './entra.js';
import { supervisorZone } from './format.js';
import { renderSignIn } from './views/signin.js';
import { renderCases } from './views/cases.js';
import { renderCase } from './views/case.js';
import { renderWork } from './views/work.js';
import { renderMetrics } from './views/metrics.js';

const main = document.getElementById('main');
let config = { entra: null };

const routes = [
  { pattern: /^#\/cases\/([^/?]+)$/, view: (m) => renderCase(main, decodeURIComponent(m[1])) },
  { pattern: /^#\/cases(?:\?(.*))?$/, view: (m) => renderCases(main, new URLSearchParams(m[1] ?? '')) },
  { pattern: /^#\/work$/, view: () => renderWork(main) },
  { pattern: /^#\/metrics$/, view: () => renderMetrics(main) },
];

async function boot() {
  initLanguage();
  try {
    config = await (await fetch('/console/config.json', { cache: 'no-store' })).json();
  } catch {
    config = { entra: null };
  }

  whenUnauthorized(() => {
    signOut();
    sessionStorage.setItem('dunning.notice', t('error.signedOut'));
    location.hash = '#/signin';
  });

  try {
    const token = await completeEntraSignIn(config.entra);
    if (token) {
      rememberToken(token);
      rememberMe(await api.get('/api/me'));
      location.hash = '#/cases';
    }
  } catch (error) {
    sessionStorage.setItem('dunning.notice', t('signin.entraFailed', { detail: error.message }));
  }

  window.addEventListener('hashchange', route);
  route();
}

function route() {
  renderChrome();
  const hash = location.hash || '#/cases';
  if (!signedIn()) {
    renderSignIn(main, config, () => { location.hash = '#/cases'; route(); });
    return;
  }

  if (hash === '#/signin') {
    location.hash = '#/cases';
    return;
  }

  const match = routes.map(r => ({ r, m: r.pattern.exec(hash) })).find(x => x.m);
  (match ? match.r.view(match.m) : renderCases(main, new URLSearchParams()));
}

/** Header: navigation (current page marked), who is signed in, the language switch, sign-out. */
function renderChrome() {
  document.getElementById('skip-link').textContent = t('app.skip');
  document.getElementById('brand').textContent = t('app.title');
  const nav = clear(document.getElementById('nav'));
  nav.setAttribute('aria-label', t('nav.main'));
  const session = clear(document.getElementById('session'));
  const hash = location.hash || '#/cases';
  if (signedIn()) {
    const links = [['#/cases', 'nav.cases'], ['#/work', 'nav.work'], ['#/metrics', 'nav.metrics']];
    nav.append(h('ul', {}, links.map(([href, key]) =>
      h('li', {}, h('a', { href, 'aria-current': hash.startsWith(href) ? 'page' : null, text: t(key) })))));
    const who = me();
    session.append(
      h('span', { class: 'who', text: t('session.signedInAs', { name: who.name, roles: who.roles.map(r => t(`role.${r}`)).join(', ') }) }),
      h('span', { class: 'zone', text: t('session.zone', { zone: supervisorZone }) }));
  }

  const select = h('select', { id: 'language', 'aria-label': t('session.language') },
    languages.map(l => h('option', { value: l.code, selected: l.code === language(), lang: l.code, text: l.name })));
  select.addEventListener('change', () => { setLanguage(select.value); route(); });
  session.append(select);
  if (signedIn()) {
    session.append(h('button', { type: 'button', class: 'link-button', onclick: () => { signOut(); location.hash = '#/signin'; route(); }, text: t('session.signOut') }));
  }
}

boot();
