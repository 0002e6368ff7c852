import { FormatElement, state } from '../../components/format-element.js';
import { html, nothing } from 'lit';
import { t, tn, formatNumber } from '../../i18n/index.js';
import { api } from '../../util.js';
import { CATEGORIES, KINDS, PROFILES, TEXT_MAX, downloadPlan, label, parseProjectLink, projectHeader, projectKeyFor, projectUrl, saveProject, savedProjects } from './shared.js';
import { randomTag } from '../../random.js';
import { runStep } from '../../components/next-step.js';

const STAGES = ['COLLECT', 'SYNTHESIS', 'VOTE', 'RESULTS', 'PLAN'];
export const THEME_MAX = 80;

/** The console refuses to send a project bigger than a facilitator frame (256 KiB) can carry. */
const FRAME_MAX = 250 * 1024;

/** The console's state, the project and the moderation of contributions (themes, proposals, vote and plan are in console.js). */
export class PrioritisationConsoleModeration extends FormatElement {
  static properties = state({
    _selected: new Set(), _editing: null, _showHidden: true, _renaming: null, _problem: '', _settings: null,
    _projectForm: { sector: '', territory: '', targetPublic: '', name: '' },
    _projectLink: '', _projectBusy: false, _projectError: '',
    _paper: { text: '', kind: 'difficulty', category: 'conditions', profile: 'unspecified' },
    _themeName: '', _themeTarget: '', _proposal: { text: '', themeId: '' },
    _drafts: {}, _newAction: { title: '', lead: '', deadline: '' },
  });

  /** Sends a command; the console page announces the outcome. Resolves to true when acknowledged. */
  async _do(command) {
    try {
      await this.send(command);
      return true;
    } catch {
      return false;
    }
  }

  willUpdate(changed) {
    if (changed.has('activity')) {
      const ids = new Set((this.activity?.contributions ?? []).map((c) => c.id));
      const kept = [...this._selected].filter((id) => ids.has(id));
      if (kept.length !== this._selected.size) this._selected = new Set(kept);
      const plan = new Map((this.activity?.plan ?? []).map((a) => [a.id, a]));
      const drafts = {};
      for (const [id, draft] of Object.entries(this._drafts)) {
        if (plan.has(id) && this._differs(plan.get(id))) drafts[id] = draft;
      }
      if (Object.keys(drafts).length !== Object.keys(this._drafts).length) this._drafts = drafts;
    }
  }

  // -- project --

  _blank(a) {
    return !a.project && !(a.contributions?.length) && !(a.vote?.proposals?.length) && !(a.plan?.length) && !(a.synthesis?.themes?.length);
  }

  async _createProject(event) {
    event.preventDefault();
    const f = this._projectForm;
    if (!f.sector.trim()) {
      this._projectError = t('prio.project.needSector');
      return;
    }
    this._projectBusy = true;
    this._projectError = '';
    try {
      const created = await api('/api/projects', {
        method: 'POST',
        body: { sector: f.sector.trim(), territory: f.territory.trim(), targetPublic: f.targetPublic.trim(), name: f.name.trim() || null },
        fallbackMessage: t('prio.project.createError'),
      });
      saveProject({ id: created.projectId, key: created.projectKey, name: f.name.trim() || f.sector.trim() });
      await this._useProject(created.projectId, created.projectKey);
    } catch (error) {
      this._projectError = error?.message || t('prio.project.createError');
    } finally {
      this._projectBusy = false;
    }
  }

  async _useProject(id, key) {
    this._projectBusy = true;
    this._projectError = '';
    try {
      const data = await api(`/api/projects/${encodeURIComponent(id)}`, { token: key, fallbackMessage: t('prio.project.loadError') });
      saveProject({ id, key, name: data.project?.name });
      const command = { type: 'prioritisation.useProject', projectKey: key, tag: randomTag(), project: data.project };
      if (new TextEncoder().encode(JSON.stringify(command)).length > FRAME_MAX) throw new Error(t('prio.project.tooBig'));
      if (!(await this._do(command))) throw new Error(t('prio.project.refused'));
    } catch (error) {
      this._projectError = error?.message || t('prio.project.loadError');
    } finally {
      this._projectBusy = false;
    }
  }

  _useLink(event) {
    event.preventDefault();
    const parsed = parseProjectLink(this._projectLink);
    if (!parsed) {
      this._projectError = t('prio.project.badLink');
      return;
    }
    this._projectLink = '';
    this._useProject(parsed.id, parsed.key);
  }

