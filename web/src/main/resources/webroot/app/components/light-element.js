import { LitElement } from 'lit';

/**
 * A Lit element rendered in the light DOM, so that /app/base.css styles it (the CSP allows no inline
 * styles) and browser tests find its elements with plain selectors.
 */
export class LightElement extends LitElement {
  createRenderRoot() {
    return this;
  }
}
