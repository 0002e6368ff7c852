import { state } from '../../components/format-element.js';
import { LibraryConsole } from '../../components/library-console.js';
import { html, nothing } from 'lit';
import { describer } from '../../components/next-step.js';
import '../../components/count-down.js';
import { t, tn, formatNumber } from '../../i18n/index.js';
import { aggregateView, caseCard, roleLabel, rulesList, stageLabel, structureCard } from './shared.js';
import { randomSeed } from '../../random.js';
import { exportLibraryItem, libraryItem } from '../../library.js';
import { cardsStep } from './console-step.js';
import './paper-grids.js';

const STAGES = ['SETUP', 'SCENE', 'FEELINGS', 'DEBRIEF'];

/** Console: deck picker and import/export, volunteers and roles, draws, timer, phases, notes. */
class CardsConsole extends LibraryConsole {
  /** What its own buttons changed, in words (the page's status region). */
  describe = describer('cards', ['useDeck', 'setTimer', 'assign', 'drawCase', 'drawStructure']);

  static library = { format: 'cards', keys: 'cards.console', prefix: 'cards' };
  static properties = state({ _candidate: null, _counsellor: '', _beneficiary: '', _minutes: '5' });

  _run(command) {
    return this.send(command).catch(() => {});
  }

  async _useCatalogueDeck() {
    if (!this._chosenId) return;
    this._libraryState = 'loading';
    try {
      const deck = await libraryItem('cards', this._chosenId);
      this._libraryState = 'idle';
      await this.send({ type: 'cards.useDeck', deck });
    } catch {
      if (this._libraryState === 'loading') this._libraryState = 'loadError';
    }
  }

  /** A new file replaces the deck imported before, even when it does not parse. */
  _import(event) {
    if (event.target.files?.[0]) this._candidate = null;
    return super._import(event);
  }

  _imported(deck) {
    this._candidate = deck;
  }

  async _export() {
    let deck = this._candidate;
    try {
      if (!deck) {
        const id = this.activity?.deck?.id && this._catalogue?.some((i) => i.id === this.activity.deck.id) ? this.activity.deck.id : this._chosenId;
        deck = await libraryItem('cards', id);
      }
      await exportLibraryItem('cards', deck, `${deck.id || 'jeu'}.yaml`);
      this._libraryState = 'exported';
    } catch {
      this._libraryState = 'exportError';
    }
  }

  get preparation() {
    return true;
  }

  get preparationNeeded() {
    return !this.activity?.deck;
  }

  get nextStep() {
    return cardsStep(this, this._sceneCommand());
  }

  /** The scene's start, with the minutes typed in the round's form. */
  _sceneCommand() {
    const minutes = String(this._minutes).trim();
    const command = { type: 'cards.startScene' };
    if (minutes) command.seconds = Math.round(Number(minutes.replace(',', '.')) * 60);
    return command;
  }

  render() {
    const phase = this.view?.session?.phase;
    const a = this.activity ?? {};
    const r = a.round;
    const canChangeDeck = !r && (phase === 'LOBBY' || phase === 'ACTIVITY');
    if (this.consoleTab === 'prep') {
      return html`<div class="stack" data-testid="cards-console">
        ${canChangeDeck || !a.deck ? this._renderLibrary(a) : this._renderDeckSummary(a)}</div>`;
    }
    return html`<div class="stack" data-testid="cards-console">
      ${a.deck ? nothing : html`<p class="notice">${t('cards.step.needDeck')}</p>`}
      ${a.deck && phase === 'ACTIVITY' ? this._renderRound(a, r) : nothing}
      ${a.deck && phase === 'ACTIVITY' && r?.card ? this._renderNotes(r) : nothing}
      ${a.history?.length ? this._renderHistory(a.history) : nothing}
      ${a.deck && a.history?.length ? html`<cards-paper-grids .deck=${a.deck} .history=${a.history} .paper=${a.paper} .send=${this.send}></cards-paper-grids>` : nothing}
      ${a.deck ? this._renderDeckSummary(a) : nothing}
    </div>`;
  }

