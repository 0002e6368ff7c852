// The privacy notice (/confidentialite, /privacy) and the accessibility statement (/accessibilite,
// /accessibility): plain pages whose installation-dependent facts (who is responsible, whom to
// write to, how long data is kept) come from GET /api/notices. The English paths show English.
import { html } from 'lit';
import { LightElement, state } from '../components/light-element.js';
import { api } from '../util.js';
// Evaluated first: it sets <html lang> from ?lang, which this page then overrides with its own language.
import '../i18n/index.js';
import privacy from '../notices/privacy.js';
import accessibility from '../notices/accessibility.js';

const DOCUMENTS = {
  '/confidentialite': { doc: privacy, lang: 'fr', other: '/privacy' },
  '/privacy': { doc: privacy, lang: 'en', other: '/confidentialite' },
  '/accessibilite': { doc: accessibility, lang: 'fr', other: '/accessibility' },
  '/accessibility': { doc: accessibility, lang: 'en', other: '/accessibilite' },
};

const page = DOCUMENTS[location.pathname.replace(/\/+$/, '')] ?? DOCUMENTS['/confidentialite'];
// Set before the footer’s module runs (page.html loads it after this one), so that it speaks the same language.
document.documentElement.lang = page.lang;

const SHARED = {
  fr: { skip: 'Aller au contenu', other: 'English version', otherLang: 'en', loading: 'Chargement…', home: "Retour à l’accueil" },
  en: { skip: 'Skip to content', other: 'Version française', otherLang: 'fr', loading: 'Loading…', home: 'Back to the home page' },
};

class NoticeApp extends LightElement {
  static properties = state({ _facts: null });

  constructor() {
    super();
    // Without the facts (server unreachable), the page still says everything it can.
    const fallback = { organisation: null, contact: null, retentionMonths: 12, liveRetentionHours: 48 };
    api('/api/notices').then((f) => (this._facts = f), () => (this._facts = fallback));
  }

  updated() {
    document.title = `${page.doc[page.lang].title} — Atelier`;
  }

  render() {
    const s = SHARED[page.lang];
    const doc = page.doc[page.lang];
    return html`<a class="skip-link" href="#main">${s.skip}</a>
      <header class="topbar">
        <a class="brand" href="/">Atelier</a><span class="topbar__spacer"></span>
        <a class="topbar__link" href=${page.other} hreflang=${s.otherLang} lang=${s.otherLang} data-testid="notice-other-language">${s.other}</a>
      </header>
      <main id="main" class="notice-main">
        <article class="panel notice-page" data-testid="notice">
          <h1>${doc.title}</h1>
          ${this._facts ? doc.body(this._facts) : html`<p role="status">${s.loading}</p>`}
        </article>
        <p><a href="/">${s.home}</a></p>
      </main>`;
  }
}
customElements.define('notice-app', NoticeApp);
