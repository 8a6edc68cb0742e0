/** The newsroom's name as the admin shows it. */
export const NEWSROOM_NAME = '萍乡新闻编辑部'
export const NEWSROOM_NAME_EN = 'Pingxiang News Desk'