  _renderLibrary(a) {
    const catalogue = this._catalogue ?? [];
    return html`<section class="panel" aria-labelledby="cards-library-title" data-testid="cards-library">
      <h3 class="panel__title" id="cards-library-title">${t('cards.console.deckTitle')}</h3>
      ${a.deck ? html`<p data-testid="cards-deck-chosen">${t('cards.console.deckChosen', { title: a.deck.title, n: a.deck.cases })}</p>` : html`<p class="hint">${t('cards.console.deckHint')}</p>`}
      <div class="field">
        <label for="cards-deck-select">${t('cards.console.catalogue')}</label>
        <div class="input-row">
          <select id="cards-deck-select" data-testid="cards-deck-select" .value=${this._chosenId}
            @change=${(e) => (this._chosenId = e.target.value)}>
            ${catalogue.map((i) => html`<option value=${i.id} ?selected=${i.id === this._chosenId}>${i.title} (${tn('cards.cases', i.size)})</option>`)}
          </select>
          <button type="button" class="btn btn--secondary" data-testid="cards-use-deck" ?disabled=${!this._chosenId}
            @click=${this._useCatalogueDeck}>${t('cards.console.useDeck')}</button>
        </div>
      </div>
      ${this._renderImport()}
      ${this._libraryState === 'parsing' ? html`<p class="muted" role="status">${t('common.loading')}</p>` : nothing}
      ${this._candidate
        ? html`<div class="notice" data-testid="cards-import-ok">
            <p>${t('cards.console.imported', { title: this._candidate.title, n: this._candidate.cases.length, s: this._candidate.structures.length })}</p>
            <button type="button" class="btn btn--secondary" data-testid="cards-use-imported"
              @click=${() => this._run({ type: 'cards.useDeck', deck: this._candidate })}>${t('cards.console.useImported')}</button>
          </div>`
        : nothing}
      ${this._renderLibraryError()}
      <button type="button" class="btn btn--ghost" data-testid="cards-export" @click=${this._export}>${t('cards.console.export')}</button>
    </section>`;
  }

  _renderDeckSummary(a) {
    return html`<section class="panel" data-testid="cards-deck-summary">
      <h3 class="panel__title">${a.deck.title}</h3>
      <p class="muted" data-testid="cards-left">${t('cards.console.left', { cases: a.casesLeft, structures: a.structuresLeft })}</p>
      <details>
        <summary>${t('cards.rules')}</summary>
        ${rulesList(a.deck.rules, 'console-rules')}
      </details>
      <button type="button" class="btn btn--ghost btn--small" data-testid="cards-export" @click=${this._export}>${t('cards.console.export')}</button>
    </section>`;
  }

  _renderRound(a, r) {
    if (!r || r.stage === 'DEBRIEF') {
      return html`${r ? this._renderDebrief(r) : nothing}
        <section class="panel" data-testid="cards-next">
          ${this._renderVolunteers(a, null)}
          <button type="button" class="btn btn--secondary btn--block" data-testid="cards-next-round"
            @click=${() => this._run({ type: 'cards.nextRound' })}>${t('cards.console.nextRound', { n: (r?.number ?? 0) + 1 })}</button>
        </section>`;
    }
    return html`<section class="panel" aria-labelledby="cards-round-title" data-testid="cards-round" data-stage=${r.stage}>
      <h3 class="panel__title" id="cards-round-title">${t('cards.roundN', { n: r.number })}</h3>
      <ol class="steps">
        ${STAGES.map((s, i) => html`<li class="steps__item ${i < STAGES.indexOf(r.stage) ? 'steps__item--done' : ''} ${s === r.stage ? 'steps__item--current' : ''}"
          aria-current=${s === r.stage ? 'step' : 'false'}>${stageLabel(s)}</li>`)}
      </ol>
      ${r.stage === 'SETUP' ? this._renderSetup(a, r) : nothing}
      ${r.stage === 'SCENE' ? this._renderScene(r) : nothing}
      ${r.stage === 'FEELINGS' ? this._renderFeelings(r) : nothing}
    </section>`;
  }

  _renderVolunteers(a, r) {
    const volunteers = (a.volunteers ?? []).filter((p) => p.active);
    return html`<h4 class="panel__subtitle">${t('cards.screen.volunteers')} (${formatNumber(volunteers.length)})</h4>
      ${volunteers.length
        ? html`<ul class="people" data-testid="cards-volunteers">${volunteers.map((p) => html`<li class="people__item">✋ ${p.nickname}</li>`)}</ul>`
        : html`<p class="muted">${t('cards.console.noVolunteer')}</p>`}`;
  }

