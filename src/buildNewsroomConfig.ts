import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { zh } from '@payloadcms/translations/languages/zh'
import { buildConfig, type Config } from 'payload'
import sharp from 'sharp'

import { Articles } from '../collections/Articles'
import { Captions } from '../collections/Captions'
import { Districts } from '../collections/Districts'
import { buildPhotos } from '../collections/Photos'
import { buildUsers } from '../collections/Users'
import { USERS_SLUG } from '../collections/slugs'
import { newsroomAdminTranslations } from './components/admin/newsroomAdminTranslations'
import { configFreshObjects } from './configFreshObjects'
import { buildDatabaseAdapter } from './db'
import { deliveryPlugin } from './delivery/deliveryPlugin'
import { queryGuards } from './http/queryGuards'
import { ADMIN_DATE_FORMAT } from './i18n/beijingTime'
import { localizeErrors } from './i18n/localizeErrors'
import { newsroomTranslations } from './i18n/newsroomTranslations'
import { oneClockPlugin } from './i18n/oneClockPlugin'
import { importWarningsPlugin } from './importWarnings/importWarningsPlugin'
import { importWarningsPublishGate } from './importWarnings/publishGate'
import { searchPlugin } from './search/searchPlugin'
import type { Env } from './env'
import { NEWSROOM_NAME } from './newsroom'
import { visibilityPlugin } from './visibility/visibilityPlugin'
import { withScheduledPublishRetries } from './workflow/scheduling/withScheduledPublishRetries'
import { workflowPlugin } from './workflow/workflowPlugin'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/**
 * The whole Payload configuration, built from a parsed environment. Nothing here runs at import
 * time: src/payload.config.ts (the file Payload's CLI and the Next.js admin import) calls it with
 * the process's environment, and a test calls it with the environment it wants.
 */
export function buildNewsroomConfig(env: Env) {
  // withScheduledPublishRetries amends the built config: Payload adds its schedulePublish task while building it, after plugins have run.
  return buildConfig({
    secret: env.PAYLOAD_SECRET,
    serverURL: env.SERVER_URL,
    admin: {
      user: USERS_SLUG,
      // Gravatar would call out of the newsroom's network on every page.
      avatar: 'default',
      importMap: { baseDir: dirname },
      meta: {
        title: NEWSROOM_NAME,
        titleSuffix: ` · ${NEWSROOM_NAME}`,
        description: `${NEWSROOM_NAME}内容管理系统`,
        icons: [{ rel: 'icon', type: 'image/svg+xml', url: '/favicon.svg' }],
      },
      components: {
        // The photographer's 待配图 queue; the workflow's and the importer's cards follow (their plugins add them).
        beforeDashboard: ['/components/photos/AwaitingPhotoCard#AwaitingPhotoCard'],
        graphics: {
          Logo: '/components/admin/Logo#Logo',
          Icon: '/components/admin/Icon#Icon',
        },
      },
      // One clock: every date the admin shows in one format (src/i18n/beijingTime.ts).
      dateFormat: ADMIN_DATE_FORMAT,
      timezones: {
        supportedTimezones: [
          // One label for both admin languages: Payload shows it as written. The admin's own pickers
          // (src/components/admin/BeijingTime.tsx) say 北京时间 / Beijing time in the admin's language.
          { label: 'Asia/Shanghai (UTC+8)', value: 'Asia/Shanghai' },
          { label: 'UTC', value: 'UTC' },
        ],
        defaultTimezone: 'Asia/Shanghai',
      },
    },
    collections: [
      Articles,
      Captions,
      buildPhotos({ mediaDir: env.MEDIA_DIR }),
      Districts,
      buildUsers({ secureCookies: env.NODE_ENV === 'production' }),
    ],
    // deliveryPlugin: revalidation webhooks, anonymous reads without newsroom-only fields, and the content
    // generation the API's response cache checks, moved after every committed write to public content (src/delivery/).
    // visibilityPlugin: anonymous readers see a caption or photo only while a published story uses it (src/visibility/).
    // importWarningsPlugin: importer warnings resolved and overridden, audited (src/importWarnings/).
    // queryGuards: where clauses no database can run are 400, list pages capped at API_MAX_LIMIT (src/http/).
    // oneClockPlugin: every collection's timestamps in Beijing time in lists and document headers (src/i18n/).
    // configFreshObjects runs last: the sanitizer gets copies, not the collections' module constants.
    // workflowPlugin: the editorial workflow on articles, its audit trail and its scheduled publishing (src/workflow/).
    plugins: [
      workflowPlugin({ publishGates: [importWarningsPublishGate] }),
      deliveryPlugin(),
      visibilityPlugin(),
      searchPlugin,
      importWarningsPlugin,
      queryGuards({ maxLimit: env.API_MAX_LIMIT }),
      oneClockPlugin,
      configFreshObjects,
    ],
    editor: lexicalEditor(),
    db: buildDatabaseAdapter(env),
    sharp,
    i18n: {
      supportedLanguages: { zh, en },
      fallbackLanguage: 'zh',
      // The newsroom's own keys (src/i18n/) and the character counts and first account's role
      // (src/components/admin/); plugins add their own namespaces.
      translations: {
        zh: { ...newsroomTranslations.zh, ...newsroomAdminTranslations.zh },
        en: { ...newsroomTranslations.en, ...newsroomAdminTranslations.en },
      },
    },
    // Refusals in the language of the admin that asked (src/i18n/localizeErrors.ts).
    hooks: { afterError: [localizeErrors] },
    localization: {
      // Labels keyed by the admin's language, and also by content locale code: Payload's version
      // comparison looks a locale's label up by the content locale's code and, finding nothing,
      // renders the label object, which crashes the page (React error #31).
      locales: [
        { code: 'zh-Hans', label: { zh: '简体中文', en: 'Simplified Chinese', 'zh-Hans': '简体中文', 'zh-Hant': '简体中文' } },
        { code: 'zh-Hant', label: { zh: '繁体中文', en: 'Traditional Chinese', 'zh-Hans': '繁体中文', 'zh-Hant': '繁體中文' }, fallbackLocale: 'zh-Hans' },
      ],
      defaultLocale: 'zh-Hans',
      fallback: true,
    },
    upload: {
      limits: { fileSize: env.UPLOAD_MAX_BYTES },
    },
    logger: { options: { level: env.LOG_LEVEL } },
    // A refused request is the client's mistake, not the server's: log it quietly.
    loggingLevels: {
      APIError: 'info',
      Forbidden: 'info',
      ValidationError: 'info',
      AuthenticationError: 'info',
      NotFound: 'info',
      Locked: 'info',
      QueryError: 'info',
    },
    telemetry: false,
    typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
    // Hooks that need a setting at run time read it here (src/configuredEnv.ts), not from process.env.
    custom: { env },
  }).then(withScheduledPublishRetries)
}
