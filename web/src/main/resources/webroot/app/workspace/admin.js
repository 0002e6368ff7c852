// "/admin": territories with their SSO domains, people (invite with role and territories, disable,
// password link), the name filter's words (admin-words.js). Links that were not e-mailed are shown once, to copy and pass on.
import { html, nothing } from 'lit';
import { LightElement, state } from '../components/light-element.js';
import { copyText } from '../util.js';
import { call, me, toSignIn } from './api.js';
import { wt } from './i18n.js';
import './bar.js';
import './admin-words.js';
import './admin-retention.js';
import './admin-audit.js';
import './territory-lists.js';

const ROLES = ['facilitator', 'coordinator', 'admin'];

class AdminApp extends LightElement {
  static properties = state({
    _me: null, _territories: [], _people: [], _error: '', _status: '', _links: [], _tName: '', _tDomains: '',
    _iEmail: '', _iRole: 'facilitator', _iTerritories: new Set(),
  });

  constructor() {
    super();
    this._load();
  }

  async _load() {
    try {
      this._me = await me();
      if (!this._me.account) {
        toSignIn();
        return;
      }
      if (this._me.account.role !== 'admin') return;
      await this._refresh();
    } catch (e) {
      this._error = e.message || wt('signIn.error');
    }
  }

  async _refresh() {
    const [territories, people, pending] = await Promise.all([
      call('/api/admin/territories'),
      call('/api/admin/people'),
      call('/api/admin/invitations'),
    ]);
    this._territories = territories;
    // Invited people appear at once, as pending, until they set their password.
    this._people = [...people, ...pending.map((p) => ({ ...p, id: null, displayName: '—', pending: true }))];
  }

  async _do(action, success) {
    this._error = '';
    try {
      const out = await action();
      if (success) this._status = success(out);
      await this._refresh();
      return out;
    } catch (e) {
      this._error = e.message || wt('signIn.error');
      return null;
    }
  }

  _createTerritory(event) {
    event.preventDefault();
    const domains = this._tDomains.split(/[,;\s]+/).map((d) => d.trim()).filter(Boolean);
    this._do(() => call('/api/admin/territories', { method: 'POST', body: { name: this._tName.trim(), domains } }), (t) => {
      this._tName = '';
      this._tDomains = '';
      return wt('admin.territoryCreated', { name: t.name });
    });
  }

  _invite(event) {
    event.preventDefault();
    const body = { email: this._iEmail.trim(), role: this._iRole, territoryIds: [...this._iTerritories] };
    this._do(() => call('/api/admin/invitations', { method: 'POST', body }), (out) => this._linkResult(out));
  }

  _linkResult(out) {
    if (out.link) {
      this._links = [{ email: out.email, link: out.link }, ...this._links];
      this._iEmail = '';
      return wt('admin.linkFor', { email: out.email });
    }
    this._iEmail = '';
    return wt('admin.inviteSent', { email: out.email });
  }

  _disable(p) {
    this._do(() => call(`/api/admin/people/${encodeURIComponent(p.id)}/disable`, { method: 'POST', body: {} }), () => `${p.email} : ${wt('admin.disabled')}`);
  }

  _reset(p) {
    this._do(() => call(`/api/admin/people/${encodeURIComponent(p.id)}/reset`, { method: 'POST', body: {} }), (out) => this._linkResult(out));
  }

  async _copy(i) {
    const ok = await copyText(this._links[i].link, this.querySelector(`#link-${i}`));
    this._status = ok ? wt('admin.copied') : wt('admin.copyFailed');
  }

  _toggleTerritory(id, checked) {
    const next = new Set(this._iTerritories);
    if (checked) next.add(id);
    else next.delete(id);
    this._iTerritories = next;
  }

  render() {
    const account = this._me?.account;
    return html`<a class="skip-link" href="#main">${wt('skip')}</a>
      <workspace-bar .account=${account}></workspace-bar>
      <main id="main" class="workspace">
        <h1>${wt('admin.title')}</h1>
        ${this._error ? html`<p class="notice notice--error" role="alert" data-testid="admin-error">${this._error}</p>` : nothing}
        <p class="hint" role="status" aria-live="polite" data-testid="admin-status">${this._status}</p>
        ${!this._me ? html`<p class="hint">${wt('loading')}</p>` : nothing}
        ${account && account.role !== 'admin' ? html`<p class="notice notice--error">${wt('admin.notAdmin')}</p>` : nothing}
        ${account?.role === 'admin' ? html`${this._renderLinks()} ${this._renderTerritories()} <territory-lists></territory-lists> ${this._renderPeople()}
          <admin-words></admin-words><admin-retention></admin-retention><admin-audit></admin-audit>` : nothing}
      </main>`;
  }

