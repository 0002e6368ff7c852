import { html, nothing } from 'lit';
import { describer } from '../../components/next-step.js';
import { live } from 'lit/directives/live.js';
import { t, tn, formatNumber } from '../../i18n/index.js';
import { STATUSES, TEXT_MAX, crossTable, downloadPlan, label, matrixBlock, projectKeyFor, projectUrl, rankingTable, sidesBlock, synthesisBlock, useWords } from './shared.js';
import { PrioritisationConsoleModeration, THEME_MAX } from './console-moderation.js';
import { prioStep } from './console-step.js';

const LEAD_MAX = 120;

/** Console: project, steps, moderation, themes, proposals and vote, results, action plan. */
class PrioritisationConsole extends PrioritisationConsoleModeration {
  /** What its own buttons changed, in words (the page's status region). */
  describe = describer('prio', ['setStage', 'hide', 'createTheme', 'propose', 'settings', 'addAction', 'updateAction']);

  get preparation() {
    return true;
  }

  get preparationNeeded() {
    return !this.activity?.project;
  }

  get nextStep() {
    return prioStep(this);
  }

  render() {
    const a = this.activity ?? {};
    useWords(a.vocabulary);
    const stage = a.stage ?? 'COLLECT';
    const phase = this.view?.session?.phase;
    const live = phase === 'LOBBY' || phase === 'ACTIVITY';
    if (this.consoleTab === 'prep') {
      return html`<div class="prio prio-console" data-testid="prio-console" data-stage=${stage}>${this._renderProject(a, live)}</div>`;
    }
    return html`<div class="prio prio-console" data-testid="prio-console" data-stage=${stage}>
      ${this._renderStages(a, stage, live)}
      ${this._problem ? html`<p class="notice notice--error" role="alert" data-testid="prio-console-problem">${this._problem}</p>` : nothing}
      <approval-queue .view=${this.view} .send=${this.send}></approval-queue>
      ${stage === 'COLLECT' || stage === 'SYNTHESIS' ? this._renderModeration(a, stage) : nothing}
      ${stage !== 'COLLECT' ? this._renderThemes(a, stage) : nothing}
      ${stage === 'SYNTHESIS' || stage === 'VOTE' ? this._renderProposals(a, stage) : nothing}
      ${stage === 'VOTE' ? this._renderVote(a) : nothing}
      ${a.revealed && (stage === 'RESULTS' || stage === 'PLAN') ? this._renderResults(a) : nothing}
      ${stage === 'PLAN' || stage === 'RESULTS' ? this._renderPlan(a) : nothing}
      ${stage === 'COLLECT' ? this._renderPaper() : nothing}
    </div>`;
  }

  // -- themes --

  async _rename(themeId) {
    const name = (this._renaming?.name ?? '').trim();
    if (name && (await this._do({ type: 'prioritisation.renameTheme', themeId, name }))) this._renaming = null;
  }

