/**
 * Everything the line-based article extractor believes, in one table (as
 * readability keeps its REGEXPS and DEFAULT_* at the top of one file): word
 * lists, patterns, thresholds and score weights. Tuning the extractor means
 * editing this file only. Every word here is a generic label a page prints
 * (来源, 编辑, 分享到, ICP备 …); no site's name belongs here.
 */

/** Words of page chrome: navigation, breadcrumbs, share and reaction buttons, counters, footers. Both scripts where they differ. */
export const CHROME_WORDS: readonly string[] = [
  '首页', '首頁', '正文', '当前位置', '當前位置', '您的位置', '您当前的位置', '您當前的位置', '所在位置',
  '栏目导航', '欄目導航', '网站导航', '網站導航', '网站地图', '網站地圖', '网站首页', '網站首頁', '设为首页', '設為首頁',
  '加入收藏', '收藏本页', '联系我们', '聯繫我們', '关于我们', '關於我們', '版权所有', '版權所有', '版权声明', '版權聲明',
  'Copyright', 'copyright', '©', 'ICP备', 'ICP證', 'ICP证', '备案号', '備案號', '公网安备', '公網安備', '举报电话', '舉報電話',
  '热线', '熱線', '违法和不良信息', '分享到', '分享至', '分享功能', '微信好友', '朋友圈', '扫一扫', '掃一掃', '二维码', '二維碼',
  '打印本页', '打印本頁', '关闭窗口', '關閉窗口', '上一篇', '下一篇', '上一条', '下一条', '上一條', '下一條', '返回顶部', '返回頂部',
  '返回列表', '相关阅读', '相關閱讀', '相关新闻', '相關新聞', '正在阅读', '正在閱讀', '字号', '字號', '字体', '字體',
  '阅读量', '閱讀量', '访问量', '訪問量', '点击数', '點擊數', '浏览次数', '瀏覽次數', '评论', '評論', '抢沙发', '搶沙發', '参与',
  '登录', '登陆', '登錄', '注册', '註冊', '订阅', '訂閱', '广告服务', '廣告服務', '加载中', '加載中', '本站搜索', '搜索',
  '读过此文', '讀過此文', '滚屏', '滾屏', '鼠标', '滑鼠', '复制本页', '複製本頁', '本页地址', '本頁地址', '查看内容', '查看內容',
  '门户网站', '門戶網站', '电子报', '電子報', '繁体', '繁體', '简体', '簡體', 'banner', '按钮', '按鈕',
  '浏览器', '瀏覽器', '版面', '点击查看', '點擊查看', '主办单位', '主辦單位', '承办单位', '承辦單位', '技术支持', '技術支持',
  '网站标识码', '網站標識碼', '联系电话', '聯繫電話', '手机版', '手機版', '上一版', '下一版', '上一期', '下一期',
]

