import { describe, expect, it } from 'vitest'

import { EnvError, parseEnv } from '../../src/env'

describe('UPLOAD_MAX_PIXELS', () => {
  it('defaults to 50 million pixels (a 45 MP camera fits, a 100 MP bomb does not)', () => {
    expect(parseEnv({}).UPLOAD_MAX_PIXELS).toBe(50_000_000)
  })

  it('takes a whole number of pixels', () => {
    expect(parseEnv({ UPLOAD_MAX_PIXELS: '24000000' }).UPLOAD_MAX_PIXELS).toBe(24_000_000)
  })

  it.each([
    { value: 'lots', message: /UPLOAD_MAX_PIXELS expected a number of pixels \(got "lots"\)/ },
    { value: '0', message: /UPLOAD_MAX_PIXELS expected a positive number of pixels/ },
    { value: '1.5', message: /UPLOAD_MAX_PIXELS expected a whole number of pixels/ },
  ])('refuses $value with a line naming the variable', ({ value, message }) => {
    expect(() => parseEnv({ UPLOAD_MAX_PIXELS: value })).toThrow(EnvError)
    expect(() => parseEnv({ UPLOAD_MAX_PIXELS: value })).toThrow(message)
  })
})
