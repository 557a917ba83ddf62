/**
 * The CSV files of bulk ordering: the columns the API takes, a small reader for showing a chosen file
 * (the server parses it again and is the judge), and the template offered for download.
 *
 * The reader handles what spreadsheets write: a UTF-8 byte order mark, `,` or `;` between fields
 * (Excel in Sweden, Poland, Germany… uses `;`), fields in double quotes with `""` for a quote and
 * line breaks inside, and CRLF, LF or CR line ends. Lines with nothing on them are left out.
 */

/** The header row of a batch file, in this order. */
export const batchColumns = [
  'given_names',
  'surname',
  'date_of_birth',
  'nationality',
  'email',
  'phone',
  'recipient',
  'address_line1',
  'address_line2',
  'postal_code',
  'city',
  'country',
] as const;

export type BatchColumn = (typeof batchColumns)[number];

/** The columns that may be left empty. */
export const optionalColumns: ReadonlySet<BatchColumn> = new Set(['nationality', 'phone', 'address_line2']);

/** At most this many workers in one file (the API answers 413 `too_many_rows` beyond it). */
export const maxBatchRows = 500;

/** The API reads files of at most 256 KB (413 beyond it); 500 ordinary rows are well under it. */
export const maxBatchBytes = 256 * 1024;

export type Separator = ',' | ';';

export type CsvTable = {
  separator: Separator;
  /** The first row: the column names. */
  header: string[];
  /** The rows after it; `rows[0]` is the API's row 1. */
  rows: string[][];
};

const bom = '\uFEFF';

/** The separator of the header line: the one of `;` and `,` it has more of outside quotes (`,` on a tie). */
export function detectSeparator(text: string): Separator {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ';') semicolons += 1;
    else if (!quoted && char === ',') commas += 1;
  }
  return semicolons > commas ? ';' : ',';
}

/** Every record of `text`, each a list of fields (RFC 4180, with `separator`). */
function records(text: string, separator: Separator): string[][] {
  const result: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    record.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    result.push(record);
    record = [];
  };
  while (i < text.length) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else field += char;
      i += 1;
      continue;
    }
    if (char === '"' && field.trim() === '') {
      // A quote opens a quoted field only at its start (spaces before it are dropped).
      field = '';
      quoted = true;
    } else if (char === separator) {
      endField();
    } else if (char === '\r' || char === '\n') {
      endRecord();
      if (char === '\r' && text[i + 1] === '\n') i += 1;
    } else {
      field += char;
    }
    i += 1;
  }
  if (field !== '' || record.length > 0 || quoted) endRecord();
  return result;
}

/** Reads a CSV file's text: the byte order mark dropped, the separator found, empty lines left out. */
export function parseCsv(text: string): CsvTable {
  const body = text.startsWith(bom) ? text.slice(bom.length) : text;
  const separator = detectSeparator(body);
  const all = records(body, separator).filter((record) => record.some((field) => field.trim() !== ''));
  const [header = [], ...rows] = all;
  return { separator, header: header.map((name) => name.trim()), rows };
}

/**
 * A row's values by column name, found through the file's header (names compared without case or
 * spaces); a column the file lacks is empty.
 */
export function rowValues(table: CsvTable, row: readonly string[]): Record<BatchColumn, string> {
  const index = new Map(table.header.map((name, position) => [name.toLowerCase(), position]));
  return Object.fromEntries(
    batchColumns.map((column) => {
      const position = index.get(column);
      return [column, position === undefined ? '' : (row[position] ?? '').trim()];
    }),
  ) as Record<BatchColumn, string>;
}

/** One field, quoted when it holds the separator, a quote or a line break. */
function csvField(value: string, separator: Separator): string {
  return value.includes(separator) || /["\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The example worker of the template. */
export const exampleRow: Record<BatchColumn, string> = {
  given_names: 'Anna Maria',
  surname: 'Kowalska',
  date_of_birth: '1990-04-12',
  nationality: 'POL',
  email: 'anna.kowalska@example.com',
  phone: '+46701234567',
  recipient: 'Site office, Demo Bygg AB',
  address_line1: 'Storgatan 12',
  address_line2: '',
  postal_code: '114 55',
  city: 'Stockholm',
  country: 'SE',
};

/**
 * The template: a byte order mark (so Excel reads it as UTF-8: å, ł, ü stay), the header row and the
 * example row, with `separator` between fields and CRLF line ends. With `;` a double click opens it in
 * columns in Excel set to Swedish and most other European languages; `,` suits English settings.
 */
export function templateCsv(separator: Separator): string {
  const line = (values: readonly string[]) => values.map((value) => csvField(value, separator)).join(separator);
  return `${bom}${line(batchColumns)}\r\n${line(batchColumns.map((column) => exampleRow[column]))}\r\n`;
}

/** The template as a link target for `<a download>`. */
export function templateHref(separator: Separator): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(templateCsv(separator))}`;
}

/** The file's text if it is UTF-8 (a byte order mark or not), else null: the API reads nothing else. */
export function decodeUtf8(bytes: ArrayBuffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}
