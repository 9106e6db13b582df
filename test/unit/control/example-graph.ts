/**
 * The example dataset as a ControlGraph.
 * Source: /work/shared/formats/example/ (entities, shareholdings, roles, family, links and
 * guarantees CSVs), copied row by row; EXPECTED.md there states the groups asserted.
 */
import { ControlGraph, OwnershipType, Party } from '../../../src/domain/model';
import { aFamilyTie, aGuarantee, aLink, aParty, aRole, aShareholding, graphOf } from './builders';

const company = (id: string, name: string, ownership: OwnershipType, boardSeats?: number): Party =>
  aParty(id, { kind: 'COMPANY', name, ownership, boardSeats: boardSeats ?? null });
const person = (id: string, name: string): Party =>
  aParty(id, { kind: 'PERSON', name, ownership: null });
const registry = (id: string, validFrom: string, validTo?: string) => ({
  id,
  validFrom,
  validTo,
  source: 'registry',
});
const report = (id: string, validFrom: string) => ({ id, validFrom, source: 'annual report' });

export function exampleGraph(): ControlGraph {
  return graphOf({
    entities: [
      person('P-ZHANG', '张伟 Zhang Wei'),
      person('P-LI', '李娜 Li Na'),
      person('P-HAO', '张浩 Zhang Hao'),
      person('P-LIU', '刘洋 Liu Yang'),
      person('P-WANG', '王强 Wang Qiang'),
      person('P-CHEN', '陈杰 Chen Jie'),
      person('P-ZHAO', '赵敏 Zhao Min'),
      person('P-SUN', '孙丽 Sun Li'),
      person('P-ZHOU', '周军 Zhou Jun'),
      aParty('S-SASAC', { kind: 'STATE', name: '上海市国资委 Shanghai SASAC', ownership: null }),
      company('C-HXH', '华信控股有限公司 Huaxin Holdings', 'PRIVATE', 7),
      company('C-HXS', '华信钢铁股份有限公司 Huaxin Steel', 'PRIVATE', 9),
      company('C-HXL', '华信物流有限公司 Huaxin Logistics', 'PRIVATE'),
      company('C-NAT', '娜娜贸易有限公司 Na Trading', 'PRIVATE'),
      company('C-HAO', '浩然科技有限公司 Haoran Tech', 'PRIVATE'),
      company('C-BRD', '博远科技有限公司 Boyuan Tech', 'PRIVATE', 5),
      company('C-CONS', '瑞泰融资租赁有限公司 Ruitai Leasing', 'PRIVATE'),
      company('C-TREAS', '明华贸易有限公司 Minghua Trading', 'PRIVATE'),
      company('C-DFP', '东方电力集团有限公司 Dongfang Power', 'STATE'),
      company('C-DFPS', '东方电力服务有限公司 Dongfang Power Services', 'STATE'),
      company('C-DFG', '东方电网有限公司 Dongfang Grid', 'STATE'),
      company('C-WQ1', '强盛纺织有限公司 Qiangsheng Textiles', 'PRIVATE'),
      company('C-WQ2', '强盛印染有限公司 Qiangsheng Dyeing', 'PRIVATE'),
      company('C-JH', '金禾材料有限公司 Jinhe Materials', 'PRIVATE'),
      company('C-SOLO', '孤星食品有限公司 Lone Star Foods', 'PRIVATE'),
    ],
    shareholdings: [
      aShareholding('P-ZHANG', 'C-HXH', '70', registry('SH-1', '2015-03-01')),
      aShareholding('P-LIU', 'C-HXH', '30', registry('SH-2', '2015-03-01')),
      aShareholding('C-HXH', 'C-HXS', '60', registry('SH-3', '2016-05-10')),
      aShareholding('C-HXS', 'C-HXL', '20', registry('SH-4', '2018-01-01')),
      aShareholding('C-HXH', 'C-HXL', '25', registry('SH-5a', '2018-01-01', '2024-01-01')),
      aShareholding('C-HXH', 'C-HXL', '35', registry('SH-5b', '2024-01-01')),
      aShareholding('P-LI', 'C-NAT', '100', registry('SH-6', '2019-07-01')),
      aShareholding('P-HAO', 'C-HAO', '40', registry('SH-7', '2021-02-01')),
      aShareholding('P-ZHANG', 'C-HAO', '15', registry('SH-8', '2021-02-01')),
      aShareholding('S-SASAC', 'C-DFP', '51', registry('SH-9', '2010-01-01')),
      aShareholding('S-SASAC', 'C-DFG', '80', registry('SH-10', '2010-01-01')),
      aShareholding('C-DFP', 'C-DFPS', '100', registry('SH-11', '2012-01-01')),
      aShareholding('P-CHEN', 'C-WQ1', '45', registry('SH-12', '2017-01-01')),
      aShareholding('P-ZHAO', 'C-WQ1', '45', registry('SH-13', '2017-01-01')),
      aShareholding('P-ZHAO', 'C-WQ2', '30', registry('SH-14', '2017-01-01')),
      aShareholding('P-SUN', 'C-JH', '30', registry('SH-15', '2020-01-01')),
      aShareholding('P-ZHOU', 'C-JH', '25', registry('SH-16', '2020-01-01')),
      aShareholding('C-HXS', 'C-BRD', '20', registry('SH-17', '2019-01-01')),
    ],
    roles: [
      aRole('P-ZHANG', 'C-HXH', 'CHAIRMAN', registry('RO-1', '2015-03-01')),
      aRole('P-ZHANG', 'C-HXH', 'LEGAL_REPRESENTATIVE', registry('RO-2', '2015-03-01')),
      aRole('P-WANG', 'C-WQ1', 'LEGAL_REPRESENTATIVE', registry('RO-3', '2017-01-01')),
      aRole('P-WANG', 'C-WQ2', 'LEGAL_REPRESENTATIVE', registry('RO-4', '2017-01-01')),
      aRole('P-LIU', 'C-BRD', 'DIRECTOR', {
        ...report('RO-5', '2025-07-01'),
        appointedBy: 'C-HXS',
      }),
      aRole('P-CHEN', 'C-BRD', 'DIRECTOR', {
        ...report('RO-6', '2025-07-01'),
        appointedBy: 'C-HXS',
      }),
      aRole('P-ZHAO', 'C-BRD', 'CHAIRMAN', {
        ...report('RO-7', '2025-07-01'),
        appointedBy: 'C-HXS',
      }),
      aRole('P-SUN', 'C-BRD', 'DIRECTOR', report('RO-8', '2019-01-01')),
      aRole('P-ZHOU', 'C-BRD', 'DIRECTOR', report('RO-9', '2019-01-01')),
    ],
    familyTies: [
      aFamilyTie('P-ZHANG', 'P-LI', 'SPOUSE', {
        id: 'FA-1',
        validFrom: '2000-10-01',
        source: 'civil registry',
      }),
      aFamilyTie('P-ZHANG', 'P-HAO', 'PARENT_OF', { id: 'FA-2', source: 'civil registry' }),
    ],
    links: [
      aLink('P-SUN', 'P-ZHOU', 'ACTING_IN_CONCERT', {
        id: 'LK-1',
        validFrom: '2020-01-01',
        source: 'shareholder agreement',
      }),
      aLink('C-HXH', 'C-CONS', 'CONSOLIDATION', {
        id: 'LK-2',
        validFrom: '2022-01-01',
        source: 'audited accounts 2022',
      }),
      aLink('C-NAT', 'C-TREAS', 'CENTRAL_TREASURY', {
        id: 'LK-3',
        validFrom: '2023-01-01',
        source: 'cash-pool contract',
      }),
    ],
    guarantees: [
      aGuarantee('C-SOLO', 'C-WQ1', { id: 'GU-1', validFrom: '2025-01-01' }),
      aGuarantee('C-WQ1', 'C-SOLO', { id: 'GU-2', validFrom: '2025-01-01' }),
    ],
  });
}
