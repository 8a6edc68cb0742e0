import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../src/access/hasRole'
import { isSignedIn } from '../../src/access/isSignedIn'
import { ROLES, roleLabels } from '../../src/roles'
import { USERS_SLUG } from '../slugs'
import { canAssignRoles, canReadEmail, isAdminOrSelf } from './access'
import { makeFirstUserAdmin } from './makeFirstUserAdmin'
import { formerAccountLockFields, throttleLogins } from './throttleLogins'

export { USERS_SLUG }

/** Newsroom accounts; the session cookie is HTTPS-only when `secureCookies` (production, served behind TLS). */
export const buildUsers = ({ secureCookies }: { secureCookies: boolean }): CollectionConfig => ({
  slug: USERS_SLUG,
  labels: {
    singular: { zh: '用户', en: 'User' },
    plural: { zh: '用户', en: 'Users' },
  },
  auth: {
    // No account lock: failed sign-ins are throttled per account and address instead (throttleLogins.ts).
    maxLoginAttempts: 0,
    tokenExpiration: 12 * 60 * 60,
    cookies: { secure: secureCookies, sameSite: 'Lax' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'roles', 'updatedAt'],
    group: { zh: '系统', en: 'System' },
  },
  access: {
    read: isSignedIn,
    create: isAdmin,
    update: isAdminOrSelf,
    delete: isAdmin,
    admin: ({ req: { user } }) => Boolean(user),
  },
  hooks: {
    beforeChange: [makeFirstUserAdmin],
    ...throttleLogins(),
  },
  fields: [
    // Payload's own e-mail field (merged by name), readable by admins and the account's owner only.
    // admin.hidden: the admin draws Payload's own e-mail input for auth collections; shown as a field
    // too, the create-first-user and account screens would ask for the e-mail twice.
    { name: 'email', label: { zh: '电子邮件', en: 'Email' }, type: 'email', access: { read: canReadEmail }, admin: { hidden: true } },
    {
      name: 'name',
      label: { zh: '姓名', en: 'Name' },
      type: 'text',
      required: true,
    },
    {
      name: 'roles',
      label: { zh: '角色', en: 'Roles' },
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['reporter'],
      saveToJWT: true,
      options: ROLES.map((role) => ({ value: role, label: roleLabels[role] })),
      access: {
        create: canAssignRoles,
        update: canAssignRoles,
      },
      // On the create-first-user screen, a note that the first account is the administrator instead of a choice that would be ignored.
      admin: { components: { Field: '/components/admin/RolesField#RolesField' } },
    },
    // Columns of Payload's former account lock, kept unused: dropping them would make the SQLite
    // schema push of an existing database stop at Drizzle's data-loss prompt.
    ...formerAccountLockFields,
  ],
})
