// The form that prepares a session ahead: when, where, who, and the content the console would set
// up (a quiz bank and its pacing, a card deck, a hackathon's challenges, teams, a Dessine-moi project),
// stored as the console's own host commands.
import { html, nothing } from 'lit';
import { LightElement, inputs, state } from '../../components/light-element.js';
import { pt } from './messages.js';
import { call } from './http.js';
import './record-fields.js';
import { CONTENT_DEFAULTS, hackathonCommands, hackathonFields, prioritisationFields, prioritisationProject, vocabularyPreview } from './prepare-content.js';
import { PICK_DEFAULT, libraryOptions, libraryRecord, pickedBank, quizPickFields } from './prepare-library.js';
import { library } from '../library/http.js';

/** Formats whose content can be chosen ahead, and the host command that loads it. */
const CONTENT = {
  quiz: (item) => ({ type: 'quiz.useBank', bank: item }),
  cards: (item) => ({ type: 'cards.useDeck', deck: item }),
  poll: (item) => ({ type: 'poll.useList', list: item }),
  prioritisation: (item) => ({ type: 'prioritisation.useVocabulary', vocabulary: item }),
};
/** Formats with a content library to choose from (the hackathon's kit is sent with its settings). */
const LIBRARY = new Set([...Object.keys(CONTENT), 'hackathon']);

class PrepareForm extends LightElement {
  static properties = {
    ...inputs({ formats: [], plan: undefined }),
    ...state({
      _choices: { territories: [], colleagues: [] },
      _library: [],
      _item: null,
      _pick: PICK_DEFAULT,
      _v: { format: 'quiz', title: '', startsAt: '', place: '', territoryId: '', publics: [], structureIds: [],
        content: '', pacing: 'live', seconds: '60', teams: '', co: [], ...CONTENT_DEFAULTS },
      _error: '',
      _busy: false,
    }),
  };

  constructor() {
    super();
    call('/api/workspace/planning/choices').then((c) => {
      this._choices = c;
      if (c.territories.length > 0) this._set('territoryId', c.territories[0].id);
    }, (e) => (this._error = e.message || pt('pl.error')));
    this._loadLibrary('quiz');
  }

  willUpdate(changed) {
    // Editing: the form starts from the prepared session; its format, territory and content stay.
    if (changed.has('plan') && this.plan) {
      const p = this.plan;
      this._v = { ...this._v, format: p.format, title: p.title, startsAt: p.startsAtLocal ?? '', place: p.place ?? '',
        territoryId: p.territoryId, publics: p.publicCodes ?? [], structureIds: p.structureIds ?? [], co: [...p.facilitatorIds] };
    }
  }

  firstUpdated() {
    this.querySelector('#pf-title')?.focus();
  }

  _set(key, value) {
    this._v = { ...this._v, [key]: value };
    if (key === 'territoryId') this._v = { ...this._v, structureIds: [] };
    if (key === 'format') {
      this._v = { ...this._v, content: '', teams: '', ...CONTENT_DEFAULTS };
      this._loadLibrary(value);
    }
    if (key === 'content') this._loadItem(value);
  }

  /** The chosen library item, whole (a hackathon's kit is its content; a bank's questions can be picked). */
  _loadItem(id) {
    this._item = null;
    this._pick = PICK_DEFAULT;
    if (this._v.format === 'hackathon') this._v = { ...this._v, kit: null, dropped: [], teamChallenges: {} };
    if (!id) return;
    const format = this._v.format;
    library.get(id).then((item) => {
      if (this._v.format !== format || this._v.content !== id) return;
      this._item = item;
      if (format === 'hackathon') this._v = { ...this._v, kit: item.content };
    }, (e) => (this._error = e.message || pt('pl.error')));
  }

  _loadLibrary(format) {
    this._library = [];
    this._item = null;
    if (!LIBRARY.has(format)) return;
    library.list(format).then((answer) => (this._library = answer.items), () => {});
  }

  _toggleCo(id, on) {
    const co = new Set(this._v.co);
    if (on) co.add(id);
    else co.delete(id);
    this._set('co', [...co]);
  }