  _renderThemes(a, stage) {
    const synthesis = a.synthesis;
    const editable = stage === 'SYNTHESIS';
    const contributions = a.contributions ?? [];
    return html`<section class="panel" aria-labelledby="prio-themes-title" data-testid="prio-console-themes">
      <h3 class="panel__title" id="prio-themes-title">${t('prio.console.themes')}</h3>
      ${editable ? html`<p class="hint">${t('prio.console.themesHint')}</p>` : nothing}
      ${synthesisBlock(synthesis, {
        withProfiles: true,
        onDrop: editable ? (themeId, id) => this._do({ type: 'prioritisation.group', themeId, contributionIds: [id] }) : null,
        themeExtra: (th, i) => html`
          <details><summary>${t('prio.console.themeContents')}</summary>
            <ul class="prio-list">${contributions.filter((c) => !c.mergedInto && !c.hidden && c.themeId === th.id).map((c) => html`<li class="prio-text">${c.text}</li>`)}</ul>
          </details>
          ${editable
            ? this._renaming?.id === th.id
              ? html`<div class="prio-inline">
                  <div class="field"><label for="prio-rename-${i}">${t('prio.console.rename')}</label>
                    <input id="prio-rename-${i}" type="text" maxlength=${THEME_MAX} .value=${this._renaming.name}
                      @input=${(e) => (this._renaming = { ...this._renaming, name: e.target.value })} /></div>
                  <button type="button" class="btn btn--secondary btn--small" @click=${() => this._rename(th.id)}>${t('prio.console.save')}</button>
                  <button type="button" class="btn btn--ghost btn--small" @click=${() => (this._renaming = null)}>${t('common.cancel')}</button>
                </div>`
              : html`<div class="row">
                  <button type="button" class="btn btn--ghost btn--small" data-testid="prio-theme-rename-${i}"
                    @click=${() => (this._renaming = { id: th.id, name: th.name })}>${t('prio.console.rename')}</button>
                  <button type="button" class="btn btn--ghost btn--small" data-testid="prio-theme-remove-${i}"
                    @click=${() => this._do({ type: 'prioritisation.removeTheme', themeId: th.id })}>${t('prio.console.removeTheme')}</button>
                </div>`
            : nothing}`,
      })}
      ${synthesis?.themes?.length ? nothing : html`<p class="muted">${t('prio.console.noTheme')}</p>`}
      ${crossTable(synthesis)}
    </section>`;
  }

  // -- proposals and vote --

  async _addProposal(event) {
    event.preventDefault();
    const text = this._proposal.text.trim();
    if (!text) return;
    const command = { type: 'prioritisation.propose', text, themeId: this._proposal.themeId || null };
    if (await this._do(command)) this._proposal = { text: '', themeId: this._proposal.themeId };
  }

  _renderProposals(a, stage) {
    const proposals = a.vote?.proposals ?? [];
    const themes = a.synthesis?.themes ?? [];
    return html`<section class="panel" aria-labelledby="prio-props-title" data-testid="prio-proposals">
      <h3 class="panel__title" id="prio-props-title">${t('prio.console.proposals')}
        <span class="count-pill">${formatNumber(proposals.filter((p) => !p.hidden).length)}</span></h3>
      <p class="hint">${t('prio.console.proposalsHint')}</p>
      <ol class="prio-list" data-testid="prio-prop-list">
        ${proposals.map(
          (p, i) => html`<li data-testid="prio-prop-item-${i}" data-hidden=${p.hidden ? 'true' : 'false'}>
            <span class="prio-text">${p.text}</span>
            <div class="prio-meta">
              <label class="visually-hidden" for="prio-prop-theme-${i}">${t('prio.theme')}</label>
              <select id="prio-prop-theme-${i}" .value=${live(p.themeId ?? '')} @change=${(e) => this._do({ type: 'prioritisation.editProposal', proposalId: p.id, text: p.text, themeId: e.target.value || null })}>
                <option value="" ?selected=${!p.themeId}>${t('prio.theme.none')}</option>
                ${themes.map((th) => html`<option value=${th.id} ?selected=${th.id === p.themeId}>${th.name}</option>`)}
              </select>
              <span class="prio-chip">${t(`prio.source.${p.source ?? 'facilitator'}`)}</span>
              ${p.earlier ? html`<span class="prio-chip prio-chip--earlier">${t('prio.earlier')}</span>` : nothing}
              ${p.hidden ? html`<span class="prio-chip prio-chip--hidden">${t('prio.console.withdrawn')}</span>` : nothing}
              <button type="button" class="btn btn--ghost btn--small" data-testid="prio-prop-hide-${i}" ?disabled=${a.revealed}
                @click=${() => this._do({ type: 'prioritisation.hideProposal', proposalId: p.id, hidden: !p.hidden })}>
                ${p.hidden ? t('prio.console.restore') : t('prio.console.withdraw')}</button>
            </div>
          </li>`,
        )}
      </ol>
      ${a.revealed
        ? nothing
        : html`<form class="prio-inline" @submit=${this._addProposal} novalidate data-testid="prio-prop-form">
            <div class="field"><label for="prio-prop-text">${t('prio.console.newProposal')}</label>
              <input id="prio-prop-text" type="text" maxlength=${TEXT_MAX} data-testid="prio-prop-text" .value=${this._proposal.text}
                @input=${(e) => (this._proposal = { ...this._proposal, text: e.target.value })} /></div>
            <div class="field"><label for="prio-prop-theme">${t('prio.theme')}</label>
              <select id="prio-prop-theme" data-testid="prio-prop-theme" @change=${(e) => (this._proposal = { ...this._proposal, themeId: e.target.value })}>
                <option value="" ?selected=${!this._proposal.themeId}>${t('prio.theme.none')}</option>
                ${themes.map((th) => html`<option value=${th.id} ?selected=${th.id === this._proposal.themeId}>${th.name}</option>`)}
              </select></div>
            <button type="submit" class="btn btn--secondary" data-testid="prio-prop-add">${t('prio.console.addProposal')}</button>
          </form>`}
      ${stage === 'SYNTHESIS' ? this._renderSettings(a) : nothing}
    </section>`;
  }

