/** Path templates like '/webhooks/{id}' turned into matchers; shared by the API, admin routes and faults. */
export interface PathMatcher {
  match(path: string): Record<string, string> | undefined;
}

export function compilePath(template: string): PathMatcher {
  const names: string[] = [];
  const source = template
    .split(/(\{[A-Za-z_]+\})/)
    .map((part) => {
      const name = /^\{([A-Za-z_]+)\}$/.exec(part)?.[1];
      if (name !== undefined) {
        names.push(name);
        return '([^/]+)';
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  const regex = new RegExp(`^${source}$`);
  return {
    match(path: string): Record<string, string> | undefined {
      const found = regex.exec(path);
      if (!found) return undefined;
      const params: Record<string, string> = {};
      names.forEach((name, i) => {
        params[name] = safeDecode(found[i + 1] ?? '');
      });
      return params;
    },
  };
}

export interface Route<H> {
  method: string;
  path: string;
  handler: H;
}

export interface RouteMatch<H> {
  handler: H;
  params: Record<string, string>;
}

export class Router<H> {
  private readonly routes: { method: string; matcher: PathMatcher; handler: H }[] = [];

  constructor(routes: readonly Route<H>[]) {
    for (const route of routes) {
      this.routes.push({ method: route.method, matcher: compilePath(route.path), handler: route.handler });
    }
  }

  find(method: string, path: string): RouteMatch<H> | undefined {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const params = route.matcher.match(path);
      if (params) return { handler: route.handler, params };
    }
    return undefined;
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
