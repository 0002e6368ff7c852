// /h/{code}: the facilitator console. Host token from #k=… (then kept in localStorage) or localStorage.
import { html, nothing } from 'lit';
import { LightElement, state } from '../components/light-element.js';
import '../components/format-slot.js';
import '../components/bar-chart.js';
import { AtelierSocket } from '../socket.js';
import { t, formatNumber } from '../i18n/index.js';
import { codeFromPath, copyText, hostKey, hostTokenFor, isValidCode, joinUrl, loadJoinBase, phonesCanReach, storage } from '../util.js';
import { satisfactionItems } from '../components/satisfaction-items.js';
import '../components/impact-summary.js';
import { secretForm, secretFrom, topbar } from './page-parts.js';
import { NextStepController } from '../components/next-step.js';

const PHASES = ['LOBBY', 'ACTIVITY', 'SATISFACTION', 'ENDED'];

class ConsoleApp extends LightElement {
  static properties = state({
    _view: null, _mode: undefined, _status: '', _statusKind: 'info', _secretInput: '', _busy: new Set(), _tab: null, _confirm: null,
  });

  constructor() {
    super();
    this.code = codeFromPath();
    this.socket = null;
    this._run = (command, okKey) => this._command(command, okKey);
    this.steps = new NextStepController(this);
    this._stepKey = '';
    // A format's console re-rendered: its next step may have changed (FORMAT-GUIDE.md, "The next step").
    this.addEventListener('format-updated', () => {
      const step = this.currentStep();
      const key = step ? `${step.id}|${step.label}|${step.disabled ?? ''}|${step.after ?? ''}|${step.back?.label ?? ''}` : '';
      const el = this._formatElement();
      const tabs = el ? `${Boolean(el.preparation)}|${Boolean(el.preparationNeeded)}` : '';
      if (key + tabs !== this._stepKey) {
        this._stepKey = key + tabs;
        this.requestUpdate();
      }
    });
    if (!isValidCode(this.code)) {
      this._mode = 'notfound';
      return;
    }
    loadJoinBase().then(() => this.requestUpdate());
    const token = hostTokenFor(this.code);
    if (token) this._connect(token);
    else this._mode = 'needToken';
  }

  _connect(token) {
    this.token = token;
    this._mode = 'live';
    this.socket?.stop();
    const socket = new AtelierSocket({ code: this.code, role: 'facilitator', token });
    socket.addEventListener('view', (e) => {
      // Once the activity starts, the facilitator follows it live (unless the content is still missing).
      const started = this._view?.session?.phase === 'LOBBY' && e.detail?.session?.phase !== 'LOBBY';
      if (started && !this._formatElement()?.preparationNeeded) this._tab = 'live';
      this._view = e.detail;
    });
    socket.addEventListener('servererror', (e) => this._say(e.detail.message || e.detail.code, 'error'));
    socket.addEventListener('fatal', (e) => {
      if (e.detail.closeCode === 4401) {
        storage.remove(hostKey(this.code));
        this._say(t('console.badToken'), 'error');
        this._mode = 'needToken';
      } else if (e.detail.closeCode === 4404) {
        this._mode = 'notfound';
      } else {
        this._say(e.detail.message || t('common.protocolError'), 'error');
      }
    });
    this.socket = socket;
    socket.start();
  }

  _say(message, kind = 'info') {
    this._status = message;
    this._statusKind = kind;
  }

  say(message, kind) {
    this._say(message, kind);
  }

  /** Opens the confirmation dialog; resolves true when the facilitator confirms. */
  askConfirm(confirm) {
    return new Promise((resolve) => {
      this._confirm?.resolve(false);
      this._confirm = { ...confirm, resolve };
      this.updateComplete.then(() => {
        const dialog = this.querySelector('dialog[data-confirm]');
        if (!dialog || dialog.open) return;
        dialog.returnValue = '';
        dialog.showModal();
      });
    });
  }

  _confirmClosed(event) {
    const confirm = this._confirm;
    this._confirm = null;
    confirm?.resolve(event.target.returnValue === 'ok');
  }

  _formatElement() {
    const slot = this.querySelector('format-slot');
    return slot ? [...slot.children].find((c) => 'nextStep' in c) ?? null : null;
  }

  /** After a step ran, the facilitator follows it live. */
  stepRan() {
    if (this._formatElement()?.preparation) this._tab = 'live';
  }

