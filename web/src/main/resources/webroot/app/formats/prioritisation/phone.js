import { FormatElement, state } from '../../components/format-element.js';
import { html, nothing } from 'lit';
import { t, tn } from '../../i18n/index.js';
import { CATEGORIES, KINDS, PROFILES, TEXT_MAX, hint, label, planTable, useWords } from './shared.js';

function dotsRow(n, budget) {
  return html`<span class="prio-dots" aria-hidden="true">${Array.from({ length: budget }, (_, i) => html`<span class="prio-dot ${i < n ? 'prio-dot--on' : ''}"></span>`)}</span>`;
}

/** Phone: an optional anonymous profile, short contributions, then dots and ratings, then the plan. */
class PrioritisationPhone extends FormatElement {
  static properties = state({
    _text: '', _kind: null, _category: null, _status: '', _statusKind: 'info', _busy: false, _changingProfile: false,
    _pendingDots: {}, _pendingRatings: {},
  });

  constructor() {
    super();
    this._stage = null;
  }

  willUpdate(changed) {
    if (changed.has('activity')) {
      const stage = this.activity?.stage ?? null;
      if (stage !== this._stage) {
        this._stage = stage;
        this._status = '';
      }
      // Forget optimistic values the server has now confirmed.
      const proposals = this.activity?.vote?.proposals ?? [];
      const dots = { ...this._pendingDots };
      const ratings = { ...this._pendingRatings };
      for (const p of proposals) {
        if (dots[p.id] === (p.myDots ?? 0)) delete dots[p.id];
        const r = ratings[p.id];
        if (r && r.impact === (p.myImpact ?? null) && r.feasibility === (p.myFeasibility ?? null)) delete ratings[p.id];
      }
      this._pendingDots = dots;
      this._pendingRatings = ratings;
    }
  }

  _say(message, kind = 'info') {
    this._status = message;
    this._statusKind = kind;
  }

  async _do(command, okMessage) {
    try {
      await this.send(command);
      if (okMessage) this._say(okMessage, 'ok');
      return true;
    } catch (error) {
      this._say(error?.message || t('common.rejected'), 'error');
      return false;
    }
  }

  async _chooseProfile(profile) {
    this._changingProfile = false;
    await this._do({ type: 'prioritisation.setProfile', profile }, t('prio.phone.profileSaved'));
  }

  async _contribute(event) {
    event.preventDefault();
    const text = this._text.trim();
    if (!text) return this._say(t('prio.phone.problem.text'), 'error');
    if ([...text].length > TEXT_MAX) return this._say(t('prio.phone.problem.long', { max: TEXT_MAX }), 'error');
    if (!this._kind) return this._say(t('prio.phone.problem.kind'), 'error');
    if (!this._category) return this._say(t('prio.phone.problem.category'), 'error');
    this._busy = true;
    const ok = await this._do({ type: 'prioritisation.contribute', text, kind: this._kind, category: this._category }, t('prio.phone.sent'));
    this._busy = false;
    if (ok) {
      this._text = '';
      this._kind = null;
      this._category = null;
    }
  }

  _dotsOf(p) {
    return this._pendingDots[p.id] ?? p.myDots ?? 0;
  }

  async _setDots(p, dots) {
    this._pendingDots = { ...this._pendingDots, [p.id]: dots };
    const ok = await this._do({ type: 'prioritisation.vote', proposalId: p.id, dots });
    if (!ok) {
      const copy = { ...this._pendingDots };
      delete copy[p.id];
      this._pendingDots = copy;
    } else {
      this._say(t('prio.phone.voteSaved'), 'ok');
    }
  }

  async _rate(p, field, value) {
    const current = this._pendingRatings[p.id] ?? { impact: p.myImpact ?? null, feasibility: p.myFeasibility ?? null };
    const next = { ...current, [field]: current[field] === value ? null : value };
    this._pendingRatings = { ...this._pendingRatings, [p.id]: next };
    const ok = await this._do({ type: 'prioritisation.rate', proposalId: p.id, impact: next.impact, feasibility: next.feasibility });
    if (!ok) {
      const copy = { ...this._pendingRatings };
      delete copy[p.id];
      this._pendingRatings = copy;
    }
  }

  render() {
    const a = this.activity ?? {};
    useWords(a.vocabulary);
    const me = a.me ?? {};
    const needsProfile = !me.profileChosen || this._changingProfile;
    return html`<div class="prio prio-phone">
      ${a.project ? html`<p class="muted prio-project-line" data-testid="prio-phone-project">${a.project.name}</p>` : nothing}
      ${needsProfile ? this._renderProfile(me) : this._renderProfileLine(me)}
      ${needsProfile ? nothing : this._renderStage(a, me)}
      <p class="answer-status answer-status--${this._statusKind}" role="status" aria-live="polite" data-testid="prio-status">${this._status}</p>
    </div>`;
  }

