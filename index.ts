/** The OnceHub app for Zapier. Deployed code is this file and src/; nothing under test/ is imported. */
import zapier, { defineApp } from 'zapier-platform-core';
import { version } from './package.json';
import authentication from './src/authentication';
import { DROPDOWN_TRIGGERS } from './src/dropdowns';
import { mapOnceHubErrors } from './src/errors';
import { addOnceHubHeaders } from './src/http';
import { BOOKING_TRIGGERS } from './src/triggers';

const triggers = Object.fromEntries([...BOOKING_TRIGGERS, ...DROPDOWN_TRIGGERS].map((trigger) => [trigger.key, trigger]));

export default defineApp({
  version,
  platformVersion: zapier.version,
  authentication,
  beforeRequest: [addOnceHubHeaders],
  afterResponse: [mapOnceHubErrors],
  triggers,
});
