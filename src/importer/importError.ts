/** Why a file could not be imported. Each code has one HTTP status, so an API can pass it on. */
export const IMPORT_ERROR_STATUS = {
  'unreadable-file': 404,
  'file-too-large': 413,
  'empty-file': 422,
  'binary-file': 415,
  'unknown-encoding': 415,
  'unknown-format': 422,
  'validation-failed': 422,
} as const
export type ImportErrorCode = keyof typeof IMPORT_ERROR_STATUS

const REASONS: Record<ImportErrorCode, string> = {
  'unreadable-file': 'cannot read the file',
  'file-too-large': 'file too large',
  'empty-file': 'empty file',
  'binary-file': 'binary file, not text',
  'unknown-encoding': 'unknown encoding (not UTF-8, UTF-16, GB18030 or Big5)',
  'unknown-format': 'unknown format',
  'validation-failed': 'validation failed',
}

/** The one error the importer throws: a code, the file, and a one-line message naming both. */
export class ImportError extends Error {
  readonly code: ImportErrorCode
  readonly file: string
  readonly status: number

  constructor(code: ImportErrorCode, file: string, message: string) {
    super(message)
    this.name = 'ImportError'
    this.code = code
    this.file = file
    this.status = IMPORT_ERROR_STATUS[code]
  }
}

/** Makes every ImportError, so messages read alike: `<file>: <reason>[: <detail>]`. */
export function createImportError(code: ImportErrorCode, file: string, detail?: string): ImportError {
  const reason = detail ? `${REASONS[code]}: ${detail}` : REASONS[code]
  return new ImportError(code, file, `${file}: ${reason}`.replace(/\s*\n\s*/g, ' '))
}

export function isImportError(value: unknown): value is ImportError {
  return value instanceof ImportError
}

/** The name used in messages when a step runs without a file name (as in unit tests). */
export const UNNAMED_FILE = '<input>'
