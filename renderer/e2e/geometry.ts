import type { Locator } from 'playwright-core';

export interface GeometryProblem {
  what: string;
  why: string;
}

/**
 * Everything visible inside `root` as a person would check it: no control narrower than its content, no
 * text broken onto several lines (中控/台), nothing outside the viewport or its bar. Elements that cut
 * their text on purpose (text-overflow: ellipsis) must still be at least `minEllipsisPx` wide.
 */
export function layoutProblems(root: Locator, options: { minEllipsisPx?: number; minFieldPx?: number } = {}): Promise<GeometryProblem[]> {
  return root.evaluate(
    (bar, { minEllipsisPx, minFieldPx }) => {
      const problems: { what: string; why: string }[] = [];
      const name = (el: Element) => `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 24)}"`;
      const barBox = bar.getBoundingClientRect();
      if (bar.scrollWidth > bar.clientWidth + 1) problems.push({ what: name(bar), why: `content ${bar.scrollWidth}px wider than the bar ${bar.clientWidth}px` });
      // The bar's parts side by side: none may cover another (a squeezed form once slid under the tallies).
      const parts = Array.from(bar.children).filter((c) => c.getBoundingClientRect().width > 0);
      parts.forEach((a, i) => {
        for (const b of parts.slice(i + 1)) {
          const [p, q] = [a.getBoundingClientRect(), b.getBoundingClientRect()];
          if (p.left < q.right - 1 && q.left < p.right - 1 && p.top < q.bottom - 1 && q.top < p.bottom - 1) problems.push({ what: `${name(a)} and ${name(b)}`, why: 'overlap' });
        }
      });
      for (const el of Array.from(bar.querySelectorAll<HTMLElement>('*'))) {
        const parent = el.parentElement;
        if (parent && parent !== bar && getComputedStyle(parent).overflowX === 'visible') {
          const [p, c] = [parent.getBoundingClientRect(), el.getBoundingClientRect()];
          if (c.width > 0 && (c.right > p.right + 1 || c.left < p.left - 1)) problems.push({ what: name(el), why: `spills out of ${name(parent)}` });
        }
        const style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        if (style.display === 'none' || style.visibility === 'hidden' || box.width === 0) continue;
        if (box.right > window.innerWidth + 1 || box.left < -1) problems.push({ what: name(el), why: `outside the viewport (${Math.round(box.left)}–${Math.round(box.right)} of ${window.innerWidth})` });
        if (box.bottom > barBox.bottom + 1 || box.top < barBox.top - 1) problems.push({ what: name(el), why: 'sticks out of the bar vertically' });
        const ellipsis = style.textOverflow === 'ellipsis';
        if (ellipsis && el.scrollWidth > el.clientWidth + 1 && box.width < minEllipsisPx) problems.push({ what: name(el), why: `cut to ${Math.round(box.width)}px (under ${minEllipsisPx}px)` });
        const isField = el instanceof HTMLInputElement || el instanceof HTMLSelectElement;
        if (isField && box.width < minFieldPx) problems.push({ what: name(el), why: `field only ${Math.round(box.width)}px wide (under ${minFieldPx}px)` });
        if (!ellipsis && !isField && el.scrollWidth > el.clientWidth + 1 && style.overflowX !== 'visible') problems.push({ what: name(el), why: `content ${el.scrollWidth}px in ${el.clientWidth}px` });
        // Each text node on one line: several line boxes mean the text wrapped.
        for (const node of Array.from(el.childNodes)) {
          if (node.nodeType !== Node.TEXT_NODE || !(node.textContent ?? '').trim()) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          const tops = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
          if (tops.size > 1) problems.push({ what: name(el), why: `text wraps over ${tops.size} lines` });
        }
      }
      return problems;
    },
    { minEllipsisPx: options.minEllipsisPx ?? 80, minFieldPx: options.minFieldPx ?? 120 },
  );
}

