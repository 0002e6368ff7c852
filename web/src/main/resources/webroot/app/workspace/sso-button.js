// "Se connecter avec ProConnect" (issue 14, item 3): shown on the sign-in page only when the server
// has single sign-on configured and its provider answered; otherwise nothing at all.
import { html, nothing } from 'lit';
import { LightElement } from '../components/light-element.js';
import { lang } from '../i18n/index.js';

const messages = {
  fr: { or: 'ou', button: 'Se connecter avec {name}', hint: 'Pour les agent·es des services publics qui ont un compte {name}.' },
  en: { or: 'or', button: 'Sign in with {name}', hint: 'For public-service staff who have a {name} account.' },
};

function st(key, name) {
  return (messages[lang] ?? messages.fr)[key].replace('{name}', name);
}

/** Where to come back after signing in: the page's ?retour= when it is a path of this site. */
function next() {
  const back = new URLSearchParams(location.search).get('retour');
  return back && back.startsWith('/') && !back.startsWith('//') ? back : null;
}

class SsoButton extends LightElement {
  static properties = { _status: { state: true } };

  constructor() {
    super();
    this._status = null;
    fetch('/api/auth/oidc', { headers: { Accept: 'application/json' } })
      .then((r) => (r.ok ? r.json() : null))
      .then((s) => (this._status = s))
      .catch(() => (this._status = null));
  }

  render() {
    const s = this._status;
    if (!s?.enabled) return nothing;
    const target = s.loginUrl + (next() ? '?next=' + encodeURIComponent(next()) : '');
    return html`<section class="panel stack" aria-labelledby="sso-or" data-testid="sso">
      <p id="sso-or" class="hint">${st('or', s.name)}</p>
      <a class="btn btn--secondary btn--block" href=${target} data-testid="sso-button" aria-describedby="sso-hint">${st('button', s.name)}</a>
      <p id="sso-hint" class="hint">${st('hint', s.name)}</p>
    </section>`;
  }
}
customElements.define('sso-button', SsoButton);
