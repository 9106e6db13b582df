/**
 * Name tables for synthetic parties: bilingual like the example dataset ("张伟 Zhang Wei").
 * Names need not be unique (real registries hold many 张伟); ids are.
 */
import type { Rng } from './rng';

type Pair = readonly [zh: string, en: string];

export const SURNAMES: readonly Pair[] = [
  ['张', 'Zhang'], ['王', 'Wang'], ['李', 'Li'], ['刘', 'Liu'], ['陈', 'Chen'], ['杨', 'Yang'],
  ['赵', 'Zhao'], ['黄', 'Huang'], ['周', 'Zhou'], ['吴', 'Wu'], ['徐', 'Xu'], ['孙', 'Sun'],
  ['胡', 'Hu'], ['朱', 'Zhu'], ['高', 'Gao'], ['林', 'Lin'], ['何', 'He'], ['郭', 'Guo'],
  ['马', 'Ma'], ['罗', 'Luo'], ['梁', 'Liang'], ['宋', 'Song'], ['郑', 'Zheng'], ['谢', 'Xie'],
]; // prettier-ignore

const GIVEN: readonly Pair[] = [
  ['伟', 'Wei'], ['芳', 'Fang'], ['娜', 'Na'], ['敏', 'Min'], ['静', 'Jing'], ['强', 'Qiang'],
  ['磊', 'Lei'], ['洋', 'Yang'], ['艳', 'Yan'], ['勇', 'Yong'], ['军', 'Jun'], ['杰', 'Jie'],
  ['涛', 'Tao'], ['明', 'Ming'], ['超', 'Chao'], ['秀英', 'Xiuying'], ['华', 'Hua'],
  ['平', 'Ping'], ['刚', 'Gang'], ['桂英', 'Guiying'], ['浩', 'Hao'], ['婷', 'Ting'],
]; // prettier-ignore

const FOREIGN_PERSONS: readonly string[] = [
  'John Smith', 'Maria Garcia', 'Hans Müller', 'Akira Tanaka', 'David Lee', 'Sarah Tan',
  'Peter Wong', 'Emma Brown', 'Lukas Weber', 'Kenji Sato',
]; // prettier-ignore

export const BRANDS: readonly Pair[] = [
  ['华信', 'Huaxin'], ['东方', 'Dongfang'], ['金和', 'Jinhe'], ['强盛', 'Qiangsheng'],
  ['中兴', 'Zhongxing'], ['宏达', 'Hongda'], ['恒通', 'Hengtong'], ['永安', 'Yongan'],
  ['天成', 'Tiancheng'], ['瑞丰', 'Ruifeng'], ['鼎盛', 'Dingsheng'], ['海川', 'Haichuan'],
  ['长江', 'Changjiang'], ['新世纪', 'Xinshiji'], ['百川', 'Baichuan'], ['泰和', 'Taihe'],
  ['安达', 'Anda'], ['盛世', 'Shengshi'], ['富源', 'Fuyuan'], ['嘉禾', 'Jiahe'],
  ['远航', 'Yuanhang'], ['正泰', 'Zhengtai'], ['明珠', 'Mingzhu'], ['锦程', 'Jincheng'],
]; // prettier-ignore

/** Sector name and its GB/T 4754-2017 division code. */
export const SECTORS: readonly (readonly [zh: string, en: string, industry: string])[] = [
  ['控股', 'Holdings', 'L72'], ['科技', 'Technology', 'I65'], ['地产', 'Real Estate', 'K70'],
  ['能源', 'Energy', 'D44'], ['建设', 'Construction', 'E48'], ['贸易', 'Trading', 'F51'],
  ['物流', 'Logistics', 'G58'], ['制造', 'Manufacturing', 'C34'], ['投资', 'Investment', 'L72'],
  ['电子', 'Electronics', 'C39'], ['化工', 'Chemicals', 'C26'], ['医药', 'Pharmaceutical', 'C27'],
  ['食品', 'Food', 'C14'], ['纺织', 'Textiles', 'C17'], ['矿业', 'Mining', 'B09'],
  ['金融服务', 'Financial Services', 'J69'],
]; // prettier-ignore

/** City and its administrative division code (the USCC's positions 3–8). */
export const CITIES: readonly (readonly [zh: string, en: string, admin: string])[] = [
  ['北京', 'Beijing', '110000'], ['上海', 'Shanghai', '310000'], ['深圳', 'Shenzhen', '440300'],
  ['杭州', 'Hangzhou', '330100'], ['苏州', 'Suzhou', '320500'], ['成都', 'Chengdu', '510100'],
  ['武汉', 'Wuhan', '420100'], ['天津', 'Tianjin', '120000'], ['重庆', 'Chongqing', '500000'],
  ['广州', 'Guangzhou', '440100'], ['南京', 'Nanjing', '320100'], ['西安', 'Xian', '610100'],
]; // prettier-ignore

export const FOREIGN_COUNTRIES: readonly (readonly [code: string, city: string])[] = [
  ['HK', 'Hong Kong'], ['SG', 'Singapore'], ['US', 'Delaware'], ['JP', 'Tokyo'],
  ['DE', 'Frankfurt'], ['GB', 'London'],
]; // prettier-ignore

export type City = (typeof CITIES)[number];
export type Sector = (typeof SECTORS)[number];
export type Brand = Pair;

export function personName(rng: Rng, surname: Pair = rng.pick(SURNAMES)): string {
  const given = rng.pick(GIVEN);
  return `${surname[0]}${given[0]} ${surname[1]} ${given[1]}`;
}

export function foreignPersonName(rng: Rng): string {
  return rng.pick(FOREIGN_PERSONS);
}

export function companyName(brand: Brand, sector: Sector, city: City): string {
  return `${brand[0]}${sector[0]}(${city[0]})有限公司 ${brand[1]} ${sector[1]} (${city[1]}) Co., Ltd.`;
}

export function foreignCompanyName(brand: Brand, sector: Sector, place: string): string {
  return `${brand[1]} ${sector[1]} International (${place}) Limited`;
}

export function stateBodyName(index: number): string {
  if (index === 0) return '国务院国有资产监督管理委员会 SASAC of the State Council';
  const city = CITIES[(index - 1) % CITIES.length];
  return `${city[0]}市人民政府国有资产监督管理委员会 ${city[1]} Municipal SASAC`;
}

export function institutionName(index: number): string {
  const city = CITIES[index % CITIES.length];
  const n = Math.floor(index / CITIES.length) + 1;
  return index % 2 === 0
    ? `${city[0]}第${n}人民医院 ${city[1]} No. ${n} People's Hospital`
    : `${city[0]}理工学院${n}分院 ${city[1]} Institute of Technology, Campus ${n}`;
}
