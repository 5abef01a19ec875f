/**
 * Jest gives every test file its own copy of nock, but they all patch Node's one `http` module.
 * Unpatching after each file lets the next file's nock take over; without it, a second file in
 * the same worker sees its interceptors ignored.
 */
import nock from 'nock';
import { specProblems } from './specProblems';

afterAll(() => {
  nock.cleanAll();
  nock.restore();
  // Requests answered by `oncehub()` scopes must be ones OnceHub's spec documents.
  expect(specProblems).toEqual([]);
});
