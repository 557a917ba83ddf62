/**
 * Cursor paging with the state in the URL, so a reload or a shared link shows the same page:
 * `cursor` is the current page's cursor (none on the first page) and `back` the cursors of the
 * pages between the first and this one, so "Previous" needs no extra request.
 */
export type Paging = { cursor: string | null; back: string[]; page: number };

export function readPaging(params: URLSearchParams): Paging {
  const cursor = params.get('cursor') || null;
  const back = cursor ? (params.get('back') ?? '').split(',').filter(Boolean) : [];
  return { cursor, back, page: cursor ? back.length + 2 : 1 };
}

function withPaging(params: URLSearchParams, cursor: string | null, back: string[]): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete('cursor');
  next.delete('back');
  if (cursor) next.set('cursor', cursor);
  if (cursor && back.length > 0) next.set('back', back.join(','));
  return next;
}

/** The search parameters of the page after this one. */
export function nextPageParams(params: URLSearchParams, nextCursor: string): URLSearchParams {
  const { cursor, back } = readPaging(params);
  return withPaging(params, nextCursor, cursor ? [...back, cursor] : []);
}

/** The search parameters of the page before this one (the first page has no cursor). */
export function previousPageParams(params: URLSearchParams): URLSearchParams {
  const { back } = readPaging(params);
  return withPaging(params, back.at(-1) ?? null, back.slice(0, -1));
}

/** A filter changed: back to the first page with `name` set (or removed when empty). */
export function filterParams(params: URLSearchParams, name: string, value: string): URLSearchParams {
  const next = withPaging(params, null, []);
  if (value) next.set(name, value);
  else next.delete(name);
  return next;
}

export const pageSizes = [10, 20, 50] as const;
export const defaultPageSize = 20;

/** `limit` from the URL when it is one of the offered sizes. */
export function readPageSize(params: URLSearchParams): number {
  const value = Number(params.get('limit'));
  return (pageSizes as readonly number[]).includes(value) ? value : defaultPageSize;
}
