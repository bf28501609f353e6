// The rows a check refused, one line each with its row, column and reason: the import dialog's own
// check and the team server's check of an upload show them alike.
import { useTranslation } from 'react-i18next';

export interface ProblemLine {
  row?: number | null;
  column?: string | null;
  message: string;
}

export function ProblemTable({ testId, problems }: { testId: string; problems: ProblemLine[] }) {
  const { t } = useTranslation();
  return (
    <table data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t('row')}</th>
          <th scope="col">{t('column')}</th>
          <th scope="col">{t('reason')}</th>
        </tr>
      </thead>
      <tbody>
        {problems.map((problem, i) => (
          <tr key={i}>
            <td>{problem.row ?? ''}</td>
            <td>{problem.column ?? ''}</td>
            <td>{problem.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