/** WCAG contrast ratio of an element's text against its own (solid) background. */
export function textContrast(el: Locator): Promise<{ ratio: number; fontPx: number; backgroundImage: string }> {
  return el.evaluate((node) => {
    const style = getComputedStyle(node);
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map(Number);
    const lum = (c: string) => {
      const [r, g, b] = rgb(c).map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const [a, b] = [lum(style.color), lum(style.backgroundColor)].sort((x, y) => y - x) as [number, number];
    return { ratio: (a + 0.05) / (b + 0.05), fontPx: parseFloat(style.fontSize), backgroundImage: style.backgroundImage };
  });
}

/** Captions laid out for one line: a KPI card's name, a panel's small heading, a form label. */
const LABEL_SELECTOR = '.kpi-label, .now-label, .panel-title, label, legend, dt';

/**
 * A console panel as a field controller reads it (issue 17): nothing wider than the panel or outside
 * the window, no control narrower than its text, no field too narrow to show what is typed, and no text
 * broken into a column of one or two characters per line (中/控/台). Wrapping a sentence over a few
 * full lines is fine in a panel; only the squeezed kind is reported.
 */
export function panelProblems(root: Locator, options: { minFieldPx?: number; minEllipsisPx?: number } = {}): Promise<GeometryProblem[]> {
  return root.evaluate(
    (panel, { minFieldPx, minEllipsisPx, LABELS }) => {
      const problems: { what: string; why: string }[] = [];
      const name = (el: Element) => `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 24)}"`;
      const box = panel.getBoundingClientRect();
      if (panel.scrollWidth > panel.clientWidth + 1) problems.push({ what: name(panel), why: `content ${panel.scrollWidth}px wider than the panel ${panel.clientWidth}px` });
      if (box.right > window.innerWidth + 1 || box.left < -1) problems.push({ what: name(panel), why: `outside the window (${Math.round(box.left)}–${Math.round(box.right)} of ${window.innerWidth})` });
      // Inside a scrolling box (a wide table) an element may lie beyond the panel on purpose.
      const scrolls = (el: Element) => {
        for (let p = el.parentElement; p && p !== panel; p = p.parentElement) if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) return true;
        return false;
      };
      for (const el of Array.from(panel.querySelectorAll<HTMLElement>('*'))) {
        const style = getComputedStyle(el);
        const b = el.getBoundingClientRect();
        if (style.display === 'none' || style.visibility === 'hidden' || b.width === 0 || el.closest('details:not([open]) > :not(summary)')) continue;
        if (!scrolls(el) && (b.right > box.right + 1 || b.left < box.left - 1)) problems.push({ what: name(el), why: `spills out of the panel (${Math.round(b.left)}–${Math.round(b.right)} in ${Math.round(box.left)}–${Math.round(box.right)})` });
        // Cut on purpose (an ellipsis) is fine while a person can still tell what it is.
        if (style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1 && b.width < minEllipsisPx) problems.push({ what: name(el), why: `cut to ${Math.round(b.width)}px (under ${minEllipsisPx}px)` });
        const control = el.matches('button, select, summary, .badge, .btn, th');
        if (control && style.textOverflow !== 'ellipsis' && el.scrollWidth > el.clientWidth + 1) problems.push({ what: name(el), why: `content ${el.scrollWidth}px in ${el.clientWidth}px` });
        if ((el instanceof HTMLInputElement && el.type !== 'checkbox' && el.type !== 'radio' && el.type !== 'file') || el instanceof HTMLSelectElement) {
          if (b.width < minFieldPx) problems.push({ what: name(el), why: `field only ${Math.round(b.width)}px wide (under ${minFieldPx}px)` });
        }
        // A button in a wrapping row that fell onto a line of its own (a squeezed head: "Change" under the
        // GMV figures). A row of buttons flowing onto a second line is a group wrapping, not this.
        const row = el.parentElement;
        const afterButton = el.previousElementSibling?.matches('button, .btn') === true;
        if (control && el.matches('button, .btn') && row && !afterButton) {
          const rowStyle = getComputedStyle(row);
          const siblings = Array.from(row.children).filter((c) => c !== el && c.getBoundingClientRect().width > 0 && getComputedStyle(c).position !== 'absolute');
          const flexRow = rowStyle.display.endsWith('flex') && rowStyle.flexWrap !== 'nowrap' && !rowStyle.flexDirection.startsWith('column');
          if (flexRow && siblings.length > 0 && siblings.every((c) => c.getBoundingClientRect().bottom <= b.top + 1 || c.getBoundingClientRect().top >= b.bottom - 1)) problems.push({ what: name(el), why: 'pushed onto a row of its own' });
        }
        for (const node of Array.from(el.childNodes)) {
          const text = (node.textContent ?? '').trim();
          if (node.nodeType !== Node.TEXT_NODE || text.length < 2) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          const lines = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size;
          if (lines > 1 && [...text].length / lines < 3) problems.push({ what: name(el), why: `text squeezed to ${lines} lines of ${[...text].length} characters` });
          if (lines > 1 && control) problems.push({ what: name(el), why: `control text wraps over ${lines} lines` });
          // A label's row holds one line (a KPI card's caption): wrapped, it pushes the figure down.
          else if (lines > 1 && el.matches(LABELS)) problems.push({ what: name(el), why: `label wraps over ${lines} lines` });
        }
      }
      return problems;
    },
    { minFieldPx: options.minFieldPx ?? 44, minEllipsisPx: options.minEllipsisPx ?? 80, LABELS: LABEL_SELECTOR },
  );
}

/** The bar's parts that fell onto a second row (a flex bar wraps instead of overflowing). */
export function wrappedParts(bar: Locator): Promise<string[]> {
  return bar.evaluate((el) => {
    const parts = Array.from(el.children).filter((c) => c.getBoundingClientRect().width > 0 && c.getBoundingClientRect().height > 0);
    const firstRowBottom = Math.min(...parts.map((c) => c.getBoundingClientRect().bottom));
    return parts.filter((c) => c.getBoundingClientRect().top >= firstRowBottom - 1).map((c) => `${c.className} "${(c.textContent ?? '').trim().slice(0, 20)}"`);
  });
}
