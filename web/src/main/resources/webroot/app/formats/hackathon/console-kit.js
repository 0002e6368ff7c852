import { state } from '../../components/format-element.js';
import { LibraryConsole } from '../../components/library-console.js';
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { t, tn } from '../../i18n/index.js';
import { storage } from '../../util.js';
import { exportLibraryItem, libraryItem } from '../../library.js';
import { challengeCard } from './shared.js';
import { randomToken } from '../../random.js';
import { sha256Hex } from '../../sha256.js';

const juryLinksKey = (code) => `atelier.juryLinks.${code}`;
const blankChallenge = (n) => ({ id: `defi-${n}`, title: '', statement: '', publics: [], questions: [], resources: [], capacity: null });
const lines = (text) => String(text ?? '').split('\n').map((s) => s.trim()).filter(Boolean);

/** The console's state and the challenge kit: catalogue, import and export, editor, settings, jury invitations (the rest is in console.js). */
export class HackathonConsoleKit extends LibraryConsole {
  static library = { format: 'hackathon', keys: 'hackathon.console', prefix: 'hk' };
  static properties = state({
    _kit: null, _settings: null, _juryLabel: '', _links: null, _teamName: '', _teamCount: '2', _minutes: '',
  });

  _code() {
    return this.view?.session?.code ?? '';
  }

  willUpdate() {
    if (this._links === null && this._code()) this._links = storage.get(juryLinksKey(this._code())) ?? {};
    const a = this.activity;
    if (a && !this._settings) this._settings = { ...(a.settings ?? {}) };
    if (a?.kit && !this._kit) this._kit = structuredClone(a.kit);
  }


  _run(command) {
    return this.send(command).then(() => true, () => false);
  }

  async _loadKit() {
    if (!this._chosenId) return;
    this._libraryState = 'loading';
    try {
      this._kit = await libraryItem('hackathon', this._chosenId);
      this._problems = [];
      this._libraryState = 'loaded';
    } catch {
      this._libraryState = 'loadError';
    }
  }

  _imported(kit) {
    this._kit = kit;
  }

  async _export() {
    if (!this._kit) return;
    try {
      await exportLibraryItem('hackathon', this._cleanKit(), `${this._kit.id || 'defis'}.yaml`);
      this._libraryState = 'exported';
    } catch {
      this._libraryState = 'exportError';
    }
  }

  /** The kit as the server reads it: no empty optional values. */
  _cleanKit() {
    const k = this._kit;
    const text = (s) => (s && String(s).trim() ? String(s).trim() : undefined);
    return {
      id: text(k.id),
      title: text(k.title),
      description: text(k.description),
      challenges: k.challenges.map((c) => ({
        id: text(c.id),
        title: text(c.title),
        statement: text(c.statement),
        publics: c.publics ?? [],
        questions: c.questions ?? [],
        resources: (c.resources ?? []).filter((r) => text(r.name)).map((r) => ({ name: text(r.name), url: text(r.url), description: text(r.description) })),
        capacity: c.capacity ? Number(c.capacity) : undefined,
      })),
      rubric: k.rubric.map((c) => ({ id: text(c.id), label: text(c.label), weight: Number(c.weight), description: text(c.description) })),
    };
  }

  _numberOrNull(v) {
    const s = String(v ?? '').trim();
    return s === '' ? null : Number(s);
  }

  async _saveSetup() {
    const s = this._settings ?? {};
    const settings = {
      teamSize: this._numberOrNull(s.teamSize),
      selfTeams: s.selfTeams !== false,
      understandMinutes: this._numberOrNull(s.understandMinutes),
      imagineMinutes: this._numberOrNull(s.imagineMinutes),
      buildMinutes: this._numberOrNull(s.buildMinutes),
      voteMinutes: this._numberOrNull(s.voteMinutes),
      pitchSeconds: this._numberOrNull(s.pitchSeconds),
      dots: this._numberOrNull(s.dots),
      publicVote: s.publicVote !== false,
    };
    if (await this._run({ type: 'hackathon.setup', kit: this._cleanKit(), settings })) this._libraryState = 'saved';
  }

  _editKit(mutate) {
    const k = structuredClone(this._kit);
    mutate(k);
    this._kit = k;
  }

  async _invite(event) {
    event.preventDefault();
    const token = randomToken();
    const tokenHash = await sha256Hex(token);
    const before = new Set((this.activity?.jury ?? []).map((j) => j.id));
    if (!(await this._run({ type: 'hackathon.inviteJury', label: this._juryLabel.trim() || null, tokenHash }))) return;
    this._juryLabel = '';
    // The seat's id comes with the next view: pair it with the token, kept only on this console.
    const pair = () => {
      const seat = (this.activity?.jury ?? []).find((j) => !before.has(j.id));
      if (!seat) return false;
      this._links = { ...this._links, [seat.id]: token };
      storage.set(juryLinksKey(this._code()), this._links);
      return true;
    };
    if (!pair()) {
      const started = Date.now();
      const timer = setInterval(() => {
        if (pair() || Date.now() - started > 10_000) clearInterval(timer);
      }, 100);
    }
  }

