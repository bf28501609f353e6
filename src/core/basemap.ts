// Validation of a user-configured online basemap (XYZ raster URL template). Only https templates
// with {z}, {x} and {y} are accepted, so a typo cannot turn into a stream of broken requests.
export type BasemapCheck =
  { ok: true } | { ok: false; reason: 'not-https' | 'missing-placeholders' | 'not-a-url' | 'credentials' };

/** The origin (scheme, host, port) a template's tiles come from. */
export function basemapOrigin(template: string): string {
  try {
    return new URL(template.replace(/[{}]/g, '')).origin;
  } catch {
    return '';
  }
}

export function checkBasemapTemplate(template: string): BasemapCheck {
  let url: URL;
  try {
    url = new URL(template.replace(/[{}]/g, ''));
  } catch {
    return { ok: false, reason: 'not-a-url' };
  }
  if (url.protocol !== 'https:') return { ok: false, reason: 'not-https' };
  // A user name or password in the template would be sent with every tile and shown in links.
  if (url.username || url.password) return { ok: false, reason: 'credentials' };
  if (!['{z}', '{x}', '{y}'].every((p) => template.includes(p)))
    return { ok: false, reason: 'missing-placeholders' };
  return { ok: true };
}
