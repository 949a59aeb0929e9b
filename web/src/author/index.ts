// Public API of author mode, for the centre tabs and the app. The mode itself (AuthorMode.tsx)
// is loaded lazily by the centre tabs.
export { formatAuthorRoute, parseAuthorRoute, type AuthorRoute } from "./authorRoute.ts";
export { useAuthorRoute } from "./useAuthorRoute.ts";
