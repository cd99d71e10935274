import { previewCsvHeader, type CsvFileKind, type CsvHeaderPreview } from '@tessera/core';

// A header row fits in far less; a slice this size never reads a large file whole.
const HEAD_BYTES = 64 * 1024;

/** How the import will read `file`'s header, from its first kilobytes; null when it has none. */
export async function readHeader(kind: CsvFileKind, file: File): Promise<CsvHeaderPreview | null> {
  const head = await file.slice(0, HEAD_BYTES).text();
  return previewCsvHeader(kind, head);
}
