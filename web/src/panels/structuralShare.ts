// Structural sharing for view models: every tick builds a fresh view model, and this hands
// back the previous objects wherever nothing changed, so memoized rows see the same props
// and React skips them. Array items that carry a string `key` are matched by key rather
// than by position, so a process appearing at the top does not make every row below "new".

type Plain = Record<string, unknown>;

function isPlainObject(value: unknown): value is Plain {
  if (typeof value !== "object" || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function keyOf(value: unknown): string | undefined {
  return isPlainObject(value) && typeof value.key === "string" ? value.key : undefined;
}

function shareArray(prev: readonly unknown[], next: readonly unknown[]): readonly unknown[] {
  const byKey = new Map<string, unknown>();
  for (const item of prev) {
    const key = keyOf(item);
    if (key !== undefined) byKey.set(key, item);
  }
  let same = prev.length === next.length;
  const result = next.map((item, index) => {
    const key = keyOf(item);
    const candidate = key !== undefined ? byKey.get(key) : prev[index];
    const shared = replaceEqualDeep(candidate, item);
    if (shared !== prev[index]) same = false;
    return shared;
  });
  return same ? prev : result;
}

function shareObject(prev: Plain, next: Plain): Plain {
  const prevKeys = Object.keys(prev);
  const nextKeys = Object.keys(next);
  let same = prevKeys.length === nextKeys.length;
  const result: Plain = {};
  for (const key of nextKeys) {
    const shared = replaceEqualDeep(prev[key], next[key]);
    if (shared !== prev[key] || !(key in prev)) same = false;
    result[key] = shared;
  }
  return same ? prev : result;
}

/** Returns `next`, reusing `prev` and any of its parts that are deeply equal to `next`'s. */
export function replaceEqualDeep<T>(prev: unknown, next: T): T {
  if (Object.is(prev, next)) return next;
  if (Array.isArray(prev) && Array.isArray(next)) return shareArray(prev, next) as T;
  if (isPlainObject(prev) && isPlainObject(next)) return shareObject(prev, next) as T;
  return next;
}

/**
 * A memoized selector over the latest snapshot: rebuilds only when the snapshot object
 * changes, and shares structure with its previous result. It lives outside React so that a
 * panel that is not mounted never builds its view model at all.
 */
export function createViewSelector<S extends object, V>(
  build: (source: S) => V,
): (source: S | null) => V | null {
  let lastSource: S | null = null;
  let lastView: V | null = null;
  return (source) => {
    if (source === null) return null;
    if (source !== lastSource) {
      lastView = replaceEqualDeep(lastView, build(source));
      lastSource = source;
    }
    return lastView;
  };
}
