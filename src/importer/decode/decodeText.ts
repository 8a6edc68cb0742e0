import { createImportError, UNNAMED_FILE } from '../importError'
import type { Encoding } from '../validate/schema'

const DECODER_LABEL: Record<Encoding, string> = {
  'utf-8': 'utf-8',
  'utf-8-bom': 'utf-8',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  gb18030: 'gb18030',
  big5: 'big5',
}

const decoders = new Map<Encoding, TextDecoder>()

/** One strict decoder per encoding, made on first use: a decode call without { stream } leaves no state behind. */
function getDecoder(encoding: Encoding): TextDecoder {
  let decoder = decoders.get(encoding)
  if (!decoder) {
    decoder = new TextDecoder(DECODER_LABEL[encoding], { fatal: true })
    decoders.set(encoding, decoder)
  }
  return decoder
}

/**
 * The text of the bytes in the given encoding, without a byte order mark.
 * Decoding is strict: bytes that are not valid in the encoding throw
 * ImportError unknown-encoding rather than turning into U+FFFD.
 */
export function decodeText(bytes: Uint8Array, encoding: Encoding, file: string = UNNAMED_FILE): string {
  // TextDecoder drops a leading BOM itself (ignoreBOM defaults to false).
  const decoder = getDecoder(encoding)
  try {
    return decoder.decode(bytes)
  } catch (error) {
    if (error instanceof TypeError) throw createImportError('unknown-encoding', file, `not valid ${encoding}`)
    throw error
  }
}