  _renderSettings(a) {
    const v = a.vote ?? { budget: 5, maxPerProposal: 3, ratings: true };
    const s = this._settings ?? { budget: v.budget, maxPerProposal: v.maxPerProposal, ratings: v.ratings };
    const set = (field, value) => (this._settings = { ...s, [field]: value });
    const save = async (e) => {
      e.preventDefault();
      const command = { type: 'prioritisation.settings', budget: Number(s.budget), maxPerProposal: Number(s.maxPerProposal), ratings: Boolean(s.ratings) };
      if (await this._do(command)) this._settings = null;
    };
    return html`<form class="stack" @submit=${save} novalidate data-testid="prio-settings">
      <h4>${t('prio.console.settings')}</h4>
      <div class="prio-inline">
        <div class="field"><label for="prio-budget">${t('prio.console.budget')}</label>
          <input id="prio-budget" type="number" min="1" max="20" inputmode="numeric" data-testid="prio-budget" .value=${String(s.budget)}
            @input=${(e) => set('budget', e.target.value)} /></div>
        <div class="field"><label for="prio-max">${t('prio.console.max')}</label>
          <input id="prio-max" type="number" min="1" max="20" inputmode="numeric" data-testid="prio-max" .value=${String(s.maxPerProposal)}
            @input=${(e) => set('maxPerProposal', e.target.value)} /></div>
      </div>
      <label class="row"><input type="checkbox" data-testid="prio-ratings" .checked=${Boolean(s.ratings)} @change=${(e) => set('ratings', e.target.checked)} />
        ${t('prio.console.ratings')}</label>
      <button type="submit" class="btn btn--secondary" data-testid="prio-settings-save">${t('prio.console.saveSettings')}</button>
    </form>`;
  }

  _renderVote(a) {
    const vote = a.vote ?? {};
    const total = this.view?.session?.participantCount ?? 0;
    return html`<section class="panel" aria-labelledby="prio-vote-title" data-testid="prio-console-vote">
      <h3 class="panel__title" id="prio-vote-title">${t('prio.console.vote')}</h3>
      <p class="count" data-testid="prio-console-voters" data-voters=${vote.voters ?? 0}>${t('prio.screen.voters', { n: formatNumber(vote.voters ?? 0), total: formatNumber(total) })}</p>
      <p class="hint">${t('prio.screen.voteRules', { budget: vote.budget, max: vote.maxPerProposal })}
        ${vote.ratings ? t('prio.console.withRatings') : ''}</p>
      <details data-testid="prio-preview">
        <summary>${t('prio.console.preview')}</summary>
        <p class="hint">${t('prio.console.previewHint')}</p>
        ${rankingTable(a.results, { testid: 'prio-preview-ranking' })}
      </details>
    </section>`;
  }

