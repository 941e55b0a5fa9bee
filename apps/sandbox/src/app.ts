import express, { Express, Request, Response } from 'express';
import { FaultRegistry, FaultRule, FAULT_KINDS, transportFaults } from './faults';

/** A fake external system: mounted at `/<name>`, with transport faults applied before its router. */
export interface FakeSystem {
  name: string;
  description: string;
  router(faults: FaultRegistry): express.Router;
}

export function createSandboxApp(systems: FakeSystem[], faults = new FaultRegistry()): Express {
  const app = express();
  app.use(express.json({ limit: '5mb' }));

  app.get('/__sandbox', (_req, res) => {
    res.json({ systems: systems.map((s) => ({ name: s.name, description: s.description, path: `/${s.name}` })), faultKinds: FAULT_KINDS });
  });
  app.get('/__sandbox/faults', (_req, res) => res.json(faults.list()));
  app.post('/__sandbox/faults', (req: Request, res: Response) => {
    const { system, ...rule } = req.body as FaultRule & { system?: string };
    if (!system || !systems.some((s) => s.name === system)) {
      res.status(400).json({ error: `system must be one of: ${systems.map((s) => s.name).join(', ') || '(none yet)'}` });
      return;
    }
    try {
      res.status(201).json(faults.add(system, rule));
    } catch (err) {
      res.status(400).json({ error: (err as Error).message });
    }
  });
  app.delete('/__sandbox/faults', (req, res) => {
    faults.clear(typeof req.query['system'] === 'string' ? req.query['system'] : undefined);
    res.status(204).end();
  });

  for (const system of systems) {
    app.use(`/${system.name}`, transportFaults(faults, system.name), system.router(faults));
  }
  return app;
}
