// The console's participants panel (issue 15, item 4): the list, and per participant Rename and
// Remove (with a confirmation). The server checks the new nickname against the name filter.
import { html, nothing } from 'lit';
import { LightElement, inputs, state } from './light-element.js';
import { t, formatNumber, loadMessages } from '../i18n/index.js';
// The console's other moderation component: loaded with this one so that a format console includes it in one line.
import './approval-queue.js';

await loadMessages((lang) => import(`./moderation.${lang}.js`));

class ParticipantList extends LightElement {
  static properties = { ...inputs({ view: null, send: null }), ...state({ _renaming: null, _name: '', _removing: null, _error: '' }) };

  async _run(command, after) {
    this._error = '';
    try {
      await this.send(command);
      after();
    } catch (error) {
      this._error = error?.message || t('common.rejected');
    }
  }

  _startRename(p) {
    this._removing = null;
    this._renaming = p.id;
    this._name = p.nickname;
    this._error = '';
    this.updateComplete.then(() => this.querySelector('[data-testid="participant-rename-input"]')?.focus());
  }

  _saveRename(event, p) {
    event.preventDefault();
    const nickname = this._name.trim();
    if (!nickname) return;
    this._run({ type: 'session.renameParticipant', participantId: p.id, nickname }, () => (this._renaming = null));
  }

  _askRemove(p) {
    this._renaming = null;
    this._removing = p.id;
    this._error = '';
    this.updateComplete.then(() => this.querySelector('[data-testid="participant-remove-confirm"]')?.focus());
  }

  render() {
    const view = this.view;
    if (!view) return nothing;
    const people = view.participants ?? [];
    const count = view.session.participantCount ?? people.length;
    const live = view.session.phase !== 'ENDED';
    return html`<section class="panel" aria-labelledby="participants-title">
      <h2 id="participants-title" class="panel__title">
        ${t('console.participants')} <span class="count-pill" data-testid="participant-count" data-count=${count}>${formatNumber(count)}</span>
      </h2>
      ${this._error ? html`<p class="notice notice--error" role="alert" data-testid="participant-error">${this._error}</p>` : nothing}
      ${people.length
        ? html`<ul class="people people--rows" data-testid="participant-list">
            ${people.map((p) => this._renderPerson(p, live))}
          </ul>`
        : html`<p class="muted">${t('console.noParticipants')}</p>`}
    </section>`;
  }

  _renderPerson(p, live) {
    const away = p.active === false;
    return html`<li class="people__item ${away ? 'people__item--away' : ''}" data-testid="participant" data-participant=${p.id}>
      <span class="people__name" data-testid="participant-name">${p.nickname}</span>${away ? html` <span class="muted">(${t('console.away')})</span>` : nothing}
      ${live && !away ? this._renderActions(p) : nothing}
    </li>`;
  }

  _renderActions(p) {
    if (this._renaming === p.id) {
      return html`<form class="row people__form" @submit=${(e) => this._saveRename(e, p)} novalidate>
        <label class="visually-hidden" for="rename-${p.id}">${t('mod.people.renameLabel', { name: p.nickname })}</label>
        <input id="rename-${p.id}" type="text" maxlength="24" autocomplete="off" data-testid="participant-rename-input"
          .value=${this._name} @input=${(e) => (this._name = e.target.value)} />
        <button type="submit" class="btn btn--primary btn--small" data-testid="participant-rename-save">${t('mod.people.save')}</button>
        <button type="button" class="btn btn--ghost btn--small" @click=${() => (this._renaming = null)}>${t('common.cancel')}</button>
      </form>`;
    }
    if (this._removing === p.id) {
      return html`<div class="people__form stack" role="group" aria-label=${t('mod.people.removeConfirm', { name: p.nickname })}>
        <p>${t('mod.people.removeConfirm', { name: p.nickname })}</p>
        <div class="row">
          <button type="button" class="btn btn--danger btn--small" data-testid="participant-remove-confirm"
            @click=${() => this._run({ type: 'session.removeParticipant', participantId: p.id }, () => (this._removing = null))}>${t('mod.people.removeYes')}</button>
          <button type="button" class="btn btn--ghost btn--small" @click=${() => (this._removing = null)}>${t('common.cancel')}</button>
        </div>
      </div>`;
    }
    return html`<span class="row people__actions" role="group" aria-label=${t('mod.people.actions', { name: p.nickname })}>
      <button type="button" class="btn btn--link btn--small" data-testid="participant-rename" @click=${() => this._startRename(p)}>${t('mod.people.rename')}</button>
      <button type="button" class="btn btn--link btn--small" data-testid="participant-remove" @click=${() => this._askRemove(p)}>${t('mod.people.remove')}</button>
    </span>`;
  }
}
customElements.define('participant-list', ParticipantList);
