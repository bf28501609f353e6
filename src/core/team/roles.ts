// Who may do what in a team atlas: the four roles and the area a county editor is assigned. Pure,
// so the server checks every request with it and the browser greys out what would be refused.
//
// Rules relied on:
// - Everyone signed in reads everything; reading needs an account (datasets can be sensitive).
// - Planners and administrators import datasets; only administrators manage accounts.
// - A county editor edits villages and sites of the counties assigned, or of every county of an
//   assigned prefecture. Areas are 6-digit division codes: a prefecture's code ends in "00" and
//   its counties share its first four digits (520100 贵阳市 → 520102, 520181 …).
// - Administrators and planners edit any county (the province office); viewers edit nothing.

export const ROLES = ['admin', 'planner', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);

const AREA_CODE = /^52\d{4}$/;

/** Whether a text is a Guizhou prefecture or county code an editor can be assigned. */
export const isAreaCode = (code: string): boolean => AREA_CODE.test(code) && code !== '520000';

const isPrefectureCode = (code: string): boolean => code.endsWith('00');

/** Whether `areas` (county or prefecture codes) include the county `countyCode`. */
export function areaIncludes(areas: readonly string[], countyCode: string): boolean {
  return areas.some((area) =>
    isPrefectureCode(area) ? countyCode.slice(0, 4) === area.slice(0, 4) : countyCode === area,
  );
}

export interface RoleHolder {
  role: Role;
  areas: readonly string[];
}

/** Whether this person may change statuses of villages and sites in `countyCode`. */
export function canEditCounty(person: RoleHolder, countyCode: string): boolean {
  if (person.role === 'admin' || person.role === 'planner') return true;
  if (person.role === 'editor') return areaIncludes(person.areas, countyCode);
  return false;
}

export const canImportDatasets = (person: RoleHolder): boolean =>
  person.role === 'admin' || person.role === 'planner';

export const canManageUsers = (person: RoleHolder): boolean => person.role === 'admin';

/** Whether this person resolves conflicts of `countyCode` (its editors and the administrators). */
export function canResolveConflicts(person: RoleHolder, countyCode: string): boolean {
  return person.role === 'admin' || (person.role === 'editor' && areaIncludes(person.areas, countyCode));
}
