// The route table: every route of the team API, each with its access rule. The authorization
// matrix test walks this list, so a route added here without an expected answer fails it.
import type { RouteDef } from '../types';
import { authRoutes } from './auth';
import { datasetRoutes } from './datasets';
import { trackingRoutes } from './tracking';
import { viewRoutes } from './views';
import { metaRoutes } from './meta';
import { userRoutes } from './users';

export const ROUTES: readonly RouteDef[] = [
  ...metaRoutes,
  ...authRoutes,
  ...userRoutes,
  ...datasetRoutes,
  ...viewRoutes,
  ...trackingRoutes,
];
