import { vi } from 'vitest';
vi.mock('./index', async (importOriginal) => {
  const original = (await importOriginal()) as { ROUTES: { operationId: string }[] };
  const { datasetRoutes } = await import('./datasets');
  const { viewRoutes } = await import('./views');
  const have = new Set(original.ROUTES.map((r) => r.operationId));
  return {
    ROUTES: [
      ...original.ROUTES,
      ...[...datasetRoutes, ...viewRoutes].filter((r) => !have.has(r.operationId)),
    ],
  };
});
await import(process.env.TMP_TEST_FILE!);