  _juryUrl(token) {
    return `${location.origin}/j/${this._code()}#jury=${token}`;
  }

  _renderKitSummary(a) {
    if (!a.kit) return nothing;
    return html`<section class="panel" data-testid="hk-kit-summary">
      <h3 class="panel__title">${a.kit.title ?? t('hackathon.console.kit')}</h3>
      <details><summary>${tn('hackathon.console.challenges', a.kit.challenges.length)}</summary>
        <div class="stack">${a.kit.challenges.map((c) => challengeCard(c, { heading: 'h4' }))}</div></details>
      <details><summary>${t('hackathon.console.rubric')}</summary>
        <ul>${a.kit.rubric.map((c) => html`<li>${c.label} — ${t('hackathon.vote.weight', { n: c.weight })}</li>`)}</ul></details>
    </section>`;
  }

  _renderSetup(a) {
    const catalogue = this._catalogue ?? [];
    return html`<section class="panel" data-testid="hk-setup">
      <h3 class="panel__title">${t('hackathon.console.setupTitle')}</h3>
      ${a.kit ? html`<p data-testid="hk-kit-chosen">${t('hackathon.console.kitChosen', { title: a.kit.title ?? '', n: a.kit.challenges.length })}</p>`
        : html`<p class="notice">${t('hackathon.console.setupHint')}</p>`}
      <div class="field">
        <label for="hk-kit-select">${t('hackathon.console.catalogue')}</label>
        <div class="input-row">
          <select id="hk-kit-select" data-testid="hk-kit-select" @change=${(e) => (this._chosenId = e.target.value)}>
            ${catalogue.map((i) => html`<option value=${i.id} ?selected=${i.id === this._chosenId}>${i.title} (${tn('hackathon.console.challenges', i.size)})</option>`)}
          </select>
          <button type="button" class="btn btn--secondary" data-testid="hk-kit-load" ?disabled=${!this._chosenId} @click=${this._loadKit}>
            ${t('hackathon.console.load')}</button>
        </div>
      </div>
      ${this._renderImport()}
      ${this._renderLibraryError()}
      ${this._kit ? this._renderEditor() : nothing}
      ${this._renderSettings()}
      <div class="row">
        <button type="button" class="btn btn--secondary" data-testid="hk-setup-save" ?disabled=${!this._kit} @click=${this._saveSetup}>
          ${t('hackathon.console.save')}</button>
        <button type="button" class="btn btn--ghost" data-testid="hk-export" ?disabled=${!this._kit} @click=${this._export}>${t('hackathon.console.export')}</button>
      </div>
    </section>`;
  }

