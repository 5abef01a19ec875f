/**
 * Turning a Zap on creates one OnceHub webhook for it; turning it off deletes that webhook.
 *
 * Idempotent subscribe: the webhook's name is derived from Zapier's target URL, which is unique
 * per Zap. OnceHub rejects a duplicate name with 409, so a retried subscribe (say, after the
 * answer to the first one was lost) finds and reuses the webhook it already made.
 *
 * Webhooks outlive the API key that created them (OnceHub docs, "Regenerating your API key"),
 * and Zapier runs unsubscribe with the connection's current key, so after a reconnect the old
 * webhook is deleted with the new key.
 */
import { createHash } from 'node:crypto';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { apiBaseUrl, isLoopbackHost } from './config';
import { callOnceHub, getPage } from './client';
import type { BookingEvent, TriggerRow } from './events';
import type { DeletedObject, Webhook } from './oncehub';

export interface SubscribeData extends Record<string, unknown> {
  id: string;
  name: string;
  events: string[];
  /** Signing secret; absent when OnceHub did not return one (reused webhook read back by GET). */
  secret?: string;
}

export interface UnsubscribeResult extends Record<string, unknown> {
  id: string | null;
  deleted: boolean;
  note?: string;
}

const WEBHOOKS_PAGE = 100;
/** An account has at most a few hundred webhooks; more pages than this means a cursor loop. */
const MAX_WEBHOOK_PAGES = 50;

/** The webhook recorded for this Zap when it was turned on, as far as Zapier passes it back. */
export function subscribedWebhook(bundle: Bundle): { id: string; secret?: string } {
  const data = (bundle.subscribeData ?? {}) as Partial<Record<string, unknown>>;
  return {
    id: typeof data.id === 'string' ? data.id : '',
    ...(typeof data.secret === 'string' && data.secret !== '' ? { secret: data.secret } : {}),
  };
}

export function webhookName(row: TriggerRow, targetUrl: string): string {
  const digest = createHash('sha256').update(targetUrl).digest('hex').slice(0, 16);
  return `Zapier ${row.label} ${digest}`;
}

/** Zapier's hook URLs are HTTPS; plain HTTP only makes sense for a local simulator's receiver. */
function checkTargetUrl(z: ZObject, targetUrl: string | undefined): string {
  let url: URL | undefined;
  try {
    url = targetUrl ? new URL(targetUrl) : undefined;
  } catch {
    url = undefined;
  }
  const local = url?.protocol === 'http:' && isLoopbackHost(url.hostname) && isLoopbackHost(apiBaseUrl().hostname);
  if (!url || !(url.protocol === 'https:' || local)) {
    throw new z.errors.Error(
      'Zapier gave this Zap a webhook address that is not HTTPS, and OnceHub accepts only HTTPS webhooks. Turn the Zap off and on again.',
      'InsecureTargetUrl',
    );
  }
  return url.toString();
}

function toSubscribeData(webhook: Webhook, fallback: { name: string; events: readonly string[] }): SubscribeData {
  return {
    id: webhook.id,
    name: webhook.name ?? fallback.name,
    events: webhook.events ?? [...fallback.events],
    ...(webhook.secret ? { secret: webhook.secret } : {}),
  };
}

async function findWebhookByName(z: ZObject, name: string, what: string): Promise<Webhook | undefined> {
  let after: string | undefined;
  for (let page = 0; page < MAX_WEBHOOK_PAGES; page += 1) {
    const { data, has_more } = await getPage<Webhook>(z, '/webhooks', { limit: WEBHOOKS_PAGE, after }, what);
    const found = data.find((webhook) => webhook.name === name);
    const last = data.at(-1)?.id;
    if (found || !has_more || !last || last === after) return found;
    after = last;
  }
  return undefined;
}

function sameEvents(webhook: Webhook, events: readonly string[]): boolean {
  const have = new Set(webhook.events ?? []);
  return have.size === events.length && events.every((event) => have.has(event));
}