  async _commands() {
    const v = this._v;
    if (v.format === 'hackathon') return hackathonCommands(v);
    const commands = [];
    if (v.content && CONTENT[v.format]) {
      const item = this._item ?? (this._item = await library.get(v.content));
      if (v.format === 'quiz' && pickedBank(item, this._pick).questions.length === 0) throw new Error(pt('pl.pick.none'));
      commands.push(CONTENT[v.format](v.format === 'quiz' ? pickedBank(item, this._pick) : item.content));
    }
    if (v.format === 'quiz') {
      const seconds = v.seconds === '' ? null : Number(v.seconds);
      commands.push({ type: 'quiz.configure', settings: { pacing: v.pacing, secondsPerQuestion: seconds, timeLimitMinutes: 30,
        speedBonus: true, partialCredit: true, teamSize: 6, selfTeams: true } });
      for (const name of v.teams.split('\n').map((x) => x.trim()).filter(Boolean)) commands.push({ type: 'quiz.createTeam', name });
    }
    return commands;
  }

  async _settings() {
    const settings = { commands: await this._commands() };
    const project = this._v.format === 'prioritisation' ? prioritisationProject(this._v) : null;
    if (project) settings.project = project;
    if (this._v.content && this._item) settings.library = libraryRecord(this._item, this._pick, this._v.format);
    return settings;
  }

  async _submit(event) {
    event.preventDefault();
    this._busy = true;
    this._error = '';
    try {
      const v = this._v;
      const body = { format: v.format, title: v.title, startsAt: v.startsAt || null, place: v.place || null, territoryId: v.territoryId,
        ...this._record(v), facilitatorIds: v.co,
        settings: this.plan ? this.plan.settings : await this._settings() };
      const plan = this.plan
        ? await call(`/api/workspace/planned/${encodeURIComponent(this.plan.id)}`, { method: 'PUT', body })
        : await call('/api/workspace/planned', { method: 'POST', body });
      this.dispatchEvent(new CustomEvent('prepared', { detail: plan, bubbles: true }));
    } catch (error) {
      this._error = error.message || pt('pl.error');
      this.updateComplete.then(() => this.querySelector('[data-testid="pf-error"]')?.focus());
    } finally {
      this._busy = false;
    }
  }