  _renderEditor() {
    const k = this._kit;
    const challenge = (c, i) => html`<fieldset data-testid="hk-edit-challenge-${i}">
      <legend>${t('hackathon.console.challengeN', { n: i + 1 })}</legend>
      <div class="field"><label for="hk-c${i}-title">${t('hackathon.console.cTitle')}</label>
        <input id="hk-c${i}-title" type="text" maxlength="120" data-testid="hk-edit-challenge-${i}-title" .value=${live(c.title ?? '')}
          @input=${(e) => this._editKit((x) => (x.challenges[i].title = e.target.value))} /></div>
      <div class="field"><label for="hk-c${i}-id">${t('hackathon.console.cId')}</label>
        <input id="hk-c${i}-id" type="text" maxlength="60" .value=${live(c.id ?? '')}
          @input=${(e) => this._editKit((x) => (x.challenges[i].id = e.target.value))} /></div>
      <div class="field"><label for="hk-c${i}-statement">${t('hackathon.console.cStatement')}</label>
        <textarea id="hk-c${i}-statement" rows="4" maxlength="2000" data-testid="hk-edit-challenge-${i}-statement" .value=${live(c.statement ?? '')}
          @input=${(e) => this._editKit((x) => (x.challenges[i].statement = e.target.value))}></textarea></div>
      <div class="field"><label for="hk-c${i}-publics">${t('hackathon.console.cPublics')}</label>
        <textarea id="hk-c${i}-publics" rows="2" .value=${live((c.publics ?? []).join('\n'))}
          @change=${(e) => this._editKit((x) => (x.challenges[i].publics = lines(e.target.value)))}></textarea></div>
      <div class="field"><label for="hk-c${i}-questions">${t('hackathon.console.cQuestions')}</label>
        <textarea id="hk-c${i}-questions" rows="3" .value=${live((c.questions ?? []).join('\n'))}
          @change=${(e) => this._editKit((x) => (x.challenges[i].questions = lines(e.target.value)))}></textarea></div>
      <div class="field"><label for="hk-c${i}-resources">${t('hackathon.console.cResources')}</label>
        <textarea id="hk-c${i}-resources" rows="3" .value=${live((c.resources ?? []).map((r) => [r.name, r.url ?? '', r.description ?? ''].join(' | ')).join('\n'))}
          @change=${(e) => this._editKit((x) => (x.challenges[i].resources = lines(e.target.value).map((l) => {
            const [name, url, ...rest] = l.split('|').map((s) => s.trim());
            return { name, url: url || undefined, description: rest.join(' | ') || undefined };
          })))}></textarea></div>
      <div class="field field--inline"><label for="hk-c${i}-capacity">${t('hackathon.console.cCapacity')}</label>
        <input id="hk-c${i}-capacity" type="number" min="1" max="50" .value=${live(c.capacity ? String(c.capacity) : '')}
          @input=${(e) => this._editKit((x) => (x.challenges[i].capacity = e.target.value ? Number(e.target.value) : null))} /></div>
      <button type="button" class="btn btn--ghost btn--small" ?disabled=${k.challenges.length <= 1}
        @click=${() => this._editKit((x) => x.challenges.splice(i, 1))}>${t('hackathon.console.remove')}</button>
    </fieldset>`;
    const criterion = (c, i) => html`<fieldset data-testid="hk-edit-criterion-${i}">
      <legend>${t('hackathon.console.criterionN', { n: i + 1 })}</legend>
      <div class="field"><label for="hk-r${i}-label">${t('hackathon.console.rLabel')}</label>
        <input id="hk-r${i}-label" type="text" maxlength="80" .value=${live(c.label ?? '')}
          @input=${(e) => this._editKit((x) => (x.rubric[i].label = e.target.value))} /></div>
      <div class="field"><label for="hk-r${i}-id">${t('hackathon.console.cId')}</label>
        <input id="hk-r${i}-id" type="text" maxlength="60" .value=${live(c.id ?? '')}
          @input=${(e) => this._editKit((x) => (x.rubric[i].id = e.target.value))} /></div>
      <div class="field field--inline"><label for="hk-r${i}-weight">${t('hackathon.console.rWeight')}</label>
        <input id="hk-r${i}-weight" type="number" min="1" max="10" data-testid="hk-edit-criterion-${i}-weight" .value=${live(String(c.weight ?? 1))}
          @input=${(e) => this._editKit((x) => (x.rubric[i].weight = Number(e.target.value)))} /></div>
      <div class="field"><label for="hk-r${i}-description">${t('hackathon.console.rDescription')}</label>
        <textarea id="hk-r${i}-description" rows="2" maxlength="400" .value=${live(c.description ?? '')}
          @input=${(e) => this._editKit((x) => (x.rubric[i].description = e.target.value))}></textarea></div>
      <button type="button" class="btn btn--ghost btn--small" ?disabled=${k.rubric.length <= 1}
        @click=${() => this._editKit((x) => x.rubric.splice(i, 1))}>${t('hackathon.console.remove')}</button>
    </fieldset>`;
    return html`<div class="hk-editor" data-testid="hk-editor">
      <details ?open=${this._libraryState === 'imported'}>
        <summary>${t('hackathon.console.editChallenges')} (${k.challenges.length})</summary>
        ${k.challenges.map(challenge)}
        <button type="button" class="btn btn--secondary btn--small" data-testid="hk-add-challenge"
          @click=${() => this._editKit((x) => x.challenges.push(blankChallenge(x.challenges.length + 1)))}>${t('hackathon.console.addChallenge')}</button>
      </details>
      <details>
        <summary>${t('hackathon.console.editRubric')} (${k.rubric.length})</summary>
        ${k.rubric.map(criterion)}
        <button type="button" class="btn btn--secondary btn--small" data-testid="hk-add-criterion"
          @click=${() => this._editKit((x) => x.rubric.push({ id: `critere-${x.rubric.length + 1}`, label: '', weight: 1 }))}>${t('hackathon.console.addCriterion')}</button>
      </details>
    </div>`;
  }

  _renderSettings() {
    const s = this._settings ?? {};
    const set = (key, value) => (this._settings = { ...this._settings, [key]: value });
    const number = (key, min, max) => html`<div class="field field--inline">
      <label for="hk-s-${key}">${t(`hackathon.settings.${key}`)}</label>
      <input id="hk-s-${key}" type="number" min=${min} max=${max} inputmode="numeric" data-testid="hk-setting-${key}"
        .value=${live(s[key] === null || s[key] === undefined ? '' : String(s[key]))} @input=${(e) => set(key, e.target.value)} />
    </div>`;
    return html`<details class="hk-editor" data-testid="hk-settings">
      <summary>${t('hackathon.settings.title')}</summary>
      ${number('teamSize', 1, 12)}
      <label class="row"><input type="checkbox" .checked=${s.selfTeams !== false} @change=${(e) => set('selfTeams', e.target.checked)} />
        ${t('hackathon.settings.selfTeams')}</label>
      ${number('understandMinutes', 0, 480)} ${number('imagineMinutes', 0, 480)} ${number('buildMinutes', 0, 480)}
      ${number('voteMinutes', 0, 480)} ${number('pitchSeconds', 30, 1800)} ${number('dots', 1, 10)}
      <label class="row"><input type="checkbox" .checked=${s.publicVote !== false} @change=${(e) => set('publicVote', e.target.checked)} />
        ${t('hackathon.settings.publicVote')}</label>
    </details>`;
  }
}
