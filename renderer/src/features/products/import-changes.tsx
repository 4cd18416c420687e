import type { ImportPreview } from '../../contract.js';
import { useT } from '../../stores/prefs-store.js';

type Changes = NonNullable<ImportPreview['changes']>;

/** Before importing: how many products are new or change, in which fields, and what every product keeps. */
export function ImportChangesNote({ changes }: { changes: Changes }) {
  const t = useT();
  return (
    <div className="import-changes" data-testid="import-changes" role="status">
      <p>{t('import.changes.summary', { created: changes.created, updated: changes.updated, unchanged: changes.unchanged })}</p>
      {changes.fields.length ? (
        <ul>
          {changes.fields.map((c) => (
            <li key={c.field} data-field={c.field} data-products={c.products}>
              {t('import.changes.field', { field: t(`field.${c.field}`), n: c.products })}
            </li>
          ))}
        </ul>
      ) : null}
      {changes.kept.length ? (
        <p className="dim" data-testid="import-kept">
          {t('import.changes.kept', { fields: changes.kept.map((f) => t(`field.${f}`)).join(t('list.sep')) })}
        </p>
      ) : null}
    </div>
  );
}
