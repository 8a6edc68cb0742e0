import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { EnvError, parseEnv } from '../../src/env'

const SECRET = 'x'.repeat(32)

describe('parseEnv', () => {
  it('fills the defaults a newcomer needs', () => {
    const env = parseEnv({})
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: 3000,
      MONGODB_COMPAT: 'none',
      MEDIA_DIR: 'media',
      SEED_ON_START: true,
      JOBS_AUTORUN: true,
      REQUEST_BODY_MAX_BYTES: 1024 * 1024,
      API_MAX_LIMIT: 100,
      DATABASE_INIT: false,
      READY_MIN_FREE_MB: 64,
      IMPORT_MAX_BYTES: 2 * 1024 * 1024,
    })
    expect(env.DATABASE_URI).toBeUndefined()
  })

  it.each([
    { name: 'SQLite file', DATABASE_URI: 'file:./data/newsroom.db' },
    { name: 'MongoDB', DATABASE_URI: 'mongodb://127.0.0.1:27017/newsroom' },
    { name: 'MongoDB SRV', DATABASE_URI: 'mongodb+srv://cluster.example/newsroom' },
  ])('accepts a $name DATABASE_URI', ({ DATABASE_URI }) => {
    expect(parseEnv({ DATABASE_URI }).DATABASE_URI).toBe(DATABASE_URI)
  })

  it('treats empty strings as unset', () => {
    const env = parseEnv({ PORT: '', DATABASE_URI: '' })
    expect(env.PORT).toBe(3000)
    expect(env.DATABASE_URI).toBeUndefined()
  })

  it.each([
    { name: 'non-numeric port', source: { PORT: 'abc' }, variable: 'PORT', message: /expected a port number.*"abc"/ },
    { name: 'port out of range', source: { PORT: '70000' }, variable: 'PORT', message: /0 to 65535/ },
    { name: 'postgres URI', source: { DATABASE_URI: 'postgres://db/newsroom' }, variable: 'DATABASE_URI', message: /file: path.*mongodb/ },
    { name: 'near miss: mongodb without //', source: { DATABASE_URI: 'mongodb:newsroom' }, variable: 'DATABASE_URI', message: /mongodb:\/\// },
    { name: 'production without secret', source: { NODE_ENV: 'production' }, variable: 'PAYLOAD_SECRET', message: /required when NODE_ENV=production/ },
    { name: 'short secret', source: { PAYLOAD_SECRET: 'short' }, variable: 'PAYLOAD_SECRET', message: /at least 32/ },
    { name: 'admin e-mail without password', source: { ADMIN_EMAIL: 'chief@newsroom.test' }, variable: 'ADMIN_PASSWORD', message: /together/ },
    { name: 'admin e-mail that is not one', source: { ADMIN_EMAIL: 'chief', ADMIN_PASSWORD: 'long-enough-password' }, variable: 'ADMIN_EMAIL', message: /e-mail/ },
    { name: 'unknown compat mode', source: { MONGODB_COMPAT: 'cosmos', DATABASE_URI: 'mongodb://h/db' }, variable: 'MONGODB_COMPAT', message: /ferretdb/ },
    { name: 'compat without MongoDB', source: { MONGODB_COMPAT: 'ferretdb' }, variable: 'MONGODB_COMPAT', message: /only applies/ },
    { name: 'boolean that is not one', source: { SEED_ON_START: 'yes' }, variable: 'SEED_ON_START', message: /true or false/ },
    { name: 'negative upload limit', source: { UPLOAD_MAX_BYTES: '-1' }, variable: 'UPLOAD_MAX_BYTES', message: /positive/ },
    { name: 'body limit in words', source: { REQUEST_BODY_MAX_BYTES: '1MB' }, variable: 'REQUEST_BODY_MAX_BYTES', message: /number of bytes.*"1MB"/ },
    { name: 'list cap of zero', source: { API_MAX_LIMIT: '0' }, variable: 'API_MAX_LIMIT', message: /positive/ },
    { name: 'database init that is not a boolean', source: { DATABASE_INIT: 'yes' }, variable: 'DATABASE_INIT', message: /true or false/ },
    { name: 'negative free-space floor', source: { READY_MIN_FREE_MB: '-5' }, variable: 'READY_MIN_FREE_MB', message: /0 \(off\) or more/ },
    { name: 'import limit that is not a number', source: { IMPORT_MAX_BYTES: '2MB' }, variable: 'IMPORT_MAX_BYTES', message: /number of bytes.*"2MB"/ },
    { name: 'import limit of zero', source: { IMPORT_MAX_BYTES: '0' }, variable: 'IMPORT_MAX_BYTES', message: /positive/ },
  ])('names the variable for a $name', ({ source, variable, message }) => {
    let error: unknown
    try {
      parseEnv(source)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(EnvError)
    expect((error as EnvError).variable).toBe(variable)
    expect((error as EnvError).message).toMatch(new RegExp(`^Invalid environment: ${variable} `))
    expect((error as EnvError).message).toMatch(message)
  })

  it('never echoes a secret back', () => {
    expect(() => parseEnv({ PAYLOAD_SECRET: 'hunter2' })).toThrow(/^Invalid environment: PAYLOAD_SECRET must be at least 32 characters$/)
  })

  it('accepts a complete production configuration', () => {
    const env = parseEnv({ NODE_ENV: 'production', PAYLOAD_SECRET: SECRET, DATABASE_URI: 'mongodb://db/newsroom', MONGODB_COMPAT: 'ferretdb' })
    expect(env).toMatchObject({ NODE_ENV: 'production', MONGODB_COMPAT: 'ferretdb' })
  })
})

describe('server start-up with a bad environment', () => {
  it('stops with one line naming the variable and exit code 1', () => {
    const root = path.resolve(import.meta.dirname, '../..')
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH, PORT: 'not-a-port', NODE_OPTIONS: '--no-deprecation', NODE_ENV: 'development' },
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(result.status).toBe(1)
    expect(result.stderr.trim()).toBe('Invalid environment: PORT expected a port number (got "not-a-port")')
  })
})
