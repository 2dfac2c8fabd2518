// The route table and Starlette's matching rules as a client meets them: a known path with the
// wrong method is 405 with Allow, an unknown path with a trailing slash whose slashless form is
// known is a 307 to that form, anything else is 404 Not Found.

import type { StatsRoute } from './stats';

export type RouteName = 'enqueue' | 'status' | 'cancel' | 'health' | 'root' | 'health_dependencies';

interface RouteDef {
  name: RouteName;
  method: 'GET' | 'POST';
  pattern: RegExp;
  statsRoute: StatsRoute;
}

export type RouteMatch =
  | { kind: 'route'; name: RouteName; statsRoute: StatsRoute; params: string[] }
  | { kind: 'wrong_method'; allow: string }
  | { kind: 'redirect'; path: string }
  | { kind: 'not_found' };

const THEORY = '^/api/projects/([^/]+)/generate-theory';

const ROUTES: readonly RouteDef[] = [
  { name: 'enqueue', method: 'POST', pattern: new RegExp(`${THEORY}$`), statsRoute: 'enqueue' },
  {
    name: 'status',
    method: 'GET',
    pattern: new RegExp(`${THEORY}/status/([^/]+)$`),
    statsRoute: 'status',
  },
  {
    name: 'cancel',
    method: 'POST',
    pattern: new RegExp(`${THEORY}/cancel/([^/]+)$`),
    statsRoute: 'cancel',
  },
  { name: 'health', method: 'GET', pattern: /^\/health$/, statsRoute: 'health' },
  {
    name: 'health_dependencies',
    method: 'GET',
    pattern: /^\/health\/dependencies$/,
    statsRoute: 'other',
  },
  { name: 'root', method: 'GET', pattern: /^\/$/, statsRoute: 'other' },
];

/** Matches a request path (without its query) the way the backend's router would. */
export function matchRoute(method: string, rawPath: string): RouteMatch {
  const path = decodePath(rawPath);
  const samePath = ROUTES.filter((route) => route.pattern.test(path));
  const route = samePath.find((candidate) => candidate.method === method);
  if (route !== undefined) {
    const params = (route.pattern.exec(path) ?? []).slice(1);
    return { kind: 'route', name: route.name, statsRoute: route.statsRoute, params };
  }
  if (samePath.length > 0) {
    return {
      kind: 'wrong_method',
      allow: samePath.map((candidate) => candidate.method).join(', '),
    };
  }

  const withoutSlash = rawPath.replace(/\/$/, '');
  if (withoutSlash !== rawPath && withoutSlash !== '') {
    const stripped = decodePath(withoutSlash);
    if (ROUTES.some((candidate) => candidate.pattern.test(stripped))) {
      return { kind: 'redirect', path: withoutSlash };
    }
  }
  return { kind: 'not_found' };
}

function decodePath(rawPath: string): string {
  try {
    return decodeURIComponent(rawPath);
  } catch {
    return rawPath;
  }
}
