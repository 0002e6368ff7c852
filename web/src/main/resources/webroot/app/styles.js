// The one way a module brings its own stylesheet: a <link> to a file served by the server, so the
// strict Content-Security-Policy (style-src 'self', no inline styles) allows it.

const sheets = new Map();

/** Adds the stylesheet at `href` once; the promise settles when it is applied (or failed to load). */
export function loadStyles(href) {
  if (!sheets.has(href)) {
    sheets.set(
      href,
      new Promise((resolve) => {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = href;
        // A missing stylesheet leaves the page usable with base.css: never block the format on it.
        link.addEventListener('load', () => resolve(true), { once: true });
        link.addEventListener('error', () => resolve(false), { once: true });
        document.head.append(link);
      }),
    );
  }
  return sheets.get(href);
}
