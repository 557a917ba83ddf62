import { filterParams, nextPageParams, previousPageParams, readPageSize, readPaging } from './paging';

const params = (search: string) => new URLSearchParams(search);

describe('cursor paging kept in the URL', () => {
  test('the first page has no cursor', () => {
    expect(readPaging(params('status=confirmed'))).toEqual({ cursor: null, back: [], page: 1 });
  });

  test('next pages remember the cursors behind them; previous walks back', () => {
    const page2 = nextPageParams(params('status=confirmed'), 'c2');
    expect(page2.toString()).toBe('status=confirmed&cursor=c2');
    expect(readPaging(page2).page).toBe(2);

    const page3 = nextPageParams(page2, 'c3');
    expect(readPaging(page3)).toEqual({ cursor: 'c3', back: ['c2'], page: 3 });

    const back2 = previousPageParams(page3);
    expect(back2.toString()).toBe('status=confirmed&cursor=c2');
    const back1 = previousPageParams(back2);
    expect(back1.toString()).toBe('status=confirmed');
  });

  test('a stray "back" without a cursor is ignored', () => {
    expect(readPaging(params('back=a,b'))).toEqual({ cursor: null, back: [], page: 1 });
  });

  test('changing a filter starts again at the first page', () => {
    const page3 = params('status=confirmed&cursor=c3&back=c2');
    expect(filterParams(page3, 'status', 'cancelled').toString()).toBe('status=cancelled');
    expect(filterParams(page3, 'status', '').toString()).toBe('');
  });

  test('only the offered page sizes are read from the URL', () => {
    expect(readPageSize(params('limit=10'))).toBe(10);
    expect(readPageSize(params('limit=7'))).toBe(20);
    expect(readPageSize(params(''))).toBe(20);
  });
});