  /** The platform's steps (start, satisfaction, end) composed with the format's (FORMAT-GUIDE.md). */
  currentStep() {
    const view = this._view;
    if (this._mode !== 'live' || !view?.session) return null;
    const phase = view.session.phase;
    const format = this._formatElement()?.nextStep ?? null;
    const start = async () => {
      try {
        await this._command({ type: 'session.start' }, 'console.started');
      } catch (error) {
        const e = new Error(error?.message);
        e.stepMessage = t('console.step.failed', { label: t('console.start'), reason: error?.message || t('common.rejected') });
        throw e;
      }
    };
    if (phase === 'LOBBY') {
      if (format?.opening) {
        if (format.disabled) return format;
        return { ...format, id: `start+${format.id}`, run: async () => (await start(), format.run()) };
      }
      return { id: 'session-start', label: t('console.start'), run: start, done: t('console.step.started'), after: format?.label };
    }
    if (phase === 'ACTIVITY') {
      if (format) return format;
      return {
        id: 'open-satisfaction', label: t('console.openSatisfaction'), after: t('console.end'), undoSeconds: 5,
        run: () => this._command({ type: 'session.openSatisfaction' }), done: t('console.step.satisfactionOpened'),
      };
    }
    if (phase === 'SATISFACTION') {
      return {
        id: 'end', label: t('console.end'), confirm: this._endConfirm(),
        run: () => this._command({ type: 'session.end' }), done: t('console.ended'),
      };
    }
    return null;
  }

  _endConfirm() {
    return { title: t('console.endTitle'), text: t('console.endText'), confirmLabel: t('console.endConfirm'), testid: 'end' };
  }

  /** Sends a command; announces a rejection's French message (or okKey's text) in the status region. */
  async _command(command, okKey) {
    this._busy = new Set(this._busy).add(command.type);
    if (this.socket.status !== 'open') this._say(t('console.queued'), 'info');
    try {
      const ack = await this.socket.send(command);
      this._say(okKey ? t(okKey) : this._formatElement()?.describe?.(command) ?? t('console.done'), 'ok');
      return ack;
    } catch (error) {
      this._say(error?.message || t('common.rejected'), 'error');
      throw error;
    } finally {
      const busy = new Set(this._busy);
      busy.delete(command.type);
      this._busy = busy;
    }
  }

  _useSecret(event) {
    event.preventDefault();
    const token = secretFrom(this._secretInput);
    if (!token) return;
    storage.set(hostKey(this.code), token);
    this._secretInput = '';
    this._say('', 'info');
    this._connect(token);
  }

  async _copyJoin() {
    const ok = await copyText(joinUrl(this.code), this.querySelector('#join-link'));
    this._say(ok ? t('console.copied') : t('console.copyFailed'), ok ? 'ok' : 'error');
  }

  async _askEnd() {
    if (this.steps.pending || !(await this.askConfirm(this._endConfirm()))) return;
    this._command({ type: 'session.end' }, 'console.ended').catch(() => {});
  }

  updated() {
    if (this._view?.session?.title) document.title = `${this._view.session.title} — ${t('console.docTitle')}`;
    const el = this._formatElement();
    if (el) {
      // The first tab is chosen once, so that choosing the content does not switch the tab away.
      if (this._tab === null && el.activity) this._tab = this._currentTab(el);
      const tab = el.preparation ? this._currentTab(el) : 'live';
      if (el.consoleTab !== tab) el.consoleTab = tab;
    }
  }

  /** Before the start the console opens on "Préparation" only when the format lacks its content. */
  _currentTab(el) {
    if (this._tab) return this._tab;
    return el.preparationNeeded && this._view?.session?.phase === 'LOBBY' ? 'prep' : 'live';
  }

  _selectTab(tab, focus) {
    this._tab = tab;
    if (focus) this.updateComplete.then(() => this.querySelector(`[data-testid="tab-${tab}"]`)?.focus());
  }

  _tabKey(event) {
    const order = ['live', 'prep'];
    const i = order.indexOf(this._currentTab(this._formatElement()));
    let next = null;
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') next = order[(i + 1) % 2];
    else if (event.key === 'Home') next = 'live';
    else if (event.key === 'End') next = 'prep';
    if (!next) return;
    event.preventDefault();
    this._selectTab(next, true);
  }

