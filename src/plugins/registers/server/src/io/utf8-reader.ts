import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';

/**
 * exceljs 4.4.0's streaming reader decodes each inflated chunk of the sheet and shared-strings XML
 * on its own (one TextDecoder, no `stream` flag): a Chinese character whose three bytes straddle a
 * chunk boundary turns into U+FFFD, once every 16-64 KB of a file. A 10,000-row house file then had
 * one building name garbled (楼栋 not found) and any other text could be stored garbled. These
 * readers hand exceljs text instead of bytes, decoded across chunk boundaries; exceljs passes strings
 * through untouched.
 */
async function* utf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** The two undeclared steps of exceljs' WorkbookReader that read text through its chunk decoder. */
interface ReaderSteps {
  model?: object;
  _parseWorksheet(chunks: AsyncIterable<Buffer | string>, sheetNo: string): unknown;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
}

/** exceljs' streaming WorkbookReader of a file on disk, reading text whole across chunk boundaries. */
export function workbookReader(
  path: string,
  options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>,
): ExcelJS.stream.xlsx.WorkbookReader {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, options);
  const steps = reader as unknown as ReaderSteps;
  if (typeof steps._parseWorksheet !== 'function' || typeof steps._parseSharedStrings !== 'function')
    throw new Error('exceljs WorkbookReader changed: review io/utf8-reader.ts');
  const parseWorksheet = steps._parseWorksheet.bind(reader);
  const parseSharedStrings = steps._parseSharedStrings.bind(reader);
  steps._parseWorksheet = (chunks, sheetNo) => {
    // exceljs reads `this.model.sheets` (set from xl/workbook.xml) for the sheet's name; a zip that stores the
    // worksheet, shared strings and rels before xl/workbook.xml (exceljs' own writer does, depending on timing)
    // has no model yet and threw "reading 'sheets'". We read the first sheet by position, not by name.
    steps.model ??= {};
    return parseWorksheet(utf8(chunks), sheetNo);
  };
  steps._parseSharedStrings = (entry) => {
    // The zip entry's 'data' events then carry strings decoded by Node's stream decoder.
    entry.setEncoding('utf8');
    return parseSharedStrings(entry);
  };
  return reader;
}
