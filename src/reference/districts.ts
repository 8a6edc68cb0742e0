/**
 * Reference data for Pingxiang (萍乡市) and its five county-level divisions,
 * with their GB/T 2260 administrative codes. Loaded idempotently at start-up
 * (see src/seed/districts.ts); an editor's later edits in the admin win.
 */
export type DistrictLevel = 'city' | 'district' | 'county'

export interface ReferenceDistrict {
  /** GB/T 2260 code: the stable key used to recognise a district across restarts. */
  code: string
  name: string
  slug: string
  pinyin: string
  level: DistrictLevel
  /** Code of the parent division, if any. */
  parentCode?: string
  description: string
}

export const PINGXIANG_CITY_CODE = '360300'

export const referenceDistricts: readonly ReferenceDistrict[] = [
  {
    code: '360300',
    name: '萍乡市',
    slug: 'pingxiang',
    pinyin: 'Pingxiang',
    level: 'city',
    description: '江西省辖地级市，湘赣边区域中心城市。',
  },
  {
    code: '360302',
    name: '安源区',
    slug: 'anyuan',
    pinyin: 'Anyuan',
    level: 'district',
    parentCode: '360300',
    description: '萍乡市中心城区，中国工人运动的摇篮。',
  },
  {
    code: '360313',
    name: '湘东区',
    slug: 'xiangdong',
    pinyin: 'Xiangdong',
    level: 'district',
    parentCode: '360300',
    description: '萍乡市西部市辖区，赣湘边界门户。',
  },
  {
    code: '360321',
    name: '莲花县',
    slug: 'lianhua',
    pinyin: 'Lianhua',
    level: 'county',
    parentCode: '360300',
    description: '萍乡市南部县，井冈山革命根据地的组成部分。',
  },
  {
    code: '360322',
    name: '上栗县',
    slug: 'shangli',
    pinyin: 'Shangli',
    level: 'county',
    parentCode: '360300',
    description: '萍乡市北部县，花炮之乡。',
  },
  {
    code: '360323',
    name: '芦溪县',
    slug: 'luxi',
    pinyin: 'Luxi',
    level: 'county',
    parentCode: '360300',
    description: '萍乡市东部县，武功山所在地。',
  },
]
