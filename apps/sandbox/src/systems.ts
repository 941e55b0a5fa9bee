import express from 'express';
import type { FakeSystem } from './app';
import { odooSystem } from './odoo';

/** A trivial echo system: lets the fault switches be exercised before the real fakes (Odoo, CRM, PPIC…) arrive. */
const probe: FakeSystem = {
  name: 'probe',
  description: 'Answers GET /probe/ping with {"pong":true}; used to test the fault switches themselves.',
  router: () => express.Router().get('/ping', (_req, res) => res.json({ pong: true })),
};

export const SYSTEMS: FakeSystem[] = [probe, odooSystem];