  _renderLinks() {
    if (!this._links.length) return nothing;
    return html`<section class="panel stack" aria-labelledby="links-title" data-testid="links">
      <h2 id="links-title" class="panel__title">${wt('admin.invite')}</h2>
      ${this._links.map((l, i) => html`<div class="field">
        <label for="link-${i}">${wt('admin.linkFor', { email: l.email })}</label>
        <div class="input-row">
          <input id="link-${i}" type="text" readonly .value=${l.link} data-testid="invite-link" />
          <button type="button" class="btn btn--secondary" @click=${() => this._copy(i)}>${wt('admin.copy')}</button>
        </div>
      </div>`)}
    </section>`;
  }

  _renderTerritories() {
    return html`<section class="panel stack" aria-labelledby="territories-title">
      <h2 id="territories-title" class="panel__title">${wt('admin.territories')}</h2>
      ${this._territories.length
        ? html`<div class="table-wrap"><table class="table" data-testid="territories">
            <thead><tr><th scope="col">${wt('admin.name')}</th><th scope="col">${wt('admin.domains')}</th></tr></thead>
            <tbody>${this._territories.map((t) => html`<tr><td>${t.name}</td><td>${t.domains.join(', ')}</td></tr>`)}</tbody>
          </table></div>`
        : html`<p class="hint">${wt('admin.noTerritories')}</p>`}
      <form class="stack" @submit=${this._createTerritory} novalidate data-testid="territory-form">
        <div class="field">
          <label for="t-name">${wt('admin.territoryName')}</label>
          <input id="t-name" type="text" maxlength="120" required data-testid="territory-name"
            .value=${this._tName} @input=${(e) => (this._tName = e.target.value)} />
        </div>
        <div class="field">
          <label for="t-domains">${wt('admin.territoryDomains')}</label>
          <input id="t-domains" type="text" aria-describedby="t-domains-hint" data-testid="territory-domains"
            .value=${this._tDomains} @input=${(e) => (this._tDomains = e.target.value)} />
          <p id="t-domains-hint" class="hint">${wt('admin.territoryDomainsHint')}</p>
        </div>
        <button type="submit" class="btn btn--primary" data-testid="territory-submit">${wt('admin.territoryCreate')}</button>
      </form>
    </section>`;
  }

  _renderPeople() {
    const names = new Map(this._territories.map((t) => [t.id, t.name]));
    return html`<section class="panel stack" aria-labelledby="people-title">
      <h2 id="people-title" class="panel__title">${wt('admin.people')}</h2>
      <div class="table-wrap"><table class="table" data-testid="people">
        <thead><tr>
          <th scope="col">${wt('admin.name')}</th><th scope="col">${wt('admin.email')}</th><th scope="col">${wt('admin.role')}</th>
          <th scope="col">${wt('admin.territories')}</th><th scope="col">${wt('admin.state')}</th><th scope="col">${wt('admin.actions')}</th>
        </tr></thead>
        <tbody>${this._people.map((p) => html`<tr>
          <td>${p.displayName}</td><td>${p.email}</td><td>${wt('role.' + p.role)}</td>
          <td>${p.territoryIds.map((id) => names.get(id) ?? id).join(', ')}</td>
          <td>${p.disabled ? wt('admin.disabled') : p.pending ? wt('admin.pending') : wt('admin.active')}</td>
          <td>${p.disabled || p.pending || p.id === this._me.account.id
            ? nothing
            : html`<div class="row">
                <button type="button" class="btn btn--secondary btn--small" aria-label=${wt('admin.reset', { name: p.displayName })}
                  @click=${() => this._reset(p)}>${wt('admin.resetShort')}</button>
                <button type="button" class="btn btn--danger btn--small" aria-label=${wt('admin.disable', { name: p.displayName })}
                  @click=${() => this._disable(p)}>${wt('admin.disableShort')}</button>
              </div>`}</td>
        </tr>`)}</tbody>
      </table></div>
      <form class="stack" @submit=${this._invite} novalidate aria-labelledby="invite-title" data-testid="invite-form">
        <h3 id="invite-title">${wt('admin.invite')}</h3>
        <div class="field">
          <label for="i-email">${wt('admin.email')}</label>
          <input id="i-email" type="email" autocomplete="off" required data-testid="invite-email"
            .value=${this._iEmail} @input=${(e) => (this._iEmail = e.target.value)} />
        </div>
        <div class="field">
          <label for="i-role">${wt('admin.role')}</label>
          <select id="i-role" data-testid="invite-role" @change=${(e) => (this._iRole = e.target.value)}>
            ${ROLES.map((r) => html`<option value=${r} ?selected=${r === this._iRole}>${wt('role.' + r)}</option>`)}
          </select>
        </div>
        <fieldset class="checks">
          <legend>${wt('admin.inviteTerritories')}</legend>
          ${this._territories.map((t) => html`<label><input type="checkbox" data-testid="invite-territory"
            .checked=${this._iTerritories.has(t.id)} @change=${(e) => this._toggleTerritory(t.id, e.target.checked)} />${t.name}</label>`)}
        </fieldset>
        <button type="submit" class="btn btn--primary" data-testid="invite-submit">${wt('admin.inviteSubmit')}</button>
      </form>
    </section>`;
  }
}
customElements.define('workspace-admin', AdminApp);
