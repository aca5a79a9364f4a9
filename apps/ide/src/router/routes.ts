/** The IDE's pages, addressed by the URL hash (`#/events/events.NotifyBigOrder`). */
export type Route =
  | { page: 'home' }
  | { page: 'event'; name: string }
  | { page: 'data'; model: string }
  | { page: 'element'; name: string }
  | { page: 'service'; name: string }
  | { page: 'executions' }
  | { page: 'execution'; id: string }
  | { page: 'notifications' }
  | { page: 'approval'; name: string }
  | { page: 'inbox' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').split('?')[0] ?? '';
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [head, arg] = parts;
  if (head === 'events' && arg) return { page: 'event', name: arg };
  if (head === 'data' && arg) return { page: 'data', model: arg };
  if (head === 'elements' && arg) return { page: 'element', name: arg };
  if (head === 'services' && arg) return { page: 'service', name: arg };
  if (head === 'executions' && arg) return { page: 'execution', id: arg };
  if (head === 'executions') return { page: 'executions' };
  if (head === 'notifications') return { page: 'notifications' };
  if (head === 'approvals' && arg) return { page: 'approval', name: arg };
  if (head === 'inbox') return { page: 'inbox' };
  return { page: 'home' };
}

export function routeHash(route: Route): string {
  switch (route.page) {
    case 'home':
      return '#/';
    case 'event':
      return `#/events/${encodeURIComponent(route.name)}`;
    case 'data':
      return `#/data/${encodeURIComponent(route.model)}`;
    case 'element':
      return `#/elements/${encodeURIComponent(route.name)}`;
    case 'service':
      return `#/services/${encodeURIComponent(route.name)}`;
    case 'executions':
      return '#/executions';
    case 'execution':
      return `#/executions/${encodeURIComponent(route.id)}`;
    case 'notifications':
      return '#/notifications';
    case 'approval':
      return `#/approvals/${encodeURIComponent(route.name)}`;
    case 'inbox':
      return '#/inbox';
  }
}

/** A stable key per page: one tab per key. */
export const routeKey = (route: Route): string => routeHash(route).slice(1);