  _renderProject(a, live) {
    if (a.project) {
      const key = projectKeyFor(a.project.id);
      return html`<section class="panel" aria-labelledby="prio-project-title" data-testid="prio-project-panel" data-project=${a.project.id}>
        <h3 class="panel__title" id="prio-project-title">${t('prio.project.title')}</h3>
        ${projectHeader(a.project)}
        <p class="hint">${a.project.previousSessions
          ? tn('prio.project.previous', a.project.previousSessions)
          : t('prio.project.first')}</p>
        ${key
          ? html`<div class="row">
              <a class="btn btn--secondary btn--small" href=${projectUrl(a.project.id, key)} target="_blank" rel="noopener" data-testid="prio-project-print">
                ${t('prio.project.open')}<span class="visually-hidden"> ${t('common.newWindow')}</span></a>
              <button type="button" class="btn btn--ghost btn--small" data-testid="prio-project-csv"
                @click=${() => downloadPlan(a.project.id, key).catch((e) => (this._projectError = e.message))}>${t('prio.project.csv')}</button>
            </div>
            <p class="hint">${t('prio.project.planHint')}</p>`
          : html`<p class="hint">${t('prio.project.noKeyHere')}</p>`}
        ${this._projectError ? html`<p class="notice notice--error" role="alert">${this._projectError}</p>` : nothing}
      </section>`;
    }
    const blank = this._blank(a);
    const saved = savedProjects();
    const f = this._projectForm;
    const set = (field) => (e) => (this._projectForm = { ...this._projectForm, [field]: e.target.value });
    return html`<section class="panel" aria-labelledby="prio-project-title" data-testid="prio-project-panel">
      <h3 class="panel__title" id="prio-project-title">${t('prio.project.choose')}</h3>
      ${!blank
        ? html`<p class="notice" data-testid="prio-project-too-late">${t('prio.project.tooLate')}</p>`
        : !live
          ? nothing
          : html`<p class="hint">${t('prio.project.why')}</p>
            <form class="stack" @submit=${this._createProject} novalidate data-testid="prio-project-form">
              <h4>${t('prio.project.new')}</h4>
              <div class="field"><label for="prio-p-sector">${t('prio.project.sector')}</label>
                <input id="prio-p-sector" type="text" maxlength="120" required data-testid="prio-project-sector" .value=${f.sector} @input=${set('sector')} />
                <p class="hint">${t('prio.project.sectorHint')}</p></div>
              <div class="field"><label for="prio-p-territory">${t('prio.project.territory')}</label>
                <input id="prio-p-territory" type="text" maxlength="120" data-testid="prio-project-territory" .value=${f.territory} @input=${set('territory')} /></div>
              <div class="field"><label for="prio-p-public">${t('prio.project.public')}</label>
                <input id="prio-p-public" type="text" maxlength="200" data-testid="prio-project-public" .value=${f.targetPublic} @input=${set('targetPublic')} /></div>
              <div class="field"><label for="prio-p-name">${t('prio.project.name')}</label>
                <input id="prio-p-name" type="text" maxlength="160" data-testid="prio-project-name" .value=${f.name} @input=${set('name')} />
                <p class="hint">${t('prio.project.nameHint')}</p></div>
              <button type="submit" class="btn btn--secondary" data-testid="prio-project-create" ?disabled=${this._projectBusy}>${t('prio.project.create')}</button>
            </form>
            ${saved.length
              ? html`<h4>${t('prio.project.saved')}</h4>
                  <ul class="prio-list" data-testid="prio-project-saved">
                    ${saved.map(
                      (p, i) => html`<li class="row"><span>${p.name}</span>
                        <button type="button" class="btn btn--secondary btn--small" data-testid="prio-project-continue-${i}" ?disabled=${this._projectBusy}
                          @click=${() => this._useProject(p.id, p.key)}>${t('prio.project.continue')}</button></li>`,
                    )}
                  </ul>`
              : nothing}
            <form class="prio-inline" @submit=${this._useLink} novalidate>
              <div class="field"><label for="prio-p-link">${t('prio.project.link')}</label>
                <input id="prio-p-link" type="text" autocomplete="off" spellcheck="false" data-testid="prio-project-link"
                  .value=${this._projectLink} @input=${(e) => (this._projectLink = e.target.value)} /></div>
              <button type="submit" class="btn btn--secondary" data-testid="prio-project-link-use" ?disabled=${this._projectBusy}>${t('prio.project.continue')}</button>
            </form>`}
      ${this._projectError ? html`<p class="notice notice--error" role="alert" data-testid="prio-project-error">${this._projectError}</p>` : nothing}
    </section>`;
  }

  // -- stages --

