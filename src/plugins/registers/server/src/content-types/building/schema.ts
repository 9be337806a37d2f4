import { scopeSchemaAttributes, scopeSchemaIndexes } from '@grassroots/kit/server';

// 楼栋: natural key (compound code, number) — "3号楼" of 城关镇某小区. A building outside any compound
// (散居楼, 三无小区 without a record) names its grid instead.
export default {
  kind: 'collectionType',
  collectionName: 'rg_buildings',
  info: {
    singularName: 'building',
    pluralName: 'buildings',
    displayName: '楼栋',
    description: '小区内的楼栋：单元数、层数、楼长与单元长（取自网格“五长”）',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: true }, 'content-type-builder': { visible: false } },
  attributes: {
    compound: { type: 'relation', relation: 'manyToOne', target: 'api::compound.compound' },
    grid: { type: 'relation', relation: 'manyToOne', target: 'api::grid.grid' },
    number: { type: 'string', required: true, maxLength: 40 },
    units: { type: 'integer', min: 1, max: 50 },
    floors: { type: 'integer', min: 1, max: 200 },
    // 楼长 / 单元长: names as listed among the grid's heads (component grid.head, role building_head / unit_head).
    buildingHead: { type: 'string', maxLength: 60 },
    unitHeads: { type: 'json' },
    // WGS-84 (RFC 7946), not GCJ-02: the map layers draw from these.
    lat: { type: 'float' },
    lng: { type: 'float' },
    houses: { type: 'relation', relation: 'oneToMany', target: 'plugin::registers.house', mappedBy: 'building' },
    ...scopeSchemaAttributes(),
  },
  indexes: [...scopeSchemaIndexes('rg_buildings')],
};