  render() {
    const v = this._v;
    const prio = v.format === 'prioritisation';
    const colleagues = this._choices.colleagues.filter((c) => c.territoryIds.includes(v.territoryId));
    return html`<form class="panel planning__form" aria-labelledby="pf-heading" @submit=${this._submit} data-testid="pf-form">
      <h2 id="pf-heading" class="panel__title">${this.plan ? pt('pl.form.editTitle', { code: this.plan.code }) : pt('pl.form.title')}</h2>
      ${this._error ? html`<p class="notice notice--error" role="alert" tabindex="-1" data-testid="pf-error">${this._error}</p>` : nothing}
      <div class="field"><label for="pf-format">${pt('pl.format')}</label>
        <select id="pf-format" data-testid="pf-format" ?disabled=${Boolean(this.plan)} @change=${(e) => this._set('format', e.target.value)}>
          ${this.formats.map((f) => html`<option value=${f.id} ?selected=${v.format === f.id}>${f.title}</option>`)}
        </select></div>
      <div class="field"><label for="pf-title">${pt('pl.form.sessionTitle')}</label>
        <input id="pf-title" type="text" required maxlength="200" data-testid="pf-title" .value=${v.title}
          @input=${(e) => this._set('title', e.target.value)}></div>
      <div class="field"><label for="pf-when">${pt('pl.form.startsAt')}</label>
        <input id="pf-when" type="datetime-local" required data-testid="pf-when" .value=${v.startsAt}
          @input=${(e) => this._set('startsAt', e.target.value)}></div>
      <div class="field"><label for="pf-place">${pt('pl.form.place')}</label>
        <input id="pf-place" type="text" maxlength="200" data-testid="pf-place" .value=${v.place}
          @input=${(e) => this._set('place', e.target.value)}></div>
      <div class="field"><label for="pf-territory">${pt('pl.form.territory')}</label>
        <select id="pf-territory" data-testid="pf-territory" ?disabled=${Boolean(this.plan)} @change=${(e) => this._set('territoryId', e.target.value)}>
          ${this._choices.territories.map((t) => html`<option value=${t.id} ?selected=${v.territoryId === t.id}>${t.name}</option>`)}
        </select></div>
      <record-fields .territoryId=${v.territoryId} .publics=${v.publics} .structureIds=${v.structureIds}
        .legacyPublics=${this.plan?.legacyPublics ?? null} .legacyPartners=${this.plan?.legacyPartners ?? null}
        @record-change=${(e) => this._set(e.detail.key, e.detail.value)}></record-fields>
      ${this.plan ? html`<p class="muted">${pt('pl.form.contentKept')}</p>` : LIBRARY.has(v.format) ? html`<div class="field"><label for="pf-content">${pt(prio ? 'pl.prio.vocabulary' : 'pl.form.content')}</label>
        <select id="pf-content" data-testid="pf-content" @change=${(e) => this._set('content', e.target.value)}>
          <option value="">${pt(prio ? 'pl.prio.builtIn' : 'pl.form.noContent')}</option>
          ${libraryOptions(this._library, v.content)}
        </select>
        <p class="hint">${pt('pl.lib.hint')} <a href="/bibliotheque?type=${v.format}">${pt('pl.lib.open')}</a></p></div>` : this._otherContent()}
      ${prio && !this.plan && this._item ? vocabularyPreview(this._item.content) : nothing}
      ${prio && !this.plan ? prioritisationFields(v, (k, x) => this._set(k, x)) : nothing}
      ${v.format === 'quiz' && !this.plan && this._item ? quizPickFields(this._item, this._pick, (pick) => (this._pick = pick)) : nothing}
      ${v.format === 'quiz' && !this.plan ? this._quiz(v) : nothing}
      ${v.format === 'hackathon' && !this.plan ? hackathonFields(v, (k, x) => this._set(k, x)) : nothing}
      <fieldset class="field"><legend>${pt('pl.form.cofacilitators')}</legend>
        ${colleagues.length === 0 ? html`<p class="muted">${pt('pl.form.noColleague')}</p>` : colleagues.map((c) => html`
          <label class="check"><input type="checkbox" data-testid="pf-co-${c.id}" .checked=${v.co.includes(c.id)}
            @change=${(e) => this._toggleCo(c.id, e.target.checked)}> ${c.displayName}</label>`)}
      </fieldset>
      <div class="planning__buttons">
        <button type="submit" class="btn btn--primary" ?disabled=${this._busy} data-testid="pf-submit">${this.plan ? pt('pl.form.save') : pt('pl.form.submit')}</button>
        <button type="button" class="btn btn--secondary" @click=${() => this.dispatchEvent(new CustomEvent('cancel', { bubbles: true }))}>
          ${pt('pl.form.cancel')}</button>
      </div>
    </form>`;
  }

  /** Issue 18: codes and ids; a plan with free text from before keeps it until a box is ticked. */
  _record(v) {
    const keepPublics = this.plan?.legacyPublics && v.publics.length === 0;
    const keepPartners = this.plan?.legacyPartners && v.structureIds.length === 0;
    return { publics: keepPublics ? this.plan.legacyPublics : v.publics,
      ...(keepPartners ? { partners: this.plan.legacyPartners } : { structureIds: v.structureIds }) };
  }

  _otherContent() {
    return html`<p class="muted">${pt('pl.form.contentLater')}</p>`;
  }

  _quiz(v) {
    return html`
      <div class="field"><label for="pf-pacing">${pt('pl.form.pacing')}</label>
        <select id="pf-pacing" @change=${(e) => this._set('pacing', e.target.value)}>
          <option value="live" ?selected=${v.pacing === 'live'}>${pt('pl.form.pacing.live')}</option>
          <option value="challenge" ?selected=${v.pacing === 'challenge'}>${pt('pl.form.pacing.challenge')}</option>
        </select></div>
      <div class="field"><label for="pf-seconds">${pt('pl.form.seconds')}</label>
        <input id="pf-seconds" type="number" min="5" max="600" .value=${v.seconds} @input=${(e) => this._set('seconds', e.target.value)}></div>
      <div class="field"><label for="pf-teams">${pt('pl.form.teams')}</label>
        <textarea id="pf-teams" rows="3" data-testid="pf-teams" .value=${v.teams} @input=${(e) => this._set('teams', e.target.value)}></textarea></div>`;
  }
}
customElements.define('prepare-form', PrepareForm);
