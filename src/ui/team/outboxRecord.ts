// The outbox as people read it: each entry's row name (from the dataset copy kept here), its
// words in the user's language, and the whole record as a table for the CSV a crew hands in
// (村名 / 代码 / 字段 / 值 / 日期 / 原因 …).
import type { TFunction } from 'i18next';
import type { RowTable } from '../../core/export/textTable';
import { rowKeysOf } from '../../core/layers/tracking';
import { loadDataset } from '../../storage/datasets';
import type { OutboxEntry } from '../../storage/types';

/** The record's columns; each has its heading under sync.col.<column>. */
export const OUTBOX_COLUMNS = [
  'name',
  'code',
  'field',
  'kind',
  'value',
  'date',
  'note',
  'state',
  'reason',
  'serverValue',
  'recordedAt',
  'attempts',
  'mutationId',
] as const;

export const valueWord = (t: TFunction, value: boolean | null) =>
  value === null ? t('unknown') : value ? t('yes') : t('no');

export const rowId = (entry: { datasetId: string; rowKey: string }) => `${entry.datasetId}\n${entry.rowKey}`;

/** The names of the rows the entries edit, by rowId, from the dataset copies kept here. */
export async function rowNamesOf(entries: readonly OutboxEntry[]): Promise<Map<string, string>> {
  const datasetIds = [...new Set(entries.map((entry) => entry.datasetId))];
  const lists = await Promise.all(
    datasetIds.map((id) =>
      loadDataset(id).then(
        (stored) => {
          const texts = (name: string) => stored.columns[name] as string[] | undefined;
          const rowNames = texts('name') ?? [];
          const given = texts('villageCode') ?? texts('id');
          const keys = rowKeysOf(
            Array.from({ length: stored.rowCount }, (_, i) => given?.[i] || rowNames[i] || ''),
          );
          return keys.map((rowKey, i) => [rowId({ datasetId: id, rowKey }), rowNames[i] ?? ''] as const);
        },
        () => [], // the copy is gone: the code alone names the row
      ),
    ),
  );
  return new Map(lists.flat());
}

export function outboxTable(
  t: TFunction,
  entries: readonly OutboxEntry[],
  nameOf: (e: OutboxEntry) => string,
  dateTime: (iso: string) => string,
): RowTable {
  return {
    header: OUTBOX_COLUMNS.map((column) => t(`sync.col.${column}`)),
    rows: entries.map((entry) => [
      nameOf(entry),
      entry.rowKey,
      t(`status.${entry.field}`),
      t(`tracking.kind.${entry.kind}`),
      valueWord(t, entry.value),
      entry.date,
      entry.note,
      t(`sync.state.${entry.state}`),
      entry.reason ?? '',
      entry.current
        ? t('sync.serverValueCell', {
            value: valueWord(t, entry.current.value),
            author: entry.current.author,
            date: entry.current.date,
          })
        : '',
      dateTime(entry.editedAt),
      String(entry.attempts),
      entry.mutationId,
    ]),
  };
}
