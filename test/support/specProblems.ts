/**
 * Problems found while checking the requests tests send to the mocked OnceHub API against
 * OnceHub's OpenAPI spec (see `oncehub()` in app.ts). jest.setup.ts fails the file if any remain.
 */
export const specProblems: string[] = [];
