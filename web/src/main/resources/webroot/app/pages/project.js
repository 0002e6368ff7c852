// /projets/{id}#k=KEY: a "Dessine-moi le travail" project for its partners: the sessions held, the
// synthesis of everything collected and the action plan. Printable on A4; the plan exports as CSV.
// The key comes from the URL fragment (then kept in localStorage), never sent in a URL.
import { html, nothing } from 'lit';
import { LightElement, state } from '../components/light-element.js';
import { t, formatNumber, formatDateTime } from '../i18n/index.js';
import { api } from '../util.js';
import { loadPage, secretForm, topbar } from './page-parts.js';
import { loadFormatAssets } from '../formats/index.js';
import {
  crossTable,
  downloadPlan,
  parseProjectLink,
  planTable,
  projectKeyFor,
  saveProject,
  synthesisBlock,
} from '../formats/prioritisation/shared.js';

// The page shows the format's own blocks: its messages and styles first.
await loadFormatAssets('prioritisation');

function projectIdFromPath() {
  const parts = location.pathname.split('/').filter(Boolean);
  return decodeURIComponent(parts[1] ?? '');
}

class ProjectApp extends LightElement {
  static properties = state({ _data: null, _mode: undefined, _error: '', _secretInput: '' });

  constructor() {
    super();
    this.id = projectIdFromPath();
    const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
    const fromHash = fragment.get('k');
    if (fromHash) {
      history.replaceState(history.state, '', location.pathname + location.search);
    }
    this.key = fromHash || projectKeyFor(this.id);
    if (!/^pj_[A-Za-z0-9_-]{1,40}$/.test(this.id)) this._mode = 'notfound';
    else if (this.key) this._load();
    else this._loadFromTerritory();
  }

  /** Issue 14: signed-in people of the project's territory read it without its secret link. */
  async _loadFromTerritory() {
    this._mode = 'loading';
    try {
      this._data = await api(`/api/workspace/projects/${encodeURIComponent(this.id)}`);
      this._mode = 'ready';
    } catch {
      this._mode = 'needKey';
    }
  }

  _load() {
    return loadPage(this, async () => {
      this._data = await api(`/api/projects/${encodeURIComponent(this.id)}`, { token: this.key, fallbackMessage: t('prio.project.loadError') });
      saveProject({ id: this.id, key: this.key, name: this._data.project?.name });
    }, { refused: 'needKey', failedMessage: t('prio.project.loadError') });
  }

