export { api } from './client';
export { ApiError } from './errors';
export type { components, paths } from './schema';