  _renderSetup(a, r) {
    const people = (this.view?.participants ?? []).filter((p) => p.active);
    const volunteers = (a.volunteers ?? []).filter((p) => p.active);
    const assign = (e) => {
      e.preventDefault();
      this._run({ type: 'cards.assign', counsellor: this._counsellor, beneficiary: this._beneficiary });
    };
    const start = (e) => {
      e.preventDefault();
      this._run(this._sceneCommand());
    };
    const ready = r.counsellor && r.card && r.structure;
    return html`${this._renderVolunteers(a, r)}
      <div class="row">
        <button type="button" class="btn btn--secondary" data-testid="cards-pick-random" ?disabled=${volunteers.length < 2}
          @click=${() => this._run({ type: 'cards.pickRandom', seed: randomSeed() })}>${t('cards.console.pickRandom')}</button>
      </div>
      <form class="stack" @submit=${assign} data-testid="cards-assign-form">
        <div class="field field--inline">
          <label for="cards-counsellor">${t('cards.role.counsellor')}</label>
          <select id="cards-counsellor" data-testid="cards-counsellor-select" @change=${(e) => (this._counsellor = e.target.value)}>
            <option value="" ?selected=${!this._counsellor}>—</option>
            ${people.map((p) => html`<option value=${p.id} ?selected=${p.id === this._counsellor}>${p.nickname}</option>`)}
          </select>
          <label for="cards-beneficiary">${t('cards.role.beneficiary')}</label>
          <select id="cards-beneficiary" data-testid="cards-beneficiary-select" @change=${(e) => (this._beneficiary = e.target.value)}>
            <option value="" ?selected=${!this._beneficiary}>—</option>
            ${people.map((p) => html`<option value=${p.id} ?selected=${p.id === this._beneficiary}>${p.nickname}</option>`)}
          </select>
          <button type="submit" class="btn btn--secondary" data-testid="cards-assign" ?disabled=${!this._counsellor || !this._beneficiary}>${t('cards.console.assign')}</button>
        </div>
      </form>
      ${r.counsellor
        ? html`<p data-testid="cards-roles">${t('cards.players', { counsellor: r.counsellor.nickname, beneficiary: r.beneficiary.nickname })}${r.pickSeed !== undefined && r.pickSeed !== null ? html` <span class="muted">(${t('cards.console.picked')})</span>` : nothing}</p>`
        : html`<p class="muted">${t('cards.console.noRoles')}</p>`}
      <div class="row">
        <button type="button" class="btn btn--secondary" data-testid="cards-draw-case" ?disabled=${!a.casesLeft}
          @click=${() => this._run({ type: 'cards.drawCase', seed: randomSeed() })}>${r.card ? t('cards.redrawCase') : t('cards.drawCase')}</button>
        <button type="button" class="btn btn--secondary" data-testid="cards-draw-structure" ?disabled=${!a.structuresLeft}
          @click=${() => this._run({ type: 'cards.drawStructure', seed: randomSeed() })}>${r.structure ? t('cards.redrawStructure') : t('cards.drawStructure')}</button>
      </div>
      <p class="hint">${t('cards.console.drawHint')}</p>
      ${r.card || r.structure
        ? html`<div class="cards-two">${caseCard(r.card, { testid: 'console-case-card' })} ${structureCard(r.structure, { testid: 'console-structure-card' })}</div>`
        : nothing}
      <form class="row" @submit=${start} data-testid="cards-start-form">
        <label for="cards-minutes">${t('cards.console.minutes')}</label>
        <input id="cards-minutes" type="number" min="0" max="60" step="0.5" inputmode="decimal" data-testid="cards-minutes"
          .value=${String(this._minutes)} @input=${(e) => (this._minutes = e.target.value)} aria-describedby="cards-minutes-hint" />
        <span class="hint" id="cards-minutes-hint">${t('cards.console.minutesHint')}</span>
        <button type="submit" class="btn btn--secondary" data-testid="cards-start-scene" ?disabled=${!ready}>${t('cards.console.startScene')}</button>
      </form>`;
  }

