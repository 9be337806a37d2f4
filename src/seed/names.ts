/** Deterministic Chinese demo names: the same index always gives the same name. */
const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = [
  '建国',
  '秀兰',
  '志强',
  '桂英',
  '红梅',
  '海燕',
  '国庆',
  '玉兰',
  '春生',
  '丽华',
  '明亮',
  '淑珍',
  '卫东',
  '晓燕',
  '振华',
  '凤英',
  '永刚',
  '素芳',
  '德胜',
  '爱民',
  '文斌',
  '金凤',
  '新民',
  '翠萍',
  '保国',
  '丽娟',
  '俊杰',
  '雪梅',
  '学军',
  '桂芝',
];

export const personName = (i: number): string => SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7 + 3) % GIVEN.length];

/** A plausible but fictional mobile number; private field, never published. */
export const phoneNumber = (i: number): string => `1390378${String(1000 + ((i * 37) % 9000)).padStart(4, '0')}`;

export const COMMUNITIES = ['大西门社区', '小西门社区', '东关社区', '南关社区', '北关社区'];
export const VILLAGES = ['前岗村', '后刘村'];
export const SECOND_STREET_COMMUNITIES = ['东城社区', '西城社区'];
export const STREETS = ['人民路', '建设路', '解放路', '文化路', '新华路', '书院街', '鸿鹄路', '学府路'];
export const COMPOUND_WORDS = ['家园', '小区', '花园', '新村', '公寓', '苑', '家属院', '名居'];
export const COMPOUND_PREFIXES = [
  '幸福',
  '和谐',
  '阳光',
  '福源',
  '鑫苑',
  '金桥',
  '教育局',
  '供电',
  '粮食局',
  '城建',
  '烟草',
  '水利',
  '翰林',
  '锦绣',
  '康乐',
  '建业',
];
