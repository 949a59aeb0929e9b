// uid/gid translation through /proc/<pid>/uid_map as the agent reads it: from the initial
// user namespace, so each line is [inside, outside, count] and "outside" is the id the host
// (and the process's `uid` field) sees.

export type IdMapLine = readonly number[];

/** The id inside the namespace for an id seen from outside, or null if the map does not cover it. */
export function insideId(outside: number, map: readonly IdMapLine[] | null): number | null {
  if (!map) return null;
  for (const [inside, first, count] of map) {
    if (inside === undefined || first === undefined || count === undefined) continue;
    if (outside >= first && outside - first < count) return inside + (outside - first);
  }
  return null;
}

/** True for the identity map of the initial user namespace ("0 0 4294967295"). */
export function isIdentityMap(map: readonly IdMapLine[] | null): boolean {
  if (!map || map.length !== 1) return false;
  const [inside, outside, count] = map[0] ?? [];
  return inside === 0 && outside === 0 && count === 4294967295;
}
