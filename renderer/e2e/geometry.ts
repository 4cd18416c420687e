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
