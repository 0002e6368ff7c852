// The workspace pages' top bar: brand, who is signed in, sign-out.
import { html, nothing } from 'lit';
import { LightElement } from '../components/light-element.js';
import { signOut } from './api.js';
import { wt } from './i18n.js';
import { bt } from './bilan/messages.js';

class WorkspaceBar extends LightElement {
  static properties = { account: { attribute: false } };

  async _signOut() {
    try {
      await signOut();
    } finally {
      location.assign('/connexion');
    }
  }

  render() {
    const a = this.account;
    return html`<header class="topbar">
      <a class="brand" href="/">Atelier</a>
      <span class="topbar__spacer"></span>
      ${a
        ? html`<span data-testid="signed-in-as">${wt('signedInAs', { name: a.displayName })}</span>
            <a class="topbar__link" href="/seances" data-testid="my-sessions">${wt('mySessions')}</a>
            <a class="topbar__link" href="/bibliotheque" data-testid="library-link">${wt('library')}</a>
            ${a.role === 'admin' || a.role === 'coordinator' ? html`<a class="topbar__link" href="/bilan" data-testid="bilan-link">${bt('bi.title')}</a>` : nothing}
            ${a.role === 'admin' ? html`<a class="topbar__link" href="/admin">${wt('admin')}</a>` : nothing}
            <button type="button" class="btn btn--secondary btn--small" data-testid="sign-out" @click=${this._signOut}>${wt('signOut')}</button>`
        : html`<a class="topbar__link" href="/connexion">${wt('signIn')}</a>`}
    </header>`;
  }
}
customElements.define('workspace-bar', WorkspaceBar);