  _renderProfile(me) {
    return html`<section class="card" aria-labelledby="prio-profile-title" data-testid="prio-profile">
      <h2 id="prio-profile-title" class="panel__title">${t('prio.phone.profileTitle')}</h2>
      <p class="hint">${t('prio.phone.profileHint')}</p>
      <div class="prio-choices" role="group" aria-labelledby="prio-profile-title">
        ${PROFILES.map(
          (p) => html`<button type="button" class="prio-choice" aria-pressed=${me.profile === p ? 'true' : 'false'}
            data-testid="prio-profile-${p}" @click=${() => this._chooseProfile(p)}>${label('profile', p)}${this._hint('profile', p)}</button>`,
        )}
      </div>
      <button type="button" class="btn btn--link" data-testid="prio-profile-skip" @click=${() => this._chooseProfile(null)}>${t('prio.phone.profileSkip')}</button>
    </section>`;
  }

  _renderProfileLine(me) {
    return html`<p class="muted" data-testid="prio-my-profile">${t('prio.phone.myProfile', { profile: label('profile', me.profile ?? 'unspecified') })}
      <button type="button" class="btn btn--link" data-testid="prio-profile-change" @click=${() => (this._changingProfile = true)}>${t('prio.phone.change')}</button></p>`;
  }

  _renderStage(a, me) {
    const stage = a.stage;
    const parts = [];
    if (stage === 'COLLECT') parts.push(this._renderForm(me));
    if (stage === 'SYNTHESIS') parts.push(html`<section class="card card--center" data-testid="prio-phone-synthesis"><p class="lead">${t('prio.phone.synthesis')}</p></section>`);
    if (a.vote && a.vote.open) parts.push(this._renderVote(a.vote));
    if (a.revealed && a.results) parts.push(this._renderResults(a));
    if (stage === 'PLAN') {
      parts.push(html`<section class="card" aria-labelledby="prio-phone-plan"><h2 id="prio-phone-plan" class="panel__title">${t('prio.stage.PLAN')}</h2>
        ${planTable(a.plan ?? [], { testid: 'prio-phone-plan' })}</section>`);
    }
    if (stage === 'VOTE' && a.vote && !a.vote.open) parts.push(html`<p class="card card--center">${t('prio.phone.voteClosed')}</p>`);
    if ((stage === 'COLLECT' || stage === 'SYNTHESIS') && (me.contributions ?? []).length) parts.push(this._renderMine(me));
    return parts;
  }

  _renderForm(me) {
    const count = (me.contributions ?? []).length;
    const limit = me.limit ?? 30;
    const length = [...this._text].length;
    return html`<form class="card" @submit=${this._contribute} novalidate data-testid="prio-form" aria-labelledby="prio-form-title">
      <h2 id="prio-form-title" class="panel__title">${t('prio.phone.formTitle')}</h2>
      <p class="hint">${t('prio.phone.formHint')}</p>
      ${this._renderChoices('kind', KINDS, this._kind, (k) => (this._kind = k))}
      <div class="field">
        <label for="prio-text">${t('prio.phone.text')}</label>
        <textarea id="prio-text" rows="3" maxlength=${TEXT_MAX} data-testid="prio-text" aria-describedby="prio-text-count"
          .value=${this._text} @input=${(e) => (this._text = e.target.value)}></textarea>
        <p class="prio-counter" id="prio-text-count">${t('prio.phone.counter', { n: length, max: TEXT_MAX })}</p>
      </div>
      ${this._renderChoices('category', CATEGORIES, this._category, (c) => (this._category = c))}
      <button type="submit" class="btn btn--primary btn--block" data-testid="prio-send" ?disabled=${this._busy || count >= limit}>${t('prio.phone.send')}</button>
      ${count >= limit ? html`<p class="hint">${t('prio.phone.limit')}</p>` : nothing}
    </form>`;
  }

  _hint(vocabulary, id) {
    const h = hint(vocabulary, id);
    return h ? html`<span class="prio-choice__hint">${h}</span>` : nothing;
  }

  /** One of a few values to pick (the kind, the category), as buttons that show which one is pressed. */
  _renderChoices(name, values, chosen, choose) {
    return html`<fieldset class="field">
      <legend>${t(`prio.phone.${name}`)}</legend>
      <div class="prio-choices">
        ${values.map(
          (v) => html`<button type="button" class="prio-choice" aria-pressed=${chosen === v ? 'true' : 'false'} data-testid="prio-${name}-${v}"
            @click=${() => choose(v)}>${label(name, v)}${this._hint(name, v)}</button>`,
        )}
      </div>
    </fieldset>`;
  }