  _renderStages(a, stage, live) {
    const vote = a.vote ?? {};
    const visibleProposals = (vote.proposals ?? []).filter((p) => !p.hidden).length;
    return html`<section class="panel" aria-labelledby="prio-stages-title" data-testid="prio-stages">
      <h3 class="panel__title" id="prio-stages-title">${t('prio.console.steps')}</h3>
      <ol class="prio-steps">
        ${STAGES.map(
          (s) => html`<li><button type="button" class="btn btn--secondary btn--small" data-testid="prio-stage-${s}"
            aria-current=${s === stage ? 'step' : 'false'}
            ?disabled=${!live || s === stage || (s === 'RESULTS' && !a.revealed) || (s === 'VOTE' && (a.revealed || !visibleProposals))}
            @click=${() => this._do({ type: 'prioritisation.setStage', stage: s })}>${t(`prio.stage.${s}`)}</button></li>`,
        )}
      </ol>
      <p class="hint">${t(`prio.console.hint.${stage}`)}</p>
      ${stage === 'VOTE'
        ? html`<button type="button" class="btn btn--secondary" data-testid="prio-reveal" ?disabled=${!live}
            @click=${() => runStep(this, this.nextStep)}>${t('prio.console.reveal')}</button>`
        : nothing}
    </section>`;
  }

  // -- moderation and grouping --

