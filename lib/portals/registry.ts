// Every table family reader, most specific first. The last one, generic-table, reads any plain
// <table> that no family claimed. Registering is adding a line here: no import side effects.
// tests/unit/portals/registry.test.ts checks every family file is listed, with a fixture and a test.
import { agGrid } from './ag-grid';
import { antDesign } from './ant-design';
import { ariaGrid } from './aria-grid';
import { easyui } from './easyui';
import { elementUi } from './element-ui';
import { genericTable } from './generic-table';
import { layui } from './layui';
import { splitTable } from './split-table';
import type { TableReader } from './types';
import { vxeTable } from './vxe-table';

export const TABLE_READERS: readonly TableReader[] = [agGrid, antDesign, elementUi, layui, vxeTable, easyui, splitTable, ariaGrid, genericTable];
