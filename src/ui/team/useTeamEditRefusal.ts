// Why this person may not change a row of a team dataset, in words, or null when they may: the
// browser refuses what the server would (core/team/roles.ts decides both), so nobody types a change
// only to see it refused after the sync. The server checks again when the change arrives.
import { useTranslation } from 'react-i18next';
import { countiesInIndexOrder } from '../../core/areas';
import { canEditCounty } from '../../core/team/roles';
import type { TrackedRow } from '../../core/tracking/trackedRow';
import { useDatasets } from '../../state/datasets';
import { useAtlas } from '../../state/store';
import { useTeam } from '../../state/team';

export function useTeamEditRefusal(datasetId: string, row: TrackedRow | null): string | null {
  const { t } = useTranslation();
  const teamDataset = useDatasets((s) =>
    s.datasets.some((d) => d.id === datasetId && d.origin?.kind === 'server'),
  );
  const user = useTeam((s) => s.user);
  const areas = useAtlas((s) => s.areas);
  if (!teamDataset) return null;
  if (!user) return t('team.editNeedsSignIn');
  if (user.role === 'viewer') return t('team.editNotAllowed', { role: t('team.role.viewer') });
  if (!row || row.county < 0) return null;
  const county = countiesInIndexOrder(areas.values())[row.county];
  if (!county || canEditCounty(user, county.adcode)) return null;
  const names = user.areas.map((code) => areas.get(code)?.name ?? code).join('、');
  return t('team.editOutsideArea', { county: county.name, areas: names });
}