  _toggle(id) {
    const next = new Set(this._selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this._selected = next;
  }

  async _groupSelection(themeId) {
    const ids = [...this._selected];
    if (!ids.length) return;
    if (await this._do({ type: 'prioritisation.group', themeId, contributionIds: ids })) this._selected = new Set();
  }

  async _createTheme() {
    const name = this._themeName.trim();
    if (!name) {
      this._problem = t('prio.console.problem.themeName');
      return;
    }
    this._problem = '';
    if (await this._do({ type: 'prioritisation.createTheme', name, contributionIds: [...this._selected] })) {
      this._themeName = '';
      this._selected = new Set();
    }
  }

  async _mergeSelection(contributions) {
    const ids = contributions.filter((c) => this._selected.has(c.id)).map((c) => c.id);
    if (ids.length < 2) {
      this._problem = t('prio.console.problem.mergeTwo');
      return;
    }
    this._problem = '';
    const [into, ...rest] = ids;
    for (const id of rest) {
      if (!(await this._do({ type: 'prioritisation.merge', contributionId: id, intoId: into }))) return;
    }
    this._selected = new Set();
  }

  async _saveEdit(c) {
    const e = this._editing;
    if (await this._do({ type: 'prioritisation.edit', contributionId: c.id, text: e.text, kind: e.kind, category: e.category })) this._editing = null;
  }

  _renderModeration(a, stage) {
    const contributions = a.contributions ?? [];
    const themes = a.synthesis?.themes ?? [];
    const themeNames = new Map(themes.map((th) => [th.id, th.name]));
    const proposed = new Set((a.vote?.proposals ?? []).filter((p) => !p.hidden && p.contributionId).map((p) => p.contributionId));
    const children = new Map();
    for (const c of contributions) {
      if (c.mergedInto) children.set(c.mergedInto, [...(children.get(c.mergedInto) ?? []), c]);
    }
    const roots = contributions.filter((c) => !c.mergedInto && (this._showHidden || !c.hidden));
    const visible = contributions.filter((c) => !c.hidden).length;
    return html`<section class="panel" aria-labelledby="prio-mod-title" data-testid="prio-moderation">
      <h3 class="panel__title" id="prio-mod-title">${t('prio.console.contributions')}
        <span class="count-pill" data-testid="prio-contribution-count" data-count=${visible}>${formatNumber(visible)}</span></h3>
      <p class="hint">${stage === 'COLLECT' ? t('prio.console.moderationHint') : t('prio.console.groupHint')}</p>
      <label class="row"><input type="checkbox" .checked=${this._showHidden} @change=${(e) => (this._showHidden = e.target.checked)} />
        ${t('prio.console.showHidden')}</label>
      ${contributions.length === 0 ? html`<p class="muted">${t('prio.console.noContribution')}</p>` : nothing}
      ${CATEGORIES.map((cat) => {
        const list = roots.filter((c) => c.category === cat);
        if (!list.length) return nothing;
        return html`<h4>${label('category', cat)} (${list.length})</h4>
          <ul class="prio-mod prio-list" data-testid="prio-mod-${cat}">
            ${list.map((c) => html`${this._renderItem(c, themeNames, proposed, false)}
              ${(children.get(c.id) ?? []).map((child) => this._renderItem(child, themeNames, proposed, true))}`)}
          </ul>`;
      })}
      ${this._selected.size ? this._renderToolbar(contributions, themes) : nothing}
    </section>`;
  }

  _renderItem(c, themeNames, proposed, merged) {
    const editing = this._editing?.id === c.id;
    return html`<li class="prio-mod__item prio-cat--${c.category} ${c.hidden ? 'prio-mod__item--hidden' : ''} ${merged ? 'prio-mod__item--merged' : ''}"
      data-testid="prio-mod-item" data-id=${c.id} data-hidden=${c.hidden ? 'true' : 'false'} draggable=${merged ? 'false' : 'true'}
      @dragstart=${(e) => e.dataTransfer?.setData('text/plain', c.id)}>
      <input type="checkbox" data-testid="prio-select" aria-label=${t('prio.console.select', { text: c.text })}
        .checked=${this._selected.has(c.id)} @change=${() => this._toggle(c.id)} />
      <div>
        ${editing ? this._renderEdit(c) : html`<span class="prio-text">${c.text}</span>`}
        <div class="prio-meta">
          <span class="prio-chip">${label('kind', c.kind)}</span>
          <span class="prio-chip">${label('profile', c.profile)}</span>
          ${c.weight > 1 ? html`<span class="prio-weight">×${c.weight}</span>` : nothing}
          ${c.themeId ? html`<span class="prio-chip" data-testid="prio-item-theme">${themeNames.get(c.themeId) ?? ''}</span>` : nothing}
          ${c.hidden ? html`<span class="prio-chip prio-chip--hidden">${t('prio.hidden')}</span>` : nothing}
          ${merged ? html`<span class="prio-chip">${t('prio.merged')}</span>` : nothing}
          ${c.earlier ? html`<span class="prio-chip prio-chip--earlier">${t('prio.earlier')}</span>` : nothing}
        </div>
      </div>
      ${editing
        ? nothing
        : html`<div class="prio-mod__actions">
            <button type="button" class="btn btn--ghost" data-testid="prio-hide"
              @click=${() => this._do({ type: 'prioritisation.hide', contributionId: c.id, hidden: !c.hidden })}>${c.hidden ? t('prio.console.show') : t('prio.console.hide')}</button>
            <button type="button" class="btn btn--ghost" data-testid="prio-edit"
              @click=${() => (this._editing = { id: c.id, text: c.text, kind: c.kind, category: c.category })}>${t('prio.console.edit')}</button>
            ${merged
              ? html`<button type="button" class="btn btn--ghost" data-testid="prio-unmerge"
                  @click=${() => this._do({ type: 'prioritisation.unmerge', contributionId: c.id })}>${t('prio.console.unmerge')}</button>`
              : nothing}
            ${!merged && !c.hidden && !proposed.has(c.id)
              ? html`<button type="button" class="btn btn--ghost" data-testid="prio-promote"
                  @click=${() => this._do({ type: 'prioritisation.propose', contributionId: c.id })}>${t('prio.console.promote')}</button>`
              : nothing}
          </div>`}
    </li>`;
  }

  _renderEdit(c) {
    const e = this._editing;
    return html`<div class="stack" data-testid="prio-edit-form">
      <label class="visually-hidden" for="prio-edit-${c.id}">${t('prio.console.editText')}</label>
      <textarea id="prio-edit-${c.id}" rows="2" maxlength=${TEXT_MAX} data-testid="prio-edit-text" .value=${e.text}
        @input=${(ev) => (this._editing = { ...this._editing, text: ev.target.value })}></textarea>
      <div class="prio-inline">
        <div class="field"><label for="prio-edit-cat-${c.id}">${t('prio.category')}</label>
          <select id="prio-edit-cat-${c.id}" data-testid="prio-edit-category" @change=${(ev) => (this._editing = { ...this._editing, category: ev.target.value })}>
            ${CATEGORIES.map((cat) => html`<option value=${cat} ?selected=${cat === e.category}>${label('category', cat)}</option>`)}
          </select></div>
        <div class="field"><label for="prio-edit-kind-${c.id}">${t('prio.kind')}</label>
          <select id="prio-edit-kind-${c.id}" @change=${(ev) => (this._editing = { ...this._editing, kind: ev.target.value })}>
            ${KINDS.map((k) => html`<option value=${k} ?selected=${k === e.kind}>${label('kind', k)}</option>`)}
          </select></div>
      </div>
      <div class="row">
        <button type="button" class="btn btn--secondary btn--small" data-testid="prio-edit-save" @click=${() => this._saveEdit(c)}>${t('prio.console.save')}</button>
        <button type="button" class="btn btn--ghost btn--small" @click=${() => (this._editing = null)}>${t('common.cancel')}</button>
      </div>
    </div>`;
  }

  _renderToolbar(contributions, themes) {
    return html`<div class="prio-toolbar" role="group" aria-label=${t('prio.console.selection')} data-testid="prio-toolbar">
      <p class="count">${tn('prio.console.selected', this._selected.size)}</p>
      <div class="prio-inline">
        <div class="field"><label for="prio-theme-name">${t('prio.console.newTheme')}</label>
          <input id="prio-theme-name" type="text" maxlength=${THEME_MAX} data-testid="prio-theme-name" .value=${this._themeName}
            @input=${(e) => (this._themeName = e.target.value)} @keydown=${(e) => e.key === 'Enter' && (e.preventDefault(), this._createTheme())} /></div>
        <button type="button" class="btn btn--secondary" data-testid="prio-theme-create" @click=${this._createTheme}>${t('prio.console.createTheme')}</button>
      </div>
      ${themes.length
        ? html`<div class="prio-inline">
            <div class="field"><label for="prio-theme-target">${t('prio.console.existingTheme')}</label>
              <select id="prio-theme-target" data-testid="prio-theme-target" @change=${(e) => (this._themeTarget = e.target.value)}>
                <option value="" ?selected=${!this._themeTarget}>—</option>
                ${themes.map((th) => html`<option value=${th.id} ?selected=${th.id === this._themeTarget}>${th.name}</option>`)}
              </select></div>
            <button type="button" class="btn btn--secondary" data-testid="prio-theme-add" ?disabled=${!this._themeTarget}
              @click=${() => this._groupSelection(this._themeTarget)}>${t('prio.console.addToTheme')}</button>
          </div>`
        : nothing}
      <div class="row">
        <button type="button" class="btn btn--secondary btn--small" data-testid="prio-merge-selection" @click=${() => this._mergeSelection(contributions)}>
          ${t('prio.console.merge')}</button>
        <button type="button" class="btn btn--ghost btn--small" data-testid="prio-ungroup" @click=${() => this._groupSelection(null)}>${t('prio.console.ungroup')}</button>
        <button type="button" class="btn btn--ghost btn--small" data-testid="prio-clear-selection" @click=${() => (this._selected = new Set())}>
          ${t('prio.console.clearSelection')}</button>
      </div>
      <p class="hint">${t('prio.console.mergeHint')}</p>
    </div>`;
  }

  async _addPaper(event) {
    event.preventDefault();
    const p = this._paper;
    if (!p.text.trim()) return;
    const command = { type: 'prioritisation.contribute', text: p.text.trim(), kind: p.kind, category: p.category, profile: p.profile };
    if (await this._do(command)) this._paper = { ...this._paper, text: '' };
  }

  _renderPaper() {
    const p = this._paper;
    const set = (field) => (e) => (this._paper = { ...this._paper, [field]: e.target.value });
    return html`<details class="panel" data-testid="prio-paper">
      <summary class="panel__title">${t('prio.console.paper')}</summary>
      <p class="hint">${t('prio.console.paperHint')}</p>
      <form class="stack" @submit=${this._addPaper} novalidate>
        <div class="field"><label for="prio-paper-text">${t('prio.contribution')}</label>
          <textarea id="prio-paper-text" rows="2" maxlength=${TEXT_MAX} data-testid="prio-paper-text" .value=${p.text} @input=${set('text')}></textarea></div>
        <div class="prio-inline">
          <div class="field"><label for="prio-paper-kind">${t('prio.kind')}</label>
            <select id="prio-paper-kind" @change=${set('kind')}>${KINDS.map((k) => html`<option value=${k} ?selected=${k === p.kind}>${label('kind', k)}</option>`)}</select></div>
          <div class="field"><label for="prio-paper-category">${t('prio.category')}</label>
            <select id="prio-paper-category" @change=${set('category')}>${CATEGORIES.map((c) => html`<option value=${c} ?selected=${c === p.category}>${label('category', c)}</option>`)}</select></div>
          <div class="field"><label for="prio-paper-profile">${t('prio.profile')}</label>
            <select id="prio-paper-profile" @change=${set('profile')}>${[...PROFILES, 'unspecified'].map((x) => html`<option value=${x} ?selected=${x === p.profile}>${label('profile', x)}</option>`)}</select></div>
        </div>
        <button type="submit" class="btn btn--secondary" data-testid="prio-paper-add">${t('prio.console.paperAdd')}</button>
      </form>
    </details>`;
  }
}
