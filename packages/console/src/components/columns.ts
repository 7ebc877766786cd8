import type { Permission } from '@/shared/session';

/** money, qty and unit are numbers, each in its one format (shared/format). */
export type ColumnKind = 'text' | 'datetime' | 'bool' | 'money' | 'qty' | 'unit' | 'mono';

/** One column of a DocTable; labels are i18n keys. */
export interface Column {
  key: string;
  label: string;
  kind?: ColumnKind;
  width?: number;
  minWidth?: number;
  fixed?: 'left' | 'right';
  align?: 'left' | 'center' | 'right';
  /** `Type.field` as the server names it in extensions.hiddenFields. */
  hiddenField?: string;
  /** The permission needed to see the value: without it a null shows as a muted dash. */
  permission?: Permission;
}
