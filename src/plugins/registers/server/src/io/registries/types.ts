import type { Label } from '@grassroots/kit/shared';
import type { RegistryType } from '../../../../shared/io-types';

/**
 * A registry as Excel sees it: one sheet, one column per attribute (Chinese header), rows found again
 * by a natural key (codes and names, never ids), so a file exported here, edited and imported back
 * updates the same records.
 */
export type Cell =
  | { kind: 'text'; max?: number }
  | { kind: 'integer'; min?: number; max?: number }
  | { kind: 'float'; min?: number; max?: number }
  | { kind: 'date' }
  /** 是 / 否 */
  | { kind: 'boolean' }
  /** a stored key, its Chinese label (kit labels) in the cell */
  | { kind: 'enumeration'; values: readonly string[] }
  /** a JSON list of enumeration keys, labels joined by 、 in the cell (care tags) */
  | { kind: 'tags'; values: readonly string[] }
  /** personal information: masked on export; a masked cell on import keeps the stored value */
  | { kind: 'personal'; mask: 'idNumber' | 'phone' | 'tags'; check?: 'identity'; tags?: Record<string, Label> }
  /** 统一社会信用代码 (GB 32100-2015 check character) */
  | { kind: 'creditCode' };

export interface Column {
  /** the header staff read, Chinese */
  header: string;
  /**
   * attribute path: `name`, or through a relation to the related row's natural key
   * (`grid.code`, `building.compound.code`): every column under one relation resolves it together
   */
  path: string;
  cell: Cell;
  required?: boolean;
  /** what the 说明 sheet says the column takes (beyond its kind) */
  note?: string;
}

export interface Relation {
  /** relation attribute of the registry's content type */
  attribute: string;
  /** the registry (type key) whose natural key the columns under `attribute.` name */
  target: RegistryType;
}

export { REGISTRY_TYPES, type RegistryType } from '../../../../shared/io-types';

export interface Registry {
  type: RegistryType;
  uid: string;
  /** Chinese name (sheet and file) */
  name: string;
  /** ASCII file name */
  filename: string;
  columns: Column[];
  /** column paths whose values together find the row again (upsert) */
  key: string[];
  /**
   * when a key column holds a masked personal value (an exported file), these paths find the row
   * instead, and the stored value must mask to the cell
   */
  maskedKey?: string[];
  relations: Relation[];
}