  render() {
    const session = this._view?.session;
    return html`
      ${topbar({ code: this.code, socket: this._mode === 'live' && this.socket })}
      <main id="main" class="console">
        <div class="console__head">
          <h1>${session?.title ?? t('console.title')}</h1>
          ${session
            ? html`<p class="muted">${session.formatTitle ?? session.format} ·
                <span class="badge badge--phase" data-testid="phase" data-phase=${session.phase}>${t(`phase.${session.phase}`)}</span></p>`
            : nothing}
        </div>
        ${phonesCanReach() ? nothing : html`<p class="notice notice--warning" role="alert" data-testid="no-lan-warning">${t('console.noLan')}</p>`}
        <p class="console-status console-status--${this._statusKind}" role="status" aria-live="polite" data-testid="console-status">${this._status}</p>
        ${this._renderBody()}
      </main>
      ${this._renderConfirm()}
    `;
  }

  /** One confirmation dialog for every irreversible step (the session's end keeps its test ids). */
  _renderConfirm() {
    const c = this._confirm;
    const id = c?.testid ?? 'confirm';
    return html`<dialog class="dialog" data-confirm data-testid="${id}-dialog" aria-labelledby="confirm-dialog-title" @close=${this._confirmClosed}>
      <form method="dialog">
        <h2 id="confirm-dialog-title">${c?.title ?? ''}</h2>
        <p>${c?.text ?? ''}</p>
        <div class="row">
          <button class="btn btn--secondary" value="cancel" data-testid=${id === 'end' ? 'end-cancel' : 'confirm-cancel'} autofocus>${t('common.cancel')}</button>
          <button class="btn btn--danger" value="ok" data-testid=${id === 'end' ? 'end-confirm' : 'confirm-ok'}>${c?.confirmLabel ?? t('console.step.confirm')}</button>
        </div>
      </form>
    </dialog>`;
  }

  _renderBody() {
    if (this._mode === 'notfound') return html`<p class="notice notice--error" data-testid="session-not-found">${t('common.notFound')}</p>`;
    if (this._mode === 'needToken') return this._renderTokenForm();
    const view = this._view;
    if (!view) return html`<p class="muted" role="status">${t('common.connecting')}</p>`;
    const { session } = view;
    const el = this._formatElement();
    const tabs = Boolean(el?.preparation);
    const tab = tabs ? this._currentTab(el) : 'live';
    return html`${this.steps.render(this.currentStep())}
      <div class="console-grid">
      <div class="console-grid__side">
        ${this._renderControls(session)} ${this._renderParticipants(view)}
      </div>
      <div class="console-grid__main">
        <section class="panel-group" aria-labelledby="activity-title">
          <h2 id="activity-title" class="section-title">${t('console.activity')}</h2>
          ${tabs
            ? html`<div class="console-tabs" role="tablist" aria-label=${t('console.tabs')} @keydown=${this._tabKey}>
                ${['live', 'prep'].map(
                  (id) => html`<button type="button" role="tab" class="console-tabs__tab" id="console-tab-${id}" data-testid="tab-${id}"
                    aria-selected=${tab === id ? 'true' : 'false'} aria-controls="console-tabpanel" tabindex=${tab === id ? '0' : '-1'}
                    @click=${() => this._selectTab(id, false)}>${t(`console.tab.${id}`)}</button>`,
                )}
              </div>`
            : nothing}
          <div id="console-tabpanel" role=${tabs ? 'tabpanel' : nothing} aria-labelledby=${tabs ? `console-tab-${tab}` : nothing} data-tab=${tab}>
            <format-slot format=${session.format} audience="console" .view=${view} .send=${this._run}></format-slot>
          </div>
        </section>
        ${this._renderSatisfaction(view)}
        <impact-summary .items=${Array.isArray(view.bilan) ? view.bilan : null}></impact-summary>
      </div>
    </div>`;
  }

  _renderTokenForm() {
    return secretForm(this, 'host', { level: 2, help: 'console.needTokenHelp' });
  }