  _renderScene(r) {
    const addTimer = (seconds) => this._run({ type: 'cards.setTimer', seconds });
    return html`<div class="cards-two">${caseCard(r.card, { testid: 'console-case-card' })} ${structureCard(r.structure, { testid: 'console-structure-card' })}</div>
      <p data-testid="cards-roles">${t('cards.players', { counsellor: r.counsellor.nickname, beneficiary: r.beneficiary.nickname })}</p>
      ${r.deadline && !r.timeUp ? html`<count-down .deadline=${r.deadline}></count-down>` : nothing}
      ${r.timeUp ? html`<p class="cards-timeup" data-testid="cards-timeup">${t('cards.timeUp')}</p>` : nothing}
      <div class="row">
        <button type="button" class="btn btn--ghost btn--small" data-testid="cards-timer-2" @click=${() => addTimer(120)}>${t('cards.console.timer', { n: 2 })}</button>
        <button type="button" class="btn btn--ghost btn--small" data-testid="cards-timer-5" @click=${() => addTimer(300)}>${t('cards.console.timer', { n: 5 })}</button>
        ${r.deadline ? html`<button type="button" class="btn btn--ghost btn--small" data-testid="cards-timer-off" @click=${() => addTimer(null)}>${t('cards.console.timerOff')}</button>` : nothing}
      </div>
      <p class="count" data-testid="cards-grids-count">${tn('cards.gridsInProgress', r.grids ?? 0)}</p>
      <div class="row">
        <button type="button" class="btn btn--secondary" data-testid="cards-open-feelings" @click=${() => this._run({ type: 'cards.openFeelings' })}>${t('cards.console.openFeelings')}</button>
        <button type="button" class="btn btn--secondary" data-testid="cards-open-debrief" @click=${() => this._run({ type: 'cards.openDebrief' })}>${t('cards.console.skipToDebrief')}</button>
      </div>`;
  }

  _renderFeelings(r) {
    const feelings = r.feelings ?? [];
    return html`<p class="hint">${t('cards.console.feelingsHint')}</p>
      ${feelings.length
        ? html`<ul class="comments" data-testid="cards-feelings-list">${feelings.map((f) => html`<li class="comment"><strong>${f.nickname} (${roleLabel(f.role)})</strong> — ${f.text}</li>`)}</ul>`
        : html`<p class="muted">${t('cards.console.noFeelings')}</p>`}
      <p class="count" data-testid="cards-grids-count">${tn('cards.gridsInProgress', r.grids ?? 0)}</p>
      <button type="button" class="btn btn--secondary" data-testid="cards-open-debrief" @click=${() => this._run({ type: 'cards.openDebrief' })}>${t('cards.console.openDebrief')}</button>`;
  }

  _renderDebrief(r) {
    const feelings = r.feelings ?? [];
    return html`<section class="panel" data-testid="cards-debrief">
      <h3 class="panel__title">${t('cards.roundN', { n: r.number })} · ${stageLabel('DEBRIEF')}</h3>
      <p class="hint">${t('cards.console.debriefHint')}</p>
      ${feelings.length
        ? html`<ul class="comments">${feelings.map((f) => html`<li class="comment"><strong>${f.nickname} (${roleLabel(f.role)})</strong> — ${f.text}</li>`)}</ul>`
        : nothing}
      ${aggregateView(r.aggregate, { testid: 'console-aggregate' })}
    </section>`;
  }

  _renderNotes(r) {
    const c = r.card;
    return html`<section class="panel" aria-labelledby="cards-notes-title" data-testid="cards-notes">
      <h3 class="panel__title" id="cards-notes-title">${t('cards.console.notesTitle', { n: c.number })}</h3>
      <p class="hint">${t('cards.console.notesHint')}</p>
      <div class="cards-notes stack">
        <p><strong>${t('cards.console.briefingLabel')}</strong> ${c.briefing}</p>
        <p data-testid="cards-notes-text"><strong>${t('cards.console.notes')}</strong> ${c.notes}</p>
        ${c.structures?.length ? html`<p><strong>${t('cards.console.suggestedDoors')}</strong> ${c.structures.map((s) => s.name).join(' · ')}</p>` : nothing}
        ${c.schemes?.length ? html`<p><strong>${t('cards.console.suggestedSchemes')}</strong> ${c.schemes.join(' · ')}</p>` : nothing}
      </div>
      ${r.stage !== 'DEBRIEF' && r.stage !== 'SETUP' ? html`<details><summary>${t('cards.console.liveGrids')}</summary>${aggregateView(r.aggregate, { testid: 'console-live-aggregate' })}</details>` : nothing}
    </section>`;
  }

  _renderHistory(history) {
    return html`<section class="panel" data-testid="cards-history">
      <h3 class="panel__title">${t('cards.console.history')} (${history.length})</h3>
      <ol class="history">
        ${history.map((h) => html`<li class="history__item">
          ${t('cards.roundN', { n: h.number })} — ${t('cards.caseCard', { n: h.caseNumber ?? '?' })} ${h.caseTitle ?? ''} · ${h.structureName ?? ''}
          <span class="muted">(${h.counsellor ?? '?'} / ${h.beneficiary ?? '?'} · ${tn('cards.grids', h.grids ?? 0)}${h.paperGrids ? `, ${tn('cards.paperOf', h.paperGrids)}` : ''})</span>
        </li>`)}
      </ol>
    </section>`;
  }
}

customElements.define('cards-console', CardsConsole);
