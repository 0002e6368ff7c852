// /s/{code}/synthese: what a coordinator reads afterwards; printable on A4, exportable as CSV.
import { html, nothing } from 'lit';
import { LightElement, state } from '../components/light-element.js';
import '../components/format-slot.js';
import '../components/bar-chart.js';
import '../components/impact-summary.js';
import { satisfactionItems } from '../components/satisfaction-items.js';
import { t, tn, formatNumber, formatDateTime, formatDuration } from '../i18n/index.js';
import { ApiError, api, codeFromPath, hostKey, hostTokenFor, isValidCode, storage } from '../util.js';
import { loadPage, secretForm, secretFrom, topbar } from './page-parts.js';

class SynthesisApp extends LightElement {
  static properties = state({ _data: null, _mode: undefined, _error: '', _secretInput: '', _downloading: false });

  constructor() {
    super();
    this.code = codeFromPath();
    if (!isValidCode(this.code)) {
      this._mode = 'notfound';
      return;
    }
    // Issue 14: from "Mes séances", the web session's account is the right (no token).
    const plan = new URLSearchParams(location.search).get('plan');
    const viaWorkspace = new URLSearchParams(location.search).get('via') === 'workspace';
    if (plan || viaWorkspace) {
      this.base = plan ? `/api/workspace/planned/${encodeURIComponent(plan)}` : `/api/workspace/sessions/${this.code}`;
      this.token = null;
      this._load();
      return;
    }
    // Coordinators open any archived session from their space, with their own key.
    this.viaCoordination = new URLSearchParams(location.search).get('via') === 'coordination';
    this.token = this.viaCoordination ? storage.get('atelier.coordination') : hostTokenFor(this.code);
    this.base = this.viaCoordination ? `/api/coordination/sessions/${this.code}` : `/api/sessions/${this.code}`;
    if (this.token) this._load();
    else this._mode = 'needToken';
  }

  _load() {
    return loadPage(this, async () => {
      this._data = await api(`${this.base}/synthesis`, { token: this.token, fallbackMessage: t('synthesis.loadError') });
    }, {
      refused: 'needToken',
      onRefused: () => storage.remove(this.viaCoordination ? 'atelier.coordination' : hostKey(this.code)),
      refusedMessage: t('console.badToken'),
      failedMessage: t('synthesis.loadError'),
    });
  }

  _useSecret(event) {
    event.preventDefault();
    const token = secretFrom(this._secretInput);
    if (!token) return;
    this.token = token;
    storage.set(this.viaCoordination ? 'atelier.coordination' : hostKey(this.code), token);
    this._error = '';
    this._load();
  }

  async _downloadCsv() {
    this._downloading = true;
    this._error = '';
    try {
      const response = await fetch(`${this.base}/export.csv`, {
        headers: { Authorization: `Bearer ${this.token}` },
        cache: 'no-store',
      });
      if (!response.ok) {
        let message = t('synthesis.csvError');
        try {
          message = (await response.json())?.error?.message ?? message;
        } catch {
          /* not JSON */
        }
        throw new ApiError(response.status, 'csv', message);
      }
      const blob = await response.blob();
      const disposition = response.headers.get('Content-Disposition') ?? '';
      const named = disposition.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = named ? decodeURIComponent(named[1]) : `atelier-${this.code}.csv`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      this._error = error.message || t('synthesis.csvError');
    } finally {
      this._downloading = false;
    }
  }

  updated() {
    if (this._data?.title) document.title = `${t('synthesis.docTitle')} — ${this._data.title}`;
  }

  render() {
    return html`
      ${topbar({ code: this.code, printed: false })}
      <main id="main" class="synthesis">${this._renderBody()}</main>
    `;
  }

  _renderBody() {
    switch (this._mode) {
      case 'notfound':
        return html`<p class="notice notice--error" data-testid="session-not-found">${t('common.notFound')}</p>`;
      case 'needToken':
        return secretForm(this, 'host', { help: 'synthesis.needTokenHelp' });
      case 'failed':
        return html`<p class="notice notice--error" role="alert">${this._error}</p>
          <button type="button" class="btn btn--secondary no-print" @click=${this._load}>${t('common.retry')}</button>`;
      case 'ready':
        return this._renderSynthesis(this._data);
      default:
        return html`<p class="muted" role="status">${t('common.loading')}</p>`;
    }
  }

