import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../src/access/hasRole'
import { isSignedIn } from '../../src/access/isSignedIn'
import { ROLES, roleLabels } from '../../src/roles'
import { USERS_SLUG } from '../slugs'
import { canAssignRoles, isAdminOrSelf } from './access'
import { makeFirstUserAdmin } from './makeFirstUserAdmin'

export { USERS_SLUG }

export const Users: CollectionConfig = {
  slug: USERS_SLUG,
  labels: {
    singular: { zh: '用户', en: 'User' },
    plural: { zh: '用户', en: 'Users' },
  },
  auth: {
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    tokenExpiration: 12 * 60 * 60,
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
  },
  fields: [
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
    },
  ],
}
