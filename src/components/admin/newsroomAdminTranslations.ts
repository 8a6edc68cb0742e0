/** The admin's custom translations for the character counts and the first account's role (namespace `newsroomAdmin`). */
export const newsroomAdminTranslations = {
  zh: {
    newsroomAdmin: {
      characterCount: '{{count}} 字',
      firstUserRole: '角色：系统管理员（第一个账户总是系统管理员，其他账户的角色由系统管理员分配）',
    },
  },
  en: {
    newsroomAdmin: {
      characterCount: '{{count}} characters',
      firstUserRole: 'Role: Administrator (the first account is always the administrator; an administrator assigns the others’ roles)',
    },
  },
}
