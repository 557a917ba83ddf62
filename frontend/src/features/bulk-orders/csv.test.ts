import { batchColumns, decodeUtf8, detectSeparator, parseCsv, rowValues, templateCsv, templateHref } from './csv';

const header = batchColumns.join(';');

describe('reading a CSV file', () => {
  test('a byte order mark is dropped and semicolons separate (Excel in Sweden)', () => {
    const table = parseCsv(`\uFEFF${header}\r\nAnna;Berg;1991-02-01;;anna@example.com;;Site office;Byggvägen 1;;111 22;Stockholm;SE\r\n`);
    expect(table.separator).toBe(';');
    expect(table.header).toEqual([...batchColumns]);
    expect(table.rows).toHaveLength(1);
    expect(rowValues(table, table.rows[0] ?? [])).toMatchObject({ given_names: 'Anna', surname: 'Berg', city: 'Stockholm' });
  });

  test('commas separate when the header row has more of them', () => {
    const table = parseCsv('given_names,surname\nJan,Kowalski\n');
    expect(table.separator).toBe(',');
    expect(table.rows).toEqual([['Jan', 'Kowalski']]);
  });

  test('quoted fields keep separators, doubled quotes and line breaks', () => {
    const table = parseCsv('a;b;c\r\n"Site office; gate 2";"He said ""hi""";"line 1\r\nline 2"\r\n');
    expect(table.rows).toEqual([['Site office; gate 2', 'He said "hi"', 'line 1\r\nline 2']]);
    // A semicolon inside quotes in the header does not decide the separator.
    expect(detectSeparator('"a;b;c",d,e\n')).toBe(',');
  });

  test('empty lines and rows of empty fields are left out; a last line without a line end counts', () => {
    const table = parseCsv('a,b\n\nx,y\n,\n\r\nz,w');
    expect(table.rows).toEqual([
      ['x', 'y'],
      ['z', 'w'],
    ]);
  });

  test('columns are found by name, in any order and case; missing ones are empty', () => {
    const table = parseCsv('Surname,GIVEN_NAMES\nBerg,Anna\n');
    const values = rowValues(table, table.rows[0] ?? []);
    expect(values.given_names).toBe('Anna');
    expect(values.surname).toBe('Berg');
    expect(values.email).toBe('');
  });

  test('only UTF-8 is read (a file saved as Windows-1252 is refused)', () => {
    expect(decodeUtf8(new TextEncoder().encode('\uFEFFå;ł').buffer)).toBe('\uFEFFå;ł');
    expect(decodeUtf8(new Uint8Array([0x61, 0xe5, 0x62]).buffer)).toBeNull();
  });
});

describe('the template', () => {
  test('semicolons, a byte order mark, the header row and one example row that reads back', () => {
    const text = templateCsv(';');
    expect(text.startsWith(`\uFEFF${header}\r\n`)).toBe(true);
    const table = parseCsv(text);
    expect(table.separator).toBe(';');
    expect(table.rows).toHaveLength(1);
    expect(rowValues(table, table.rows[0] ?? []).recipient).toBe('Site office, Demo Bygg AB');
  });

  test('with commas, a field holding a comma is quoted', () => {
    const text = templateCsv(',');
    expect(text).toContain(',"Site office, Demo Bygg AB",');
    const table = parseCsv(text);
    expect(table.separator).toBe(',');
    expect(rowValues(table, table.rows[0] ?? []).recipient).toBe('Site office, Demo Bygg AB');
    expect(decodeURIComponent(templateHref(',').replace(/^data:text\/csv;charset=utf-8,/, ''))).toBe(text);
  });
});
