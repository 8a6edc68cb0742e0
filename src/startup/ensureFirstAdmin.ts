import type { Payload } from 'payload'

import { USERS_SLUG } from '../../collections/slugs'

/**
 * Headless first run: with ADMIN_EMAIL/ADMIN_PASSWORD set and no user yet, the
 * admin is created at start-up; otherwise Payload shows its create-first-user screen.
 */
export async function ensureFirstAdmin(
  payload: Payload,
  credentials: { email?: string; password?: string },
): Promise<boolean> {
  if (!credentials.email || !credentials.password) return false
  const { totalDocs } = await payload.count({ collection: USERS_SLUG, overrideAccess: true })
  if (totalDocs > 0) return false
  await payload.create({
    collection: USERS_SLUG,
    data: { email: credentials.email, password: credentials.password, name: '系统管理员', roles: ['admin'] },
    overrideAccess: true,
  })
  payload.logger.info(`Created the first admin account: ${credentials.email}`)
  return true
}