  // -- results and action plan --

  async _addToPlan(proposalIds) {
    for (const proposalId of proposalIds) {
      if (!(await this._do({ type: 'prioritisation.addAction', proposalId }))) return;
    }
  }

  _renderResults(a) {
    const planned = new Set((a.plan ?? []).map((x) => x.proposalId).filter(Boolean));
    const rows = a.results?.rows ?? [];
    const top = rows.filter((r) => r.dots > 0 && !planned.has(r.proposalId)).slice(0, 3).map((r) => r.proposalId);
    return html`<section class="panel" aria-labelledby="prio-results-title" data-testid="prio-console-results">
      <h3 class="panel__title" id="prio-results-title">${t('prio.stage.RESULTS')}</h3>
      ${rankingTable(a.results, {
        actions: (r, i) =>
          planned.has(r.proposalId)
            ? html`<span class="prio-chip">${t('prio.console.inPlan')}</span>`
            : html`<button type="button" class="btn btn--secondary btn--small" data-testid="prio-plan-add-${i}"
                @click=${() => this._addToPlan([r.proposalId])}>${t('prio.console.toPlan')}</button>`,
      })}
      ${top.length
        ? html`<button type="button" class="btn btn--secondary" data-testid="prio-plan-top" @click=${() => this._addToPlan(top)}>
            ${tn('prio.console.topToPlan', top.length)}</button>`
        : nothing}
      ${sidesBlock(a.results)}
      ${matrixBlock(a.results)}
    </section>`;
  }

  _draft(action) {
    return this._drafts[action.id] ?? { title: action.title, lead: action.lead ?? '', deadline: action.deadline ?? '', status: action.status };
  }

  _setDraft(action, field, value) {
    this._drafts = { ...this._drafts, [action.id]: { ...this._draft(action), [field]: value } };
  }

  /** Whether the draft differs from what the server holds. */
  _differs(action) {
    const d = this._drafts[action.id];
    return Boolean(d) && (d.title !== action.title || d.lead !== (action.lead ?? '') || d.deadline !== (action.deadline ?? '') || d.status !== action.status);
  }

  async _saveAction(action) {
    const d = this._draft(action);
    const command = { type: 'prioritisation.updateAction', actionId: action.id, title: d.title, lead: d.lead || null, deadline: d.deadline || null, status: d.status };
    // The draft stays until the console's view shows the saved values (see willUpdate).
    await this._do(command);
  }

  async _addAction(event) {
    event.preventDefault();
    const n = this._newAction;
    if (!n.title.trim()) return;
    const command = { type: 'prioritisation.addAction', title: n.title.trim(), lead: n.lead.trim() || null, deadline: n.deadline || null };
    if (await this._do(command)) this._newAction = { title: '', lead: '', deadline: '' };
  }

