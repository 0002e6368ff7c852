// The footer of every page (pages/page.html): the privacy notice and the accessibility statement,
// in the page’s language. Its two texts live here rather than in the catalogues: the footer is the
// same on every page, including the English notices that set their own language.
import { html } from 'lit';
import { LightElement } from './light-element.js';
import { lang } from '../i18n/index.js';

const TEXTS = {
  fr: { label: 'Informations légales', privacy: 'Données personnelles', privacyHref: '/confidentialite',
    accessibility: 'Accessibilité : non conforme', accessibilityHref: '/accessibilite' },
  en: { label: 'Legal information', privacy: 'Personal data', privacyHref: '/privacy',
    accessibility: 'Accessibility: not compliant', accessibilityHref: '/accessibility' },
};

/** The language of the page as shown: the notices in English set it themselves, the other pages from ?lang. */
export function pageLanguage() {
  return document.documentElement.lang === 'en' || lang === 'en' ? 'en' : 'fr';
}

class SiteFooter extends LightElement {
  render() {
    const text = TEXTS[pageLanguage()];
    return html`<footer class="site-footer" aria-label=${text.label}>
      <a href=${text.privacyHref} data-testid="footer-privacy">${text.privacy}</a>
      <a href=${text.accessibilityHref} data-testid="footer-accessibility">${text.accessibility}</a>
    </footer>`;
  }
}
customElements.define('site-footer', SiteFooter);
