/**
 * Child process: how many OnceHub requests each operation costs, counted at the loopback mock.
 * Every operation starts with an empty z.cache, so counts are the cold-cache worst case (a warm
 * cache can only save the Login ID → user lookup).
 *
 * usage: node requestCounts.js <ourAppDir> <bareAppDir>
 */
import type { Bundle } from 'zapier-platform-core';
import { SAMPLE_EVENT } from '../../src/samples';
import { loadApp, loadCore, operation } from './appLoader';
import { MOCK_SECRET, MOCK_USER, startMockApi, totalRequests, type MockApi } from './mockApi';
import { emitReport, errorMessage } from './protocol';
import type { OperationCount } from './reports';
import { AUTH, signedDelivery } from './signedDelivery';

const [ourDir = '.', bareDir = '.'] = process.argv.slice(2);
const TARGET_URL = 'https://hooks.zapier.com/hooks/standard/1234567/bench/';

type PartialBundle = Parameters<ReturnType<ReturnType<typeof loadCore>['createAppTester']>>[1];

function describe(result: unknown): string {
  if (Array.isArray(result)) return `${result.length} item${result.length === 1 ? '' : 's'}`;
  if (result && typeof result === 'object') {
    const { id, email, deleted } = result as Record<string, unknown>;
    const known = [id !== undefined ? `id ${String(id)}` : '', email ? `email ${String(email)}` : '', deleted !== undefined ? `deleted ${String(deleted)}` : '']
      .filter(Boolean)
      .join(', ');
    return known || `{${Object.keys(result).join(', ')}}`;
  }
  return String(result);
}

async function count(mock: MockApi, appDir: string, path: string, bundle: PartialBundle): Promise<OperationCount> {
  const app = loadApp(appDir);
  const appTester = loadCore(appDir).createAppTester(app);
  mock.reset();
  try {
    const result = await appTester(operation(app, path), bundle, true);
    const byRoute = mock.counts();
    return { requests: totalRequests(byRoute), byRoute, outcome: describe(result) };
  } catch (error) {
    const byRoute = mock.counts();
    return { requests: totalRequests(byRoute), byRoute, outcome: 'error', error: errorMessage(error) };
  }
}

/** Bookings the mock lists: the sample booking, owned by the connected user, five of them. */
function bookings(): object[] {
  return Array.from({ length: 5 }, (_, i) => ({
    ...SAMPLE_EVENT.data,
    id: `BKNG-BENCH${i}`,
    owner: MOCK_USER,
  }));
}

async function main(): Promise<void> {
  const mock = await startMockApi({ bookings: bookings() });
  process.env.ONCEHUB_API_BASE_URL = mock.baseUrl;
  const hook = 'triggers.booking_scheduled.operation';
  const subscribeData: Bundle['subscribeData'] & Record<string, unknown> = {
    id: 'WHK-1',
    name: 'Zapier Booking Scheduled bench',
    events: ['booking.scheduled'],
    secret: MOCK_SECRET,
  };
  const ours = {
    connectionTest: await count(mock, ourDir, 'authentication.test', { authData: AUTH }),
    subscribe: await count(mock, ourDir, `${hook}.performSubscribe`, { authData: AUTH, inputData: {}, targetUrl: TARGET_URL }),
    unsubscribe: await count(mock, ourDir, `${hook}.performUnsubscribe`, {
      authData: AUTH,
      inputData: {},
      targetUrl: TARGET_URL,
      subscribeData,
    }),
    performScopeAll: await count(mock, ourDir, `${hook}.perform`, signedDelivery({ eventId: 'EVNT-COUNT1' })),
    performDefaultScope: await count(
      mock,
      ourDir,
      `${hook}.perform`,
      signedDelivery({ eventId: 'EVNT-COUNT2', inputData: {}, ownedByLogin: true }),
    ),
    sampleLoading: await count(mock, ourDir, `${hook}.performList`, {
      authData: AUTH,
      inputData: {},
      meta: { isLoadingSample: true },
    }),
    dropdown: await count(mock, ourDir, 'triggers.list_booking_pages.operation.perform', {
      authData: AUTH,
      inputData: {},
      meta: { page: 0, isFillingDynamicDropdown: true },
    }),
  };
  const bare = {
    connectionTest: await count(mock, bareDir, 'authentication.test', { authData: AUTH }),
    performScopeAll: await count(mock, bareDir, 'triggers.booking.operation.perform', signedDelivery({ eventId: 'EVNT-COUNT1' })),
  };
  await mock.close();
  emitReport({ ok: true, ours, bare });
}

main().then(
  () => process.exit(),
  (error: unknown) => {
    emitReport({ ok: false, error: errorMessage(error) });
    process.exit(1);
  },
);