  _renderPlan(a) {
    const plan = a.plan ?? [];
    const key = a.project ? projectKeyFor(a.project.id) : null;
    const n = this._newAction;
    return html`<section class="panel" aria-labelledby="prio-plan-title" data-testid="prio-console-plan">
      <h3 class="panel__title" id="prio-plan-title">${t('prio.stage.PLAN')} <span class="count-pill">${formatNumber(plan.length)}</span></h3>
      <p class="hint">${t('prio.console.planHint')}</p>
      ${plan.length
        ? html`<ol class="prio-plan-cards" data-testid="prio-plan-editor">
            ${plan.map((action, i) => {
              const d = this._draft(action);
              const dirty = this._differs(action);
              return html`<li class="prio-plan-card" data-testid="prio-action-${i}">
                <div class="field"><label for="prio-action-title-${i}">${t('prio.plan.action')} ${i + 1}
                  ${action.earlier ? html`<span class="prio-chip prio-chip--earlier">${t('prio.earlier')}</span>` : nothing}</label>
                  <input id="prio-action-title-${i}" type="text" maxlength=${TEXT_MAX} data-testid="prio-action-title-${i}" .value=${d.title}
                    @input=${(e) => this._setDraft(action, 'title', e.target.value)} />
                  ${action.proposalText && action.proposalText !== d.title ? html`<p class="hint">${t('prio.plan.from')} ${action.proposalText}</p>` : nothing}</div>
                <div class="prio-inline">
                  <div class="field"><label for="prio-action-lead-${i}">${t('prio.plan.lead')}</label>
                    <input id="prio-action-lead-${i}" type="text" maxlength=${LEAD_MAX} data-testid="prio-action-lead-${i}" .value=${d.lead}
                      @input=${(e) => this._setDraft(action, 'lead', e.target.value)} /></div>
                  <div class="field"><label for="prio-action-deadline-${i}">${t('prio.plan.deadline')}</label>
                    <input id="prio-action-deadline-${i}" type="date" data-testid="prio-action-deadline-${i}" .value=${d.deadline}
                      @input=${(e) => this._setDraft(action, 'deadline', e.target.value)} @change=${(e) => this._setDraft(action, 'deadline', e.target.value)} /></div>
                  <div class="field"><label for="prio-action-status-${i}">${t('prio.plan.status')}</label>
                    <select id="prio-action-status-${i}" data-testid="prio-action-status-${i}" .value=${live(d.status)}
                      @change=${(e) => this._setDraft(action, 'status', e.target.value)}>
                      ${STATUSES.map((st) => html`<option value=${st} ?selected=${st === d.status}>${label('status', st)}</option>`)}
                    </select></div>
                </div>
                <div class="row">
                  <button type="button" class="btn btn--secondary btn--small" data-testid="prio-action-save-${i}" ?disabled=${!dirty}
                    @click=${() => this._saveAction(action)}>${t('prio.console.save')}</button>
                  <button type="button" class="btn btn--ghost btn--small" data-testid="prio-action-remove-${i}"
                    @click=${() => this._do({ type: 'prioritisation.removeAction', actionId: action.id })}>${t('prio.console.remove')}</button>
                </div>
              </li>`;
            })}
          </ol>`
        : html`<p class="muted">${t('prio.plan.empty')}</p>`}
      <form class="prio-inline" @submit=${this._addAction} novalidate data-testid="prio-new-action">
        <div class="field"><label for="prio-new-title">${t('prio.console.newAction')}</label>
          <input id="prio-new-title" type="text" maxlength=${TEXT_MAX} data-testid="prio-new-action-title" .value=${n.title}
            @input=${(e) => (this._newAction = { ...this._newAction, title: e.target.value })} /></div>
        <div class="field"><label for="prio-new-lead">${t('prio.plan.lead')}</label>
          <input id="prio-new-lead" type="text" maxlength=${LEAD_MAX} data-testid="prio-new-action-lead" .value=${n.lead}
            @input=${(e) => (this._newAction = { ...this._newAction, lead: e.target.value })} /></div>
        <div class="field"><label for="prio-new-deadline">${t('prio.plan.deadline')}</label>
          <input id="prio-new-deadline" type="date" data-testid="prio-new-action-deadline" .value=${n.deadline}
            @change=${(e) => (this._newAction = { ...this._newAction, deadline: e.target.value })} /></div>
        <button type="submit" class="btn btn--secondary" data-testid="prio-new-action-add">${t('prio.console.addAction')}</button>
      </form>
      ${key
        ? html`<div class="row">
            <a class="btn btn--secondary" href=${projectUrl(a.project.id, key)} target="_blank" rel="noopener" data-testid="prio-plan-print">
              ${t('prio.project.print')}<span class="visually-hidden"> ${t('common.newWindow')}</span></a>
            <button type="button" class="btn btn--ghost" @click=${() => downloadPlan(a.project.id, key).catch(() => {})}>${t('prio.project.csv')}</button>
          </div>`
        : nothing}
    </section>`;
  }
}

customElements.define('prioritisation-console', PrioritisationConsole);
