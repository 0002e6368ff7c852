// /bilan: the Région's report of a territory or of the region (issue 18, items 3 and 4): dashboards
// over any period, each chart with its data table beside it, and the annual report to download.
import { html, nothing } from 'lit';
import { LightElement, state } from '../../components/light-element.js';
import { formatNumber, lang } from '../../i18n/index.js';
import { call, currentAccount, toSignIn } from '../planning/http.js';
import { bt } from './messages.js';
import { bars, groupedColumns, network, stackedColumns, trendLine } from './charts.js';
import '../bar.js';

const PARIS = 'Europe/Paris';

function parisYear() {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone: PARIS, year: 'numeric' }).format(new Date()));
}

function monthLabel(ym) {
  const [y, m] = ym.split('-').map(Number);
  return new Intl.DateTimeFormat(lang, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

function dayLabel(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

const avg = (v) => (v === null || v === undefined ? '—' : bt('bi.outOf5', { value: formatNumber(v, 1) }));
const num = (v) => formatNumber(v);

class BilanApp extends LightElement {
  static properties = state({
    _account: undefined, _mode: 'loading', _scopes: null, _scope: '', _year: 0, _from: '', _to: '', _bilan: null, _error: '',
  });

  constructor() {
    super();
    this._year = parisYear();
    this._from = `${this._year}-01-01`;
    this._to = `${this._year}-12-31`;
    this._start();
  }

  async _start() {
    this._account = await currentAccount();
    if (!this._account) {
      this._mode = 'signedOut';
      return;
    }
    if (this._account.role !== 'coordinator' && this._account.role !== 'admin') {
      this._mode = 'forbidden';
      return;
    }
    try {
      this._scopes = await call('/api/workspace/bilan/scopes');
      if (!this._scopes.region && this._scopes.territories.length === 1) this._scope = this._scopes.territories[0].id;
    } catch (error) {
      this._error = error.message || bt('bi.error');
    }
    await this._load();
  }

  _query() {
    const q = new URLSearchParams();
    if (this._scope) q.set('territory', this._scope);
    q.set('from', this._from);
    q.set('to', this._to);
    return q.toString();
  }

  async _load() {
    this._mode = this._bilan ? 'ready' : 'loading';
    try {
      this._bilan = await call(`/api/workspace/bilan?${this._query()}`);
      this._error = '';
    } catch (error) {
      this._error = error.message || bt('bi.error');
    }
    this._mode = 'ready';
  }

  _pickYear(value) {
    this._year = Number(value);
    if (this._year) {
      this._from = `${this._year}-01-01`;
      this._to = `${this._year}-12-31`;
    }
  }

  render() {
    return html`
      <a class="skip-link" href="#main">${bt('bi.skip')}</a>
      <workspace-bar class="no-print" .account=${this._account}></workspace-bar>
      <main id="main" class="synthesis bilan">${this._body()}</main>
    `;
  }

  _body() {
    if (this._mode === 'loading') return html`<h1>${bt('bi.title')}</h1><p class="muted" role="status">${bt('bi.loading')}</p>`;
    if (this._mode === 'signedOut') {
      return html`<section class="panel"><h1 class="panel__title">${bt('bi.title')}</h1>
        <p data-testid="bi-signed-out">${bt('bi.signedOut')}</p>
        <button type="button" class="btn btn--primary" @click=${toSignIn}>${bt('bi.signIn')}</button></section>`;
    }
    if (this._mode === 'forbidden') {
      return html`<section class="panel"><h1 class="panel__title">${bt('bi.title')}</h1><p data-testid="bi-forbidden">${bt('bi.forbidden')}</p></section>`;
    }
    const b = this._bilan;
    return html`
      <p class="eyebrow">${bt('bi.eyebrow')}</p>
      <h1>${bt('bi.title')}</h1>
      ${this._controls()}
      ${this._error ? html`<p class="notice notice--error" role="alert" data-testid="bi-error">${this._error}</p>` : nothing}
      ${b ? this._report(b) : nothing}
    `;
  }

  _controls() {
    const years = [];
    for (let y = parisYear(); y >= parisYear() - 5; y--) years.push(y);
    const s = this._scopes ?? { region: false, territories: [] };
    return html`<form class="panel bilan__controls no-print" aria-labelledby="bi-choose" @submit=${(e) => { e.preventDefault(); this._load(); }}>
      <h2 id="bi-choose" class="visually-hidden">${bt('bi.choose')}</h2>
      <div class="field"><label for="bi-scope">${bt('bi.scope')}</label>
        <select id="bi-scope" data-testid="bi-scope" @change=${(e) => (this._scope = e.target.value)}>
          ${s.region ? html`<option value="" ?selected=${this._scope === ''}>${bt('bi.region')}</option>`
            : s.territories.length > 1 ? html`<option value="" ?selected=${this._scope === ''}>${bt('bi.mine')}</option>` : nothing}
          ${s.territories.map((t) => html`<option value=${t.id} ?selected=${this._scope === t.id}>${t.name}</option>`)}
        </select></div>
      <div class="field"><label for="bi-year">${bt('bi.year')}</label>
        <select id="bi-year" data-testid="bi-year" @change=${(e) => this._pickYear(e.target.value)}>
          ${years.map((y) => html`<option value=${y} ?selected=${this._year === y}>${y}</option>`)}
          <option value="0" ?selected=${this._year === 0}>${bt('bi.anyPeriod')}</option>
        </select></div>
      <div class="field"><label for="bi-from">${bt('bi.from')}</label>
        <input id="bi-from" type="date" data-testid="bi-from" .value=${this._from} @input=${(e) => { this._from = e.target.value; this._year = 0; }} /></div>
      <div class="field"><label for="bi-to">${bt('bi.to')}</label>
        <input id="bi-to" type="date" data-testid="bi-to" .value=${this._to} @input=${(e) => { this._to = e.target.value; this._year = 0; }} /></div>
      <button type="submit" class="btn btn--primary" data-testid="bi-apply">${bt('bi.apply')}</button>
      <p class="hint bilan__zone">${bt('bi.paris')}</p>
    </form>`;
  }

  _report(b) {
    const q = this._query();
    const t = b.totals;
    return html`
      <p class="bilan__period" data-testid="bi-period">${bt('bi.period', { scope: b.scopeName, from: dayLabel(b.from), to: dayLabel(b.to) })}</p>
      <nav class="panel bilan__downloads no-print" aria-labelledby="bi-dl"><h2 id="bi-dl" class="panel__title">${bt('bi.downloads')}</h2>
        <a class="btn btn--secondary" data-testid="bi-xlsx" href="/api/workspace/bilan.xlsx?${q}" download>${bt('bi.xlsx')}</a>
        <a class="btn btn--secondary" data-testid="bi-pdf" href="/api/workspace/bilan.pdf?${q}" download>${bt('bi.pdf')}</a>
        <a class="btn btn--secondary" data-testid="bi-csv" href="/api/workspace/bilan.csv?${q}" download>${bt('bi.csv')}</a>
        <a class="btn btn--secondary" href="/api/workspace/bilan-seances.csv?${q}" download>${bt('bi.sessionsCsv')}</a>
      </nav>
      <section class="panel" aria-labelledby="bi-key"><h2 id="bi-key" class="panel__title">${bt('bi.key')}</h2>
        <dl class="facts" data-testid="bi-totals">
          <div><dt>${bt('bi.sessions')}</dt><dd data-testid="bi-sessions">${num(t.sessions)}</dd></div>
          <div><dt>${bt('bi.devices')}</dt><dd data-testid="bi-devices">${num(t.devices)}</dd></div>
          <div><dt>${bt('bi.people')}</dt><dd data-testid="bi-people">${num(t.people)}</dd></div>
          <div><dt>${bt('bi.ratings')}</dt><dd>${num(t.ratings)}</dd></div>
          <div><dt>${bt('bi.satisfaction')}</dt><dd data-testid="bi-satisfaction">${avg(t.satisfaction)}</dd></div>
          <div><dt>${bt('bi.bySystem')}</dt><dd>${num(t.closedBySystem)}</dd></div>
        </dl>
        <p class="hint">${bt('bi.peopleHint')}</p>
      </section>
      ${this._months(b)}
      ${this._participants(b)}
      ${b.territoryId ? nothing : this._territories(b)}
      ${this._publics(b)}
      ${this._structures(b)}
      ${this._satisfaction(b)}
      ${this._impact(b)}
      ${this._cards(b)}
      ${this._actions(b)}`;
  }

  _section(id, title, charts, tables, lead, wide = false) {
    return html`<section class="panel bilan__section" aria-labelledby=${id} data-testid=${id}>
      <h2 id=${id} class="panel__title">${title}</h2>
      ${lead ? html`<p class="hint">${lead}</p>` : nothing}
      <div class="bilan__pair ${wide ? 'bilan__pair--stacked' : ''}">${charts}<div class="bilan__tables">${tables}</div></div>
    </section>`;
  }

  _chart(title, option, testId) {
    return html`<bilan-chart class="bilan__chart" role="img" data-testid=${testId} aria-label=${bt('bi.chartOf', { title })} .option=${option}></bilan-chart>`;
  }

  _table(caption, headers, rows, testId) {
    if (rows.length === 0) return html`<p class="muted">${bt('bi.none')}</p>`;
    return html`<table class="table" data-testid=${testId || nothing}><caption>${caption}</caption>
      <thead><tr>${headers.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
      <tbody>${rows.map((r) => html`<tr><th scope="row">${r[0]}</th>${r.slice(1).map((c) => html`<td>${c}</td>`)}</tr>`)}</tbody>
    </table>`;
  }

  _months(b) {
    const months = [...new Set(b.months.map((m) => m.month))];
    const formats = [...new Map(b.months.map((m) => [m.format, m.formatTitle])).entries()];
    const cell = (month, format) => b.months.find((m) => m.month === month && m.format === format)?.sessions ?? 0;
    const series = formats.map(([f, title]) => ({ name: title, data: months.map((m) => cell(m, f)) }));
    const title = bt('bi.months.title');
    const rows = months.map((m) => [monthLabel(m), ...formats.map(([f]) => num(cell(m, f))), num(formats.reduce((s, [f]) => s + cell(m, f), 0))]);
    return this._section('bi-months', title, months.length ? this._chart(title, stackedColumns(months.map(monthLabel), series), 'bi-chart-months') : nothing,
      this._table(title, [bt('bi.month'), ...formats.map(([, x]) => x), bt('bi.total')], rows, 'bi-table-months'), '', formats.length > 2);
  }

  _participants(b) {
    const title = bt('bi.people.title');
    const option = groupedColumns(b.formats.map((f) => f.formatTitle), [
      { name: bt('bi.devices'), data: b.formats.map((f) => f.devices) }, { name: bt('bi.people'), data: b.formats.map((f) => f.people) }]);
    const rows = b.formats.map((f) => [f.formatTitle, num(f.sessions), num(f.devices), num(f.people), avg(f.satisfaction)]);
    return this._section('bi-participants', title, b.formats.length ? this._chart(title, option, 'bi-chart-people') : nothing,
      this._table(title, [bt('bi.format'), bt('bi.sessions'), bt('bi.devices'), bt('bi.people'), bt('bi.satisfaction')], rows, 'bi-table-formats'), '', true);
  }

  _territories(b) {
    const title = bt('bi.territories.title');
    const option = bars(b.territories.map((x) => x.name), [{ name: bt('bi.sessions'), data: b.territories.map((x) => x.sessions) }]);
    const rows = b.territories.map((x) => [x.name, num(x.sessions), num(x.people), avg(x.satisfaction)]);
    return this._section('bi-territories', title, b.territories.length ? this._chart(title, option, 'bi-chart-territories') : nothing,
      this._table(title, [bt('bi.territory'), bt('bi.sessions'), bt('bi.people'), bt('bi.satisfaction')], rows));
  }

  _publics(b) {
    const title = bt('bi.publics.title');
    const option = bars(b.publics.map((p) => p.label), [{ name: bt('bi.sessions'), data: b.publics.map((p) => p.count) }]);
    const rows = b.publics.map((p) => [p.label, num(p.count), num(p.people)]);
    return this._section('bi-publics', title, b.publics.length ? this._chart(title, option, 'bi-chart-publics') : nothing,
      this._table(title, [bt('bi.public'), bt('bi.sessions'), bt('bi.people')], rows, 'bi-table-publics'));
  }

  _structures(b) {
    const title = bt('bi.structures.title');
    const met = b.structures.slice(0, 40);
    const ids = new Set(met.map((s) => s.id));
    const option = network(met, b.meetings.filter((m) => ids.has(m.a) && ids.has(m.b)));
    return this._section('bi-structures', title, met.length ? this._chart(bt('bi.network'), option, 'bi-chart-network') : nothing, html`
      ${this._table(bt('bi.structure'), [bt('bi.structure'), bt('bi.kind'), bt('bi.sessions')],
        b.structures.map((s) => [s.name, s.kind || '—', num(s.sessions)]), 'bi-table-structures')}
      ${this._table(bt('bi.together'), [bt('bi.structure'), bt('bi.with'), bt('bi.together')],
        b.meetings.slice(0, 100).map((m) => [m.aName, m.bName, num(m.sessions)]), 'bi-table-meetings')}`, bt('bi.structures.lead'));
  }

  _satisfaction(b) {
    const title = bt('bi.satisfaction.title');
    const any = b.totals.ratings > 0;
    const charts = any ? html`<div class="bilan__charts">
        ${this._chart(bt('bi.distribution'), groupedColumns(b.satisfaction.map((c) => c.label), [{ name: bt('bi.ratings'), data: b.satisfaction.map((c) => c.count) }]), 'bi-chart-scores')}
        ${this._chart(bt('bi.trend'), trendLine(b.trend.map((m) => monthLabel(m.month)), bt('bi.satisfaction'), b.trend.map((m) => m.average)), 'bi-chart-trend')}</div>` : nothing;
    return this._section('bi-satisfaction', title, charts, html`
      ${this._table(bt('bi.distribution'), [bt('bi.score'), bt('bi.ratings')], any ? b.satisfaction.map((c) => [c.label, num(c.count)]) : [], 'bi-table-scores')}
      ${this._table(bt('bi.trend'), [bt('bi.month'), bt('bi.ratings'), bt('bi.satisfaction')], b.trend.filter((m) => m.ratings > 0).map((m) => [monthLabel(m.month), num(m.ratings), avg(m.average)]))}`);
  }

  _impact(b) {
    const questions = [...new Map(b.impacts.map((q) => [q.questionId, q.question])).entries()];
    const signed = (v) => (v === null || v === undefined ? '—' : `${v > 0 ? '+' : ''}${formatNumber(v, 1)}`);
    const body = questions.length === 0 ? html`<p class="muted">${bt('bi.none')}</p>` : questions.map(([id, text], i) => {
      const rows = b.impacts.filter((q) => q.questionId === id);
      const option = groupedColumns(rows.map((q) => q.formatTitle), [
        { name: bt('bi.impact.before'), data: rows.map((q) => q.before) }, { name: bt('bi.impact.after'), data: rows.map((q) => q.after) }]);
      return html`<h3 class="bilan__question">${text}</h3>
        <div class="bilan__pair bilan__pair--stacked">
          ${this._chart(bt('bi.impact.chart', { question: text }), { ...option, yAxis: { type: 'value', min: 0, max: 5, interval: 1 } }, `bi-chart-impact-${i}`)}
          <div class="bilan__tables">${this._table(text, [bt('bi.format'), bt('bi.sessions'), bt('bi.impact.beforeAnswers'), bt('bi.impact.before'),
            bt('bi.impact.afterAnswers'), bt('bi.impact.after'), bt('bi.impact.change'), ...[1, 2, 3, 4, 5].map((n) => bt('bi.impact.score', { n }))],
          rows.map((q) => [q.formatTitle, num(q.sessions), num(q.beforeAnswers), avg(q.before), num(q.afterAnswers), avg(q.after), signed(q.change),
            ...q.afterScores.map(num)]), `bi-table-impact-${i}`)}</div></div>`;
    });
    return html`<section class="panel bilan__section" aria-labelledby="bi-impact" data-testid="bi-impact">
      <h2 id="bi-impact" class="panel__title">${bt('bi.impact.title')}</h2>
      <p class="hint">${bt('bi.impact.lead')}</p>${body}</section>`;
  }

  _cards(b) {
    const title = bt('bi.cards.title');
    const items = b.cardItems.filter((c) => c.suggestedRounds > 0).slice(0, 30);
    const option = bars(items.map((c) => c.label), [
      { name: bt('bi.suggested'), data: items.map((c) => c.suggestedRounds) }, { name: bt('bi.citedWhen'), data: items.map((c) => c.citedWhenSuggested) }]);
    const rows = b.cardItems.map((c) => [c.label, c.kind === 'door' ? bt('bi.door') : bt('bi.scheme'), num(c.suggestedRounds),
      num(c.citedWhenSuggested), num(c.citedRounds), c.blindSpot ? html`<strong>${bt('bi.blindSpot')}</strong>` : '']);
    return this._section('bi-cards', title, items.length ? this._chart(title, option, 'bi-chart-cards') : nothing,
      this._table(title, [bt('bi.item'), bt('bi.kind'), bt('bi.suggested'), bt('bi.citedWhen'), bt('bi.cited'), bt('bi.blindSpot')], rows, 'bi-table-cards'),
      bt('bi.cards.lead'), true);
  }

  _actions(b) {
    const title = bt('bi.actions.title');
    const any = b.actionStatuses.some((c) => c.count > 0);
    const option = groupedColumns(b.actionStatuses.map((c) => c.label), [{ name: bt('bi.count'), data: b.actionStatuses.map((c) => c.count) }]);
    return this._section('bi-actions', title, any ? this._chart(title, option, 'bi-chart-actions') : nothing, html`
      ${this._table(bt('bi.status'), [bt('bi.status'), bt('bi.count')], any ? b.actionStatuses.map((c) => [c.label, num(c.count)]) : [], 'bi-table-statuses')}
      ${this._table(title, [bt('bi.action'), bt('bi.project'), bt('bi.lead'), bt('bi.deadline'), bt('bi.status')],
        b.actions.map((a) => [a.title, a.project, a.leadPartner || '—', a.deadline ? dayLabel(a.deadline) : '—', a.statusLabel]), 'bi-table-actions')}
      ${b.actionsCut ? html`<p class="hint">${bt('bi.actionsCut')}</p>` : nothing}`, '', true);
  }
}
customElements.define('bilan-app', BilanApp);
