import { noChange } from 'lit';
import { directive, Directive, PartType } from 'lit/directive.js';

/**
 * Sets CSS properties through the CSSOM only. Lit's styleMap writes a `style="…"` attribute on its
 * first render, which the Content-Security-Policy (style-src 'self', no 'unsafe-inline') blocks;
 * element.style.setProperty is allowed. Usage: <span ${styleProps({ width: '40%' })}></span>
 */
class StyleProps extends Directive {
  constructor(part) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('styleProps must be used as an element binding');
    this._keys = new Set();
  }

  render() {
    return noChange;
  }

  update(part, [props]) {
    const style = part.element.style;
    for (const key of this._keys) {
      if (!(key in props)) style.removeProperty(key);
    }
    this._keys = new Set(Object.keys(props));
    for (const [key, value] of Object.entries(props)) {
      if (value === null || value === undefined) style.removeProperty(key);
      else style.setProperty(key, String(value));
    }
    return noChange;
  }
}

export const styleProps = directive(StyleProps);