  _useSecret(event) {
    event.preventDefault();
    const typed = this._secretInput.trim();
    const parsed = parseProjectLink(typed);
    this.key = parsed?.key ?? typed.replace(/^.*#k=/, '');
    if (this.key) this._load();
  }

  async _csv() {
    try {
      await downloadPlan(this.id, this.key);
    } catch (error) {
      this._error = error.message;
    }
  }

  updated() {
    if (this._data?.project?.name) document.title = `${this._data.project.name} — ${t('prio.page.docTitle')}`;
  }

  render() {
    return html`
      ${topbar({ printed: false })}
      <main id="main" class="synthesis prio">${this._renderBody()}</main>
    `;
  }

  _renderBody() {
    switch (this._mode) {
      case 'notfound':
        return html`<p class="notice notice--error" data-testid="project-not-found">${t('prio.page.notFound')}</p>`;
      case 'needKey':
        return secretForm(this, 'project');
      case 'failed':
        return html`<p class="notice notice--error" role="alert">${this._error}</p>`;
      case 'ready':
        return this._renderReport(this._data);
      default:
        return html`<p class="muted" role="status">${t('common.loading')}</p>`;
    }
  }

  _renderReport(d) {
    const p = d.project;
    const proposals = new Map((p.proposals ?? []).map((x) => [x.id, x]));
    const votes = new Map();
    for (const v of d.votes ?? []) votes.set(v.proposalId, v.dots);
    const plan = (p.actions ?? []).map((a) => ({ ...a, earlier: false, proposalText: proposals.get(a.proposalId)?.text ?? null }));
    const ranked = [...(p.proposals ?? [])].filter((x) => !x.hidden).sort((a, b) => (votes.get(b.id) ?? -1) - (votes.get(a.id) ?? -1));
    const themeNames = new Map((p.themes ?? []).map((th) => [th.id, th.name]));
    return html`<article data-testid="project-report">
      <div class="synthesis__head">
        <div>
          <p class="kicker">${t('prio.page.kicker')}</p>
          <h1 data-testid="project-name">${p.name}</h1>
        </div>
        <div class="row no-print">
          <button type="button" class="btn btn--primary" data-testid="project-print" @click=${() => window.print()}>${t('prio.page.print')}</button>
          <button type="button" class="btn btn--secondary" data-testid="project-csv" @click=${this._csv}>${t('prio.project.csv')}</button>
        </div>
      </div>
      ${this._error ? html`<p class="notice notice--error" role="alert">${this._error}</p>` : nothing}
      <dl class="facts">
        <div><dt>${t('prio.project.sector')}</dt><dd>${p.sector}</dd></div>
        ${p.territory ? html`<div><dt>${t('prio.project.territory')}</dt><dd>${p.territory}</dd></div>` : nothing}
        ${p.targetPublic ? html`<div><dt>${t('prio.project.public')}</dt><dd>${p.targetPublic}</dd></div>` : nothing}
        <div><dt>${t('prio.page.sessions')}</dt><dd data-testid="project-session-count">${formatNumber((d.sessions ?? []).length)}</dd></div>
        <div><dt>${t('prio.page.updated')}</dt><dd>${formatDateTime(d.updatedAt)}</dd></div>
      </dl>

      <section class="panel" aria-labelledby="project-plan-title">
        <h2 class="panel__title" id="project-plan-title">${t('prio.stage.PLAN')}</h2>
        ${planTable(plan, { testid: 'project-plan', votes })}
      </section>

      <section class="panel" aria-labelledby="project-props-title">
        <h2 class="panel__title" id="project-props-title">${t('prio.page.proposals')}</h2>
        ${ranked.length
          ? html`<div class="prio-table-wrap"><table class="prio-table" data-testid="project-proposals">
              <thead><tr><th scope="col">${t('prio.results.proposal')}</th><th scope="col">${t('prio.theme')}</th>
                <th scope="col" class="prio-num">${t('prio.plan.lastVote')}</th></tr></thead>
              <tbody>${ranked.map(
                (x) => html`<tr><td class="prio-text">${x.text}</td><td>${themeNames.get(x.themeId) ?? ''}</td>
                  <td class="prio-num">${votes.has(x.id) ? formatNumber(votes.get(x.id)) : '—'}</td></tr>`,
              )}</tbody>
            </table></div>`
          : html`<p class="muted">${t('prio.page.noProposal')}</p>`}
      </section>

      <section class="panel" aria-labelledby="project-synth-title">
        <h2 class="panel__title" id="project-synth-title">${t('prio.page.synthesis')}</h2>
        <p>${t('prio.page.voices', { n: formatNumber(d.synthesis?.total?.count ?? 0) })}</p>
        ${synthesisBlock(d.synthesis, { withProfiles: true })}
        ${crossTable(d.synthesis)}
      </section>

      <section class="panel" aria-labelledby="project-sessions-title">
        <h2 class="panel__title" id="project-sessions-title">${t('prio.page.sessions')}</h2>
        ${(d.sessions ?? []).length
          ? html`<div class="prio-table-wrap"><table class="prio-table" data-testid="project-sessions">
              <thead><tr><th scope="col">${t('prio.page.session')}</th><th scope="col">${t('prio.page.date')}</th>
                <th scope="col" class="prio-num">${t('prio.page.participants')}</th><th scope="col" class="prio-num">${t('prio.page.contributions')}</th>
                <th scope="col" class="prio-num">${t('prio.page.voters')}</th></tr></thead>
              <tbody>${d.sessions.map(
                (s) => html`<tr><td>${s.title} <span class="muted">(${s.code})</span></td><td>${formatDateTime(s.endedAt ?? s.startedAt)}</td>
                  <td class="prio-num">${formatNumber(s.participants)}</td><td class="prio-num">${formatNumber(s.contributions)}</td>
                  <td class="prio-num">${formatNumber(s.voters)}</td></tr>`,
              )}</tbody>
            </table></div>`
          : html`<p class="muted">${t('prio.page.noSession')}</p>`}
      </section>
      <p class="prio-print-only muted">${t('prio.page.printed', { date: formatDateTime(new Date().toISOString()) })}</p>
    </article>`;
  }
}
customElements.define('project-app', ProjectApp);
