// Every route is prerendered to its own folder (import/index.html, …) so the build works on any
// directory-index static host, from any sub-path.
export const prerender = true;
export const trailingSlash = 'always';