/** Chrome words that end a page's article outright (the links under it); lines with them are never warned about. */
export const NAVIGATION = /^[【[•·\s]*(?:上一篇|下一篇|上一条|下一条|上一條|下一條|分享到|相关阅读|相關閱讀|相关新闻|相關新聞|相关分类|相關分類)/u

/** Separators of breadcrumbs and navigation bars. */
export const SEPARATORS = /[|｜>›»•]|>>|＞/gu

/** A label with an empty value, as in 字號: or 访问量: (the number was a script). */
export const EMPTY_FIELD = /^[\p{Script=Han}]{1,6}\s*[:：]\s*(?:[(（]?[\p{Script=Han}]{0,4}[)）]?)?$/u

/** A day of the week alone: the e-paper reader's "today". */
export const WEEKDAY_LINE = /^(?:星期|礼拜|禮拜|周|週)[一二三四五六日天]$/u

/** Labels that announce a summary (the line itself, or a prefix of the summary). */
export const SUMMARY_LABEL = /^(?:摘要|內容摘要|内容摘要|导读|導讀|提要|新闻提要|新聞提要|内容提要|內容提要|【简介】|【簡介】|【摘要】)\s*[:：]?\s*/u

/** Field labels of a newspaper-archive record: 【篇名】…, 【出版日期】…, 【正文】 (a dateline such as 【…讯】 is not one). */
export const RECORD_FIELD = /^【(类型|類型|篇名|题名|題名|标题|標題|主题|主題|简介|簡介|摘要|提要|出版日期|日期|发表日期|發表日期|刊期|报纸名称(?:id|ID)?|報紙名稱(?:id|ID)?|正文|作者|著者|责任者|責任者|版次|版名|版面|关键词|關鍵詞|来源|來源|分类号|分類號)】\s*(.*)$/u
export const RECORD_TITLE_FIELDS: readonly string[] = ['篇名', '题名', '題名', '标题', '標題', '主题', '主題']
export const RECORD_DATE_FIELDS: readonly string[] = ['出版日期', '日期', '发表日期', '發表日期', '刊期']
export const RECORD_AUTHOR_FIELDS: readonly string[] = ['作者', '著者', '责任者', '責任者']
export const RECORD_SUMMARY_FIELDS: readonly string[] = ['简介', '簡介', '摘要', '提要']

/** Key: value labels of a metadata line. Keys are matched longest first. */
export const META_KEYS = {
  /** The original publication, over any aggregator that republished it. */
  original: ['本文转自', '本文轉自', '转自', '轉自', '转载自', '轉載自', '原载', '原載', '原文来源', '原文來源'],
  source: ['文章来源', '文章來源', '内容来源', '內容來源', '信息来源', '信息來源', '稿件来源', '稿件來源', '新闻来源', '新聞來源', '来源', '來源', '来自', '來自', '出处', '出處', '当前报纸名称', '當前報紙名稱', '报纸名称', '報紙名稱'],
  author: ['作者', '撰稿', '撰文', '文字'],
  editor: ['责任编辑', '責任編輯', '编辑录入', '編輯錄入', '编辑', '編輯', '责编', '責編', '审核', '審核', '校对', '校對', '值班编辑', '發布者', '发布者', '发布人', '發布人'],
  photographer: ['摄影', '攝影', '图片', '圖片'],
  date: ['发布时间', '發布時間', '發佈時間', '发表日期', '發表日期', '发布日期', '發布日期', '更新时间', '更新時間', '时间', '時間', '日期', '发表于', '發表於'],
  /** Counters and categories: read past, never imported. */
  ignored: ['点击数', '點擊數', '点击', '點擊', '浏览次数', '瀏覽次數', '浏览', '瀏覽', '阅读量', '閱讀量', '阅读', '閱讀', '访问量', '訪問量', '评论', '評論', '字号', '字號', '字体', '字體', '类别', '類別', '栏目', '欄目', '分类', '分類'],
} as const

/** Values of a 来源 field that name no publication: this site, the internet, "compiled". */
export const NOT_A_SOURCE = /^(?:本站|本网|本網|网络|網絡|互联网|互聯網|未知|原创|原創|综合|綜合|网友|網友|转载|轉載)$/u

/** A newspaper page marker beside the date on an e-paper page: 第A1版：要闻, 06版, 第3版. */
export const PAGE_MARKER = /第?\s*[A-Z]?\d{1,3}\s*版(?:\s*[:：]\s*[\p{Script=Han}]{1,8})?/u

/** Roles printed before names in bylines and credits, longest first when matched (simplified; tokens are simplified before lookup). */
export const ROLE_MODIFIERS = ['全媒体', '融媒体', '首席', '特派', '特约', '见习', '实习', '驻站', '本报', '本台', '本网', '资深', '高级']
export const ROLE_CORES = ['记者', '通讯员', '实习生', '摄影师', '摄影记者']

/** What an outlet's name ends with: 江西日报, 新华社, 中国江西新闻网, 红网时刻, 深圳商报. */
export const OUTLET_SUFFIX = /(?:日报|日報|晚报|晚報|商报|商報|早报|早報|时报|時報|导报|導報|周报|週報|报社|報社|报|報|新闻网|新聞網|网|網|社|电视台|電視台|广播电视台|廣播電視台|台|时刻|時刻|客户端|客戶端|融媒体中心|融媒體中心|发布|發布)$/u
/** A masthead line: a site, channel or paper name alone. */
export const SITE_NAME = /^[\p{Script=Han}A-Za-z]{2,14}(?:网|網|频道|頻道|日报|日報|晚报|晚報|新闻|新聞|在线|在線|门户|門戶)$/u

/** A name that is an organisation, not a person: never an author or photographer. */
export const ORGANISATION = /(?:报|報|网|網|社|台|中心|集团|集團|公司|局|委|办|辦|部|站|刊|厅|廳|院|会|會|政府|发布|發布|報社|报社)$/u

/** A dateline: 新华网南昌11月15日电, 红网时刻6月22日讯, 【香港商報訊】. The outlet is read before the date. */
export const DATELINE = /^[【[]?([\p{Script=Han}A-Za-z]{2,16}?)((?:\d{4}年)?\d{1,2}月\d{1,2}日)?([\p{Script=Han}]{0,4})(?:讯|訊|电|電)(?:[】\]]|(?=[\s(（／/:：]))/u
/** A relayed story: 據新華社報導, 据新华社消息. */
export const RELAYED_FROM = /(?:^|[／/\s，,。])(?:据|據)([\p{Script=Han}]{2,12}?)(?:报道|報道|报导|報導|消息)/u
/** A print marker: 《光明日报》(2025年03月12日 01版). */
export const PRINT_MARKER = /^《([^》]{2,20})》\s*[(（]\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*(?:第?\s*\d{1,3}\s*版)?\s*[)）]$/u

/** Organisational photo credits, removed from captions and never photographers: 以上图片由…提供, （圖片來源：新華社）, 新華社發. */
export const ORGANISATION_CREDIT = /\s*(?:(?:以上|本组|本組)?(?:图片|圖片|照片)由[^。，,]{2,20}提供|[(（]\s*(?:图片|圖片|图|圖)(?:来源|來源)\s*[:：]\s*([^()（）]{2,12})\s*[)）]|([\p{Script=Han}]{2,8}(?:社|报|報|网|網))[发發](?=[(（]|$))\s*$/u

/** Arrows that mark a caption: ▲ 长冈乡调查纪念馆. */
export const CAPTION_ARROW = /^[▲▼△▽↑↓]\s*/u

/** Numbered section headings: 一、…, (一)…, 1. … */
export const NUMBERED_HEADING = /^(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]{1,3}[章节部分篇])/u

/** Leading list bullets dropped from a line's text. */
export const BULLET = /^[•·●○◆◇■□▪►\-*]\s*/u

/** Common surnames, to cut a name glued to its caption (…纪念馆陈鹏摄 → 陈鹏). */
export const SURNAMES =
  '王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛闫閻段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯易文熊欧歐左章祝聂聶游'

/** Thresholds, in visible characters unless said otherwise. */
export const LIMITS = {
  /** Longest line that can be a headline. */
  maxHeadline: 64,
  /** Longest line that can be a section heading or a bare caption. */
  maxHeading: 30,
  /** Longest inline heading cut from a run-on line. */
  maxInlineHeading: 22,
  /** A line longer than this that runs paragraphs together is cut at sentence ends and wide gaps. */
  minRunOn: 80,
  /** Longest short line of a verse run, and how many make one. */
  maxVerseLine: 20,
  minVerseRun: 6,
  /** Longest caption a gallery neighbour or a line before a dateline can be. */
  maxBareCaption: 45,
  /** Chrome lines under an article longer than this are reported (shorter ones are buttons). */
  maxButton: 6,
  /** Short lines at the very end, this many or more in a row, are reaction buttons (鮮花 握手 雷人). */
  minButtonRun: 2,
  /** Below this share of paragraphs ending a sentence, an open-ended paragraph says nothing (machine-rewritten text drops final marks). */
  minClosedParagraphShare: 0.5,
  /** Label lines this many or more in a row, not leading into a paragraph, are a list (body text), not captions. */
  minListRun: 3,
  /** A header sentence longer than this, dropped as chrome, is reported. */
  minReportedHeaderSentence: 40,
  /** Longer lines with a sentence mark inside are prose: never read as metadata or bylines. */
  minProseLine: 60,
  /** Longer lines with commas or sentence marks are prose: only a mojibake check can drop them. */
  maxChromeProse: 100,
  /** Lines at most this long count a single chrome word as decisive. */
  maxShortChrome: 30,
  /** Share of frequent characters under which a Han line is taken for mojibake. */
  minFrequentHanShare: 0.2,
  minMojibakeCheckHan: 12,
} as const

/** Score weights. A line is chrome when its chrome score reaches CHROME_THRESHOLD. */
export const WEIGHTS = {
  chromeWordShort: 3,
  chromeWordLong: 1,
  separator: 1.5,
  noHan: 3,
  emptyField: 3,
  weekday: 3,
  bulletShort: 3,
  url: 3,
  mojibake: 4,
  /** Sentence-like lines resist: per 20 Han characters with punctuation. */
  proseResistance: 1,
} as const
export const CHROME_THRESHOLD = 3

/** Headline candidate scores: position next to the metadata block decides most. */
export const HEADLINE = {
  base: 1,
  aboveMetadata: 4,
  belowMetadata: 1,
  repeated: 2,
  firstInPlain: 2,
  lastBeforeBody: 2,
  columnLabel: -6,
  tooShortAway: -3,
  chromeWord: -4,
  /** A site or channel name (某某网, 某某频道): the page's masthead, not its headline. */
  siteName: -3,
  minScore: 1,
} as const
