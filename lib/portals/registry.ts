// Every table family reader, most specific first. The last one, generic-table, reads any plain
// <table> that no family claimed. Registering is adding a line here: no import side effects.
import { genericTable } from './generic-table';
import type { TableReader } from './types';

export const TABLE_READERS: readonly TableReader[] = [
  genericTable,
];