  _renderControls(session) {
    const phase = session.phase;
    const ended = phase === 'ENDED';
    const step = PHASES.indexOf(phase);
    return html`<section class="panel" aria-labelledby="controls-title">
      <h2 id="controls-title" class="panel__title">${t('console.controls')}</h2>
      <ol class="steps">
        ${PHASES.map(
          (p, i) => html`<li class="steps__item ${i < step ? 'steps__item--done' : ''} ${i === step ? 'steps__item--current' : ''}"
            aria-current=${i === step ? 'step' : 'false'}>${t(`phase.${p}`)}</li>`,
        )}
      </ol>
      <div class="stack">
        ${phase === 'LOBBY'
          ? html`<button type="button" class="btn btn--secondary btn--block" data-testid="session-start" ?disabled=${this._busy.has('session.start')}
              @click=${() => this._command({ type: 'session.start' }, 'console.started').catch(() => {})}>${t('console.start')}</button>`
          : nothing}
        ${phase === 'ACTIVITY'
          ? html`<button type="button" class="btn btn--secondary btn--block" data-testid="open-satisfaction"
              ?disabled=${this._busy.has('session.openSatisfaction')}
              @click=${() => this._command({ type: 'session.openSatisfaction' }, 'console.satisfactionOpened').catch(() => {})}>
              ${t('console.openSatisfaction')}</button>`
          : nothing}
        ${!ended
          ? html`<button type="button" class="btn btn--secondary btn--block" data-testid="toggle-joining" data-open=${session.joiningOpen ? 'true' : 'false'}
              ?disabled=${this._busy.has('session.setJoining')}
              @click=${() =>
                this._command({ type: 'session.setJoining', open: !session.joiningOpen }, session.joiningOpen ? 'console.joiningClosed' : 'console.joiningOpened').catch(() => {})}>
              ${session.joiningOpen ? t('console.closeJoining') : t('console.reopenJoining')}</button>
            <p class="hint" data-testid="joining-state">${session.joiningOpen ? t('console.joiningIsOpen') : t('console.joiningIsClosed')}</p>`
          : nothing}
        ${!ended
          ? html`<button type="button" class="btn btn--ghost btn--block" data-testid="end-session" ?disabled=${this._busy.has('session.end')}
              @click=${this._askEnd}>${t('console.end')}</button>`
          : nothing}
      </div>
      <h3 class="panel__subtitle">${t('console.links')}</h3>
      <div class="stack">
        <a class="btn btn--secondary btn--block" href="/s/${this.code}/screen" target="_blank" rel="noopener" data-testid="open-screen">
          ${t('console.openScreen')}<span class="visually-hidden"> ${t('common.newWindow')}</span></a>
        <div class="field">
          <label for="join-link">${t('console.joinLink')}</label>
          <div class="input-row">
            <input id="join-link" type="text" readonly .value=${joinUrl(this.code)} data-testid="join-link" />
            <button type="button" class="btn btn--secondary" data-testid="copy-join-link" @click=${this._copyJoin}>${t('console.copy')}</button>
          </div>
        </div>
        <a class="btn btn--ghost btn--block" href="/s/${this.code}/synthese" target="_blank" rel="noopener" data-testid="synthesis-link">
          ${t('console.synthesis')}<span class="visually-hidden"> ${t('common.newWindow')}</span></a>
      </div>
    </section>`;
  }

  _renderParticipants(view) {
    // The panel is its own component (rename, remove: issue 15, item 4), loaded once on first use.
    import('../components/participant-list.js');
    return html`<participant-list .view=${view} .send=${this._run}></participant-list>`;
  }


  _renderSatisfaction(view) {
    const sat = view.satisfaction;
    const summary = sat?.summary;
    const phase = view.session.phase;
    if (!sat?.open && !summary?.count && phase !== 'SATISFACTION' && phase !== 'ENDED') return nothing;
    const count = summary?.count ?? 0;
    const comments = summary?.comments ?? [];
    return html`<section class="panel" aria-labelledby="sat-summary-title" data-testid="satisfaction-summary">
      <h2 id="sat-summary-title" class="panel__title">${t('console.satisfaction')}</h2>
      <p class="count" data-testid="satisfaction-count" data-count=${count}>
        ${t('screen.satCount', { n: formatNumber(count), total: formatNumber(view.session.participantCount ?? 0) })}
        ${count ? html` · <strong data-testid="satisfaction-average">${t('sat.average', { avg: formatNumber(summary.average ?? 0, 1) })}</strong>` : nothing}
      </p>
      ${count ? html`<bar-chart .items=${satisfactionItems(summary)} testid="satisfaction-bar"></bar-chart>` : nothing}
      <h3 class="panel__subtitle">${t('console.comments')} (${comments.length})</h3>
      ${comments.length
        ? html`<ul class="comments" data-testid="satisfaction-comments">${comments.map((c) => html`<li class="comment">${c}</li>`)}</ul>`
        : html`<p class="muted">${t('console.noComments')}</p>`}
    </section>`;
  }
}
customElements.define('console-app', ConsoleApp);