  _renderMine(me) {
    return html`<section class="card" aria-labelledby="prio-mine-title">
      <h2 id="prio-mine-title" class="panel__title">${t('prio.phone.mine')} (${(me.contributions ?? []).length})</h2>
      <p class="hint">${t('prio.phone.mineHint')}</p>
      <ul class="prio-list" data-testid="prio-mine">
        ${(me.contributions ?? []).map(
          (c) => html`<li data-testid="prio-mine-item" data-status=${c.status}>
            <span class="prio-text">${c.text}</span>
            <div class="prio-meta"><span class="prio-chip">${label('kind', c.kind)}</span><span class="prio-chip">${label('category', c.category)}</span>
              ${c.status !== 'visible' ? html`<span class="prio-chip ${c.status === 'hidden' ? 'prio-chip--hidden' : ''}">${t(`prio.phone.status.${c.status}`)}</span>` : nothing}</div>
          </li>`,
        )}
      </ul>
    </section>`;
  }

  _renderVote(vote) {
    const proposals = vote.proposals ?? [];
    const used = proposals.reduce((sum, p) => sum + this._dotsOf(p), 0);
    const remaining = Math.max(0, vote.budget - used);
    return html`<section aria-labelledby="prio-vote-title" data-testid="prio-vote">
      <h2 id="prio-vote-title" class="panel__title">${t('prio.phone.voteTitle')}</h2>
      <p class="hint">${t('prio.phone.voteHint', { max: vote.maxPerProposal })}</p>
      <p class="prio-budget" data-testid="prio-remaining" data-remaining=${remaining} aria-live="polite">
        ${t('prio.phone.remaining', { n: remaining, budget: vote.budget })} ${dotsRow(remaining, vote.budget)}</p>
      ${proposals.map((p, i) => this._renderProposal(p, i, vote, remaining))}
    </section>`;
  }

  _renderProposal(p, i, vote, remaining) {
    const dots = this._dotsOf(p);
    const ratings = this._pendingRatings[p.id] ?? { impact: p.myImpact ?? null, feasibility: p.myFeasibility ?? null };
    const scale = (field) => html`<p class="prio-scale-label" id="prio-${field}-${i}">${t(`prio.phone.${field}`)}</p>
      <div class="prio-scale" role="group" aria-labelledby="prio-${field}-${i}">
        ${[1, 2, 3, 4, 5].map(
          (n) => html`<button type="button" aria-pressed=${ratings[field] === n ? 'true' : 'false'} data-testid="prio-${field}-${i}-${n}"
            aria-label=${t(`prio.phone.${field}N`, { n })} @click=${() => this._rate(p, field, n)}>${n}</button>`,
        )}
      </div>`;
    return html`<article class="prio-proposal" data-testid="prio-proposal-${i}" data-dots=${dots}>
      <p class="prio-proposal__text">${p.text}</p>
      ${p.themeName ? html`<p class="prio-meta">${p.themeName}</p>` : nothing}
      <div class="prio-stepper">
        <button type="button" class="btn btn--secondary" data-testid="prio-dot-minus-${i}" ?disabled=${dots <= 0}
          aria-label=${t('prio.phone.less', { text: p.text })} @click=${() => this._setDots(p, dots - 1)}>−</button>
        <span data-testid="prio-dots-${i}" aria-live="polite">${dotsRow(dots, vote.maxPerProposal)} <span class="visually-hidden">${tn('prio.dotsN', dots)}</span></span>
        <button type="button" class="btn btn--secondary" data-testid="prio-dot-plus-${i}" ?disabled=${dots >= vote.maxPerProposal || remaining <= 0}
          aria-label=${t('prio.phone.more', { text: p.text })} @click=${() => this._setDots(p, dots + 1)}>+</button>
      </div>
      ${vote.ratings ? html`${scale('impact')}${scale('feasibility')}` : nothing}
    </article>`;
  }

  _renderResults(a) {
    const rows = a.results.rows ?? [];
    const mine = new Map((a.vote?.proposals ?? []).map((p) => [p.id, p.myDots ?? 0]));
    return html`<section class="card" aria-labelledby="prio-phone-results" data-testid="prio-phone-results">
      <h2 id="prio-phone-results" class="panel__title">${t('prio.stage.RESULTS')}</h2>
      <ol class="prio-list">
        ${rows.slice(0, 10).map(
          (r, i) => html`<li data-testid="prio-phone-result-${i}">
            <strong>${r.rank}.</strong> <span class="prio-text">${r.text}</span>
            <div class="prio-meta"><strong>${tn('prio.dotsN', r.dots)}</strong>${r.tied ? html`<span class="prio-chip">${t('prio.results.tie')}</span>` : nothing}
              ${mine.get(r.proposalId) ? html`<span class="tag tag--mine">${t('prio.phone.yours', { n: mine.get(r.proposalId) })}</span>` : nothing}</div>
          </li>`,
        )}
      </ol>
    </section>`;
  }
}

customElements.define('prioritisation-phone', PrioritisationPhone);