export async function subscribe(
  z: ZObject,
  bundle: Bundle,
  row: TriggerRow,
  events: readonly BookingEvent[],
): Promise<SubscribeData> {
  const url = checkTargetUrl(z, bundle.targetUrl);
  const name = webhookName(row, url);
  const what = 'turning the Zap on';
  const body = { name, url, events: [...events] };

  for (let attempt = 0; attempt < 3; attempt += 1) {
    const created = await callOnceHub<Webhook>(z, { method: 'POST', path: '/webhooks', body, what, allowStatuses: [409] });
    if (created.status !== 409) {
      if (!created.data?.id) {
        throw new z.errors.Error(
          `OnceHub did not return the new webhook's ID while ${what}. Turn the Zap off and on again.`,
          'OnceHubUnreadableAnswer',
        );
      }
      return toSubscribeData(created.data, body);
    }
    // 409: this Zap's webhook exists already, from an earlier attempt whose answer was lost.
    const existing = await findWebhookByName(z, name, what);
    if (existing && existing.url !== url) {
      throw new z.errors.HaltedError(
        `A OnceHub webhook named "${name}" already exists for another address. Delete it in OnceHub under Account Integrations → APIs & Webhooks, then turn the Zap on again.`,
      );
    }
    if (existing && existing.secret && sameEvents(existing, events)) {
      z.console.log(`Reusing OnceHub webhook ${existing.id}, created for this Zap by an earlier attempt.`);
      return toSubscribeData(existing, body);
    }
    if (existing) {
      // It subscribes to other events, or OnceHub did not reveal its signing secret on read:
      // replace it, so this Zap gets exactly its events and can check every delivery's signature.
      await callOnceHub<DeletedObject>(z, {
        method: 'DELETE',
        path: `/webhooks/${encodeURIComponent(existing.id)}`,
        what,
        allowStatuses: [404],
      });
      z.console.log(`Replaced OnceHub webhook ${existing.id}, left by an earlier attempt to turn this Zap on.`);
      continue;
    }
    // Gone between the 409 and the lookup (deleted meanwhile): create it once more.
  }
  throw new z.errors.Error(`OnceHub kept refusing to create this Zap's webhook while ${what}. Try again in a minute.`, 'WebhookConflict');
}

export async function unsubscribe(z: ZObject, bundle: Bundle): Promise<UnsubscribeResult> {
  const { id } = subscribedWebhook(bundle);
  if (id === '') {
    z.console.log('No OnceHub webhook was recorded for this Zap, so there is nothing to delete.');
    return { id: null, deleted: false, note: 'no webhook on record' };
  }
  const what = 'turning the Zap off';
  let response;
  try {
    response = await callOnceHub<DeletedObject>(z, {
      method: 'DELETE',
      path: `/webhooks/${encodeURIComponent(id)}`,
      what,
      allowStatuses: [404],
    });
  } catch (error) {
    if (error instanceof z.errors.ExpiredAuthError) {
      // Zapier turns the Zap off even when unsubscribe throws (zapier-platform-cli#261: "if a user
      // is trying to turn off a zap, that should always happen"), so raising the reconnect error
      // costs nothing and gets the user Zapier's reconnect email. The orphan stops by itself:
      // Zapier answers 410 Gone to deliveries for a Zap that is off, OnceHub counts that as a
      // failed delivery and disables a webhook after about 3 days of failures.
      throw new z.errors.ExpiredAuthError(
        `${error.message} The Zap is off, but its OnceHub webhook ${id} could not be deleted with this key. ` +
          'It does no harm: Zapier now answers its deliveries with 410 Gone, and OnceHub disables a webhook whose deliveries keep failing. ' +
          'To remove it now, delete it in OnceHub under Account Integrations → APIs & Webhooks, or reconnect and turn the Zap on and off again.',
      );
    }
    throw error;
  }
  if (response.status === 404) {
    z.console.log(
      `OnceHub webhook ${id} was already gone: it was deleted in OnceHub, or it belongs to another OnceHub account than the one this connection now uses. Nothing to delete.`,
    );
    return { id, deleted: true, note: 'already gone' };
  }
  return { id, deleted: true };
}
