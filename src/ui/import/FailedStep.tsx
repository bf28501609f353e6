// A file that could not be imported: why, in the user's language. A file whose encoding cannot be
// told is not guessed: its first doubtful line is shown read both ways, and the user may read the
// whole file as either.
import { useTranslation } from 'react-i18next';
import { FORCED_ENCODINGS } from '../../core/io/decode';
import { problemMessage } from '../../core/import/messages';
import { englishMessage, type Problem } from '../../core/import/problems';
import { cancelImport, rereadImport, type ImportStep } from '../../state/imports';
import { useAtlas } from '../../state/store';

/** Problems a chosen encoding can get past. */
const ENCODING_PROBLEMS: ReadonlySet<string> = new Set(['mixed-encoding', 'invalid-header-bytes']);

export function FailedStep({ state }: { state: Extract<ImportStep, { step: 'failed' }> }) {
  const { t } = useTranslation();
  const locale = useAtlas((s) => s.locale);
  const problem = state.problem as Pick<Problem, 'code' | 'params'> | undefined;
  const reason = state.storageCode
    ? t(`storageError.${state.storageCode}`)
    : problem
      ? problemMessage(problem, locale, englishMessage)
      : state.message;
  const { sampleUtf8, sampleGb18030, firstLine } = problem?.params ?? {};
  return (
    <>
      <p className="error" role="alert" data-testid="import-error">
        {state.fileName}：{reason}
      </p>
      {problem && ENCODING_PROBLEMS.has(problem.code) && (
        <div className="import-choice" data-testid="import-encoding-choice">
          {sampleUtf8 !== undefined && (
            <>
              <p className="small">{t('importEncodingChoice', { line: firstLine })}</p>
              <p className="small">
                UTF-8：<code>{String(sampleUtf8)}</code>
              </p>
              <p className="small">
                GB18030：<code>{String(sampleGb18030)}</code>
              </p>
            </>
          )}
          <div className="row">
            {FORCED_ENCODINGS.map((encoding) => (
              <button key={encoding} onClick={() => rereadImport(encoding)}>
                {t('importReadAs', { encoding: t(`importEncodingOption.${encoding}`) })}
              </button>
            ))}
          </div>
        </div>
      )}
      <div className="row">
        <button onClick={cancelImport} autoFocus>
          {t('close')}
        </button>
      </div>
    </>
  );
}
