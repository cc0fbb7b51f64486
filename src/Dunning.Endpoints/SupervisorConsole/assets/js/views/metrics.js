// Metrics: recovery rate per currency, promise-kept rate, and cases and outstanding amounts by stage and bucket.
import { h, focusHeading } from '../dom.js';
import { t, label } from '../i18n.js';
import { api } from '../api.js';
import { money, percent, when } from '../format.js';
import { barChart } from '../charts.js';
import { page, loadError } from './common.js';

let chosenCurrency = null;

export async function renderMetrics(main) {
  page(main, t('metrics.title'), h('p', { text: t('app.loading') }));
  let metrics, breakdown;
  try {
    [metrics, breakdown] = await Promise.all([api.get('/api/metrics'), api.get('/api/metrics/breakdown')]);
  } catch (error) {
    page(main, t('metrics.title'), loadError(error));
    return;
  }

  const currencies = metrics.currencies.map(c => c.currency);
  if (!currencies.includes(chosenCurrency)) chosenCurrency = currencies.includes('CNY') ? 'CNY' : currencies[0] ?? null;
  const amounts = h('div', { class: 'chart-pair', id: 'amount-charts' });
  const drawAmounts = () => amounts.replaceChildren(...amountCharts(breakdown, chosenCurrency));
  const picker = h('select', { id: 'metrics-currency' }, currencies.map(c => h('option', { value: c, selected: c === chosenCurrency, text: c })));
  picker.addEventListener('change', () => { chosenCurrency = picker.value; drawAmounts(); });
  drawAmounts();

  page(main, t('metrics.title'),
    h('p', { class: 'muted', text: `${t('metrics.asOf', { when: when(metrics.asOf) })} · ${t('metrics.total', { count: metrics.cases })}` }),
    h('div', { class: 'chart-pair' },
      barChart(t('metrics.recovery'), metrics.currencies.map(c => ({
        label: c.currency, value: c.recoveryRate, text: `${percent(c.recoveryRate)} (${money(c.recovered)} / ${money(c.amountDue)})` })), { max: 1, id: 'chart-recovery' }),
      metrics.promiseKeptRate === null
        ? h('figure', { class: 'chart-figure', id: 'chart-promises' }, h('figcaption', { text: t('metrics.promiseKept') }), h('p', { class: 'empty', text: t('metrics.noPromises') }))
        : barChart(t('metrics.promiseKept'), [{ label: t('metrics.promiseKept'), value: metrics.promiseKeptRate, text: percent(metrics.promiseKeptRate) }], { max: 1, id: 'chart-promises' })),
    h('div', { class: 'chart-pair' },
      barChart(t('metrics.casesByStage'), breakdown.byStage.map(g => ({ label: label('stage', g.key), value: g.cases, text: String(g.cases) })), { id: 'chart-stage' }),
      barChart(t('metrics.casesByBucket'), breakdown.byBucket.map(g => ({ label: label('bucket', g.key), value: g.cases, text: String(g.cases) })), { id: 'chart-bucket' })),
    currencies.length ? h('p', { class: 'field inline' }, h('label', { for: 'metrics-currency', text: t('metrics.currency') }), picker) : null,
    amounts);
  focusHeading(main);
}

function amountCharts(breakdown, currency) {
  if (!currency) return [h('p', { class: 'empty', text: t('metrics.noAmounts') })];
  const amountOf = g => g.outstanding.find(m => m.currency === currency)?.amount ?? 0;
  const bars = (groups, group) => groups.map(g => ({ label: label(group, g.key), value: amountOf(g), text: money({ amount: amountOf(g), currency }) }));
  return [
    barChart(t('metrics.amountsByStage', { currency }), bars(breakdown.byStage, 'stage'), { id: 'chart-stage-amounts' }),
    barChart(t('metrics.amountsByBucket', { currency }), bars(breakdown.byBucket, 'bucket'), { id: 'chart-bucket-amounts' }),
  ];
}