  _renderSynthesis(d) {
    const participants = d.participants ?? [];
    const sat = d.satisfaction ?? {};
    const started = d.startedAt ? Date.parse(d.startedAt) : NaN;
    const ended = d.endedAt ? Date.parse(d.endedAt) : NaN;
    const duration = Number.isFinite(started) && Number.isFinite(ended) ? formatDuration(ended - started) : '—';
    const comments = sat.comments ?? [];
    return html`
      <div class="synthesis__head">
        <p class="kicker">${t('synthesis.kicker')} · ${d.formatTitle ?? d.format}</p>
        <h1 data-testid="synth-title">${d.title}</h1>
        <div class="row no-print">
          <button type="button" class="btn btn--primary" data-testid="synth-csv" ?disabled=${this._downloading} @click=${this._downloadCsv}>
            ${t('synthesis.csv')}</button>
          <button type="button" class="btn btn--secondary" data-testid="synth-print" @click=${() => window.print()}>${t('synthesis.print')}</button>
        </div>
        ${this._error ? html`<p class="notice notice--error no-print" role="alert">${this._error}</p>` : nothing}
      </div>

      <section class="panel" aria-labelledby="synth-facts">
        <h2 id="synth-facts" class="panel__title">${t('synthesis.facts')}</h2>
        <dl class="facts">
          <div><dt>${t('synthesis.code')}</dt><dd>${d.code}</dd></div>
          <div><dt>${t('synthesis.created')}</dt><dd data-testid="synth-created">${formatDateTime(d.createdAt)}</dd></div>
          <div><dt>${t('synthesis.started')}</dt><dd data-testid="synth-started">${formatDateTime(d.startedAt)}</dd></div>
          <div><dt>${t('synthesis.ended')}</dt><dd data-testid="synth-ended">${d.endedAt ? formatDateTime(d.endedAt) : t('synthesis.notEnded')}</dd></div>
          <div><dt>${t('synthesis.duration')}</dt><dd data-testid="synth-duration">${duration}</dd></div>
          <div><dt>${t('synthesis.participants')}</dt><dd data-testid="synth-participant-count">${formatNumber(participants.length)}</dd></div>
        </dl>
      </section>

      <section class="panel" aria-labelledby="synth-sat">
        <h2 id="synth-sat" class="panel__title">${t('console.satisfaction')}</h2>
        <p data-testid="synth-satisfaction-count">
          ${tn('synthesis.ratings', sat.count ?? 0)}${sat.count
            ? html` · <strong data-testid="synth-average">${t('sat.average', { avg: formatNumber(sat.average ?? 0, 1) })}</strong>`
            : nothing}
        </p>
        ${sat.count ? html`<bar-chart .items=${satisfactionItems(sat)} testid="synth-sat-bar"></bar-chart>` : nothing}
        <h3 class="panel__subtitle">${t('console.comments')} (${comments.length})</h3>
        ${comments.length
          ? html`<ul class="comments" data-testid="synth-comments">${comments.map((c) => html`<li class="comment">${c}</li>`)}</ul>`
          : html`<p class="muted">${t('console.noComments')}</p>`}
      </section>

      <impact-summary .items=${d.impact}></impact-summary>

      <section class="panel" aria-labelledby="synth-results">
        <h2 id="synth-results" class="panel__title">${t('synthesis.results')}</h2>
        <format-slot format=${d.format} audience="synthesis" .synthesis=${d}></format-slot>
      </section>

      <section class="panel" aria-labelledby="synth-people">
        <h2 id="synth-people" class="panel__title">${t('synthesis.participantList')} (${formatNumber(participants.length)})</h2>
        ${participants.length
          ? html`<ul class="people people--columns" data-testid="synth-participants">
              ${participants.map((p) => html`<li class="people__item">${p.nickname}</li>`)}
            </ul>`
          : html`<p class="muted">${t('console.noParticipants')}</p>`}
      </section>
      <p class="print-footer">${t('synthesis.printedAt', { date: formatDateTime(new Date().toISOString()) })}</p>
    `;
  }
}
customElements.define('synthesis-app', SynthesisApp);
