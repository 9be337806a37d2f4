import fs from 'node:fs';
import path from 'node:path';
import { LABELS, enumLabel, fieldLabel, typeName, valueLabels } from '../../src/packages/kit/shared';
import starScoring from '../../src/plugins/star-scoring/server/src/content-types';
import doubleReport from '../../src/plugins/double-report/server/src/content-types';
import deliberation from '../../src/plugins/deliberation/server/src/content-types';
import gridCases from '../../src/plugins/grid-cases/server/src/content-types';
import registers from '../../src/plugins/registers/server/src/content-types';

interface Schema {
  info: { displayName: string };
  attributes: Record<string, { type: string; enum?: string[]; private?: boolean }>;
}

const root = path.join(__dirname, '../..');
const readJson = (file: string): Schema => JSON.parse(fs.readFileSync(file, 'utf8')) as Schema;

/** Every schema staff can meet, by uid, read from the source (the same files Strapi loads). */
function schemas(): Record<string, Schema> {
  const out: Record<string, Schema> = {};
  for (const api of fs.readdirSync(path.join(root, 'src/api'))) {
    const file = path.join(root, 'src/api', api, 'content-types', api, 'schema.json');
    if (fs.existsSync(file)) out[`api::${api}.${api}`] = readJson(file);
  }
  for (const category of fs.readdirSync(path.join(root, 'src/components'))) {
    for (const file of fs.readdirSync(path.join(root, 'src/components', category))) {
      out[`${category}.${file.replace(/\.json$/, '')}`] = readJson(path.join(root, 'src/components', category, file));
    }
  }
  const plugins = {
    'star-scoring': starScoring,
    'double-report': doubleReport,
    deliberation,
    'grid-cases': gridCases,
    registers,
  };
  for (const [plugin, types] of Object.entries(plugins)) {
    for (const [name, type] of Object.entries(types as Record<string, { schema: Schema }>)) {
      out[`plugin::${plugin}.${name}`] = type.schema;
    }
  }
  return out;
}

// The organisation scope columns are invisible in the Content Manager (visible: false).
const hidden = (field: string) => field.startsWith('scope');

describe('labels of the domain types', () => {
  const all = schemas();

  it('knows every type, named as its schema names it (the Content Manager shows the schema name)', () => {
    for (const [uid, schema] of Object.entries(all)) {
      expect([uid, LABELS[uid]?.name?.[0]]).toEqual([uid, schema.info.displayName]);
      // Chinese names only: no "议事会 Council" left in a schema.
      expect([uid, /[A-Za-z]/.test(schema.info.displayName)]).toEqual([uid, false]);
    }
    expect(Object.keys(LABELS).sort()).toEqual(Object.keys(all).sort());
  });

  it('labels every field and every enumeration value in both languages', () => {
    const missing: string[] = [];
    for (const [uid, schema] of Object.entries(all)) {
      for (const [field, attribute] of Object.entries(schema.attributes)) {
        if (hidden(field)) continue;
        if (!LABELS[uid].fields[field]) missing.push(`${uid}.${field}`);
        for (const value of attribute.enum ?? []) {
          const label = LABELS[uid].enums?.[field]?.[value];
          if (!label || !label[0] || !label[1]) missing.push(`${uid}.${field}=${value}`);
        }
      }
      // No label for a field or value that does not exist (a rename would leave it behind).
      for (const field of Object.keys(LABELS[uid].fields)) {
        if (!schema.attributes[field]) missing.push(`stale ${uid}.${field}`);
      }
      for (const [field, values] of Object.entries(LABELS[uid].enums ?? {})) {
        for (const value of Object.keys(values)) {
          if (!schema.attributes[field]?.enum?.includes(value)) missing.push(`stale ${uid}.${field}=${value}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('gives a value one label wherever it appears (the edit select translates by value alone)', () => {
    expect(() => valueLabels('zh-Hans')).not.toThrow();
    expect(() => valueLabels('en')).not.toThrow();
    expect(valueLabels('zh-Hans').community_branch).toBe('社区党支部');
    expect(valueLabels('en').cppcc).toBe('CPPCC member');
  });

  it('reads labels by type, field and value, falling back to the stored key', () => {
    expect(enumLabel('api::grid.grid', 'level', 'secondary')).toBe('二级网格');
    expect(enumLabel('api::grid.grid', 'level', 'secondary', 'en')).toBe('Second-level grid');
    expect(enumLabel('api::grid.grid', 'level', 'unknown_value')).toBe('unknown_value');
    expect(fieldLabel('api::branch.branch', 'level')).toBe('层级');
    expect(fieldLabel('api::branch.branch', 'createdAt', 'en')).toBe('Created');
    expect(typeName('plugin::deliberation.council', 'en')).toBe('Council');
  });
});
