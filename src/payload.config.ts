import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { zh } from '@payloadcms/translations/languages/zh'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { Articles } from '../collections/Articles'
import { Captions } from '../collections/Captions'
import { trackCaptionPublication } from '../collections/Captions/trackCaptionPublication'
import { Districts } from '../collections/Districts'
import { JobClaims } from '../collections/JobClaims'
import { Photos } from '../collections/Photos'
import { trackPhotoUsage } from '../collections/Photos/trackPhotoUsage'
import { Users } from '../collections/Users'
import { WorkflowEvents } from '../collections/WorkflowEvents'
import { USERS_SLUG } from '../collections/slugs'
import { userHasRole } from './access/hasRole'
import { isSignedIn } from './access/isSignedIn'
import { buildDatabaseAdapter } from './db'
import { trackContentGeneration } from './delivery/contentGeneration/trackContentGeneration'
import { queryGuards } from './http/queryGuards'
import { importWarningsPlugin } from './importWarnings/importWarningsPlugin'
import { searchPlugin } from './search/searchPlugin'
import { withScheduledPublishRetries } from './jobs/withScheduledPublishRetries'
import { loadEnv } from './env'
import { NEWSROOM_NAME } from './newsroom'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const env = loadEnv()

export default buildConfig({
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
      beforeDashboard: ['/components/workflow/RoleQueues#RoleQueues'],
      graphics: {
        Logo: '/components/admin/Logo#Logo',
        Icon: '/components/admin/Icon#Icon',
      },
    },
    dateFormat: 'yyyy-MM-dd HH:mm',
    timezones: {
      supportedTimezones: [
        { label: '北京时间 (UTC+8)', value: 'Asia/Shanghai' },
        { label: 'UTC', value: 'UTC' },
      ],
      defaultTimezone: 'Asia/Shanghai',
    },
  },
  collections: [Articles, Captions, Photos, Districts, Users, WorkflowEvents, JobClaims],
  // Keep photos' usedByPublished and captions' articlePublished flags in step with articles
  // (hooks added to the articles collection).
  // The content generation moves after every committed write to public content (the API's response cache).
  // importWarningsPlugin: importer warnings resolved and overridden, audited (src/importWarnings/).
  // queryGuards: where clauses no database can run are 400, list pages capped at API_MAX_LIMIT (src/http/).
  plugins: [
    trackPhotoUsage,
    trackCaptionPublication,
    trackContentGeneration,
    searchPlugin,
    importWarningsPlugin,
    queryGuards({ maxLimit: env.API_MAX_LIMIT }),
  ],
  jobs: {
    // No autoRun: Payload's cron polls once a minute. The Express server (or `npm run worker`)
    // runs jobs on time with src/jobs/ScheduleRunner.ts.
    tasks: [],
    deleteJobOnComplete: false,
    access: {
      run: userHasRole('admin'),
      // Payload's own schedule-publish drawer queues jobs with this access: only those who may
      // schedule. The publish itself still passes the workflow guard when the job runs.
      queue: userHasRole('admin', 'chief-editor'),
      cancel: userHasRole('admin', 'chief-editor'),
    },
    jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
      ...defaultJobsCollection,
      labels: { singular: { zh: '后台任务', en: 'Job' }, plural: { zh: '后台任务', en: 'Jobs' } },
      // Editors see scheduled and failing jobs with their errors; only the server writes them.
      access: { ...defaultJobsCollection.access, read: isSignedIn },
      admin: {
        ...defaultJobsCollection.admin,
        hidden: false,
        group: { zh: '系统', en: 'System' },
        defaultColumns: ['taskSlug', 'input', 'waitUntil', 'processing', 'hasError', 'totalTried', 'completedAt'],
      },
    }),
  },
  editor: lexicalEditor(),
  db: buildDatabaseAdapter(env),
  sharp,
  i18n: {
    supportedLanguages: { zh, en },
    fallbackLanguage: 'zh',
  },
  localization: {
    locales: [
      { code: 'zh-Hans', label: { zh: '简体中文', en: 'Simplified Chinese' } },
      { code: 'zh-Hant', label: { zh: '繁体中文', en: 'Traditional Chinese' }, fallbackLocale: 'zh-Hans' },
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
}).then(withScheduledPublishRetries)
