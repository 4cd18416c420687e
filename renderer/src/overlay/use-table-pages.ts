import { useLayoutEffect, useState, type RefObject } from 'react';

/** How long a page of the board's product table stays before the next one (OBS shows it unattended). */
export const PAGE_MS = 8_000;

/**
 * Pages a table so its rows always fit the box it was given: measures the box and a row, and turns the
 * page by itself every PAGE_MS. A show has 5–20 products; the 1920×1080 board once cut the table after 3–4.
 */
export function useTablePages<T>(box: RefObject<HTMLElement | null>, rows: readonly T[], now: number): { page: T[]; index: number; count: number; measured: boolean } {
  // Until a row has been measured every row is drawn (the box clips), so the first measure sees one.
  const [perPage, setPerPage] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => {
      const head = el.querySelector('thead')?.getBoundingClientRect().height ?? 0;
      const row = el.querySelector('tbody tr')?.getBoundingClientRect().height ?? 0;
      if (!row) return;
      const fits = Math.max(1, Math.floor((el.clientHeight - head) / row));
      setPerPage((current) => (current === fits ? current : fits));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [box, rows.length]);
  const size = perPage ?? Math.max(1, rows.length);
  const count = Math.max(1, Math.ceil(rows.length / size));
  const index = Math.floor(now / PAGE_MS) % count;
  return { page: rows.slice(index * size, (index + 1) * size), index, count, measured: perPage !== null };
}
