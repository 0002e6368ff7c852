import { LightElement } from './light-element.js';

/**
 * Base of every format's role component (phone, projector, console, synthesis). format-slot hands
 * it `view` (the whole view), `activity` (view.activity), `send(command)` → Promise, and on the
 * synthesis page `synthesis` and `results` (synthesis.results).
 */
export class FormatElement extends LightElement {
  static properties = {
    view: { attribute: false },
    activity: { attribute: false },
    send: { attribute: false },
    synthesis: { attribute: false },
    results: { attribute: false },
  };

  constructor() {
    super();
    this.view = null;
    this.activity = null;
    this.send = null;
    this.synthesis = null;
    this.results = null;
  }
}
