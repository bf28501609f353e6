// The API describing itself: the OpenAPI 3 document generated from the route table's schemas.
import type { RouteDef } from '../types';

export const metaRoutes: RouteDef[] = [
  {
    method: 'GET',
    url: '/openapi.json',
    operationId: 'openApi',
    summary: 'This API as an OpenAPI 3 document',
    access: 'public',
    async handler(request) {
      return request.server.swagger();
    },
  },
];
