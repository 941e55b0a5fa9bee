import { createSandboxApp } from './app';
import { SYSTEMS } from './systems';

const port = Number(process.env['SANDBOX_PORT'] ?? 4010);
// Loopback by default: the fakes accept any credentials. Containers set SANDBOX_HOST=0.0.0.0.
const host = process.env['SANDBOX_HOST'] ?? '127.0.0.1';
createSandboxApp(SYSTEMS).listen(port, host, () => {
  console.log(`Sandbox (fake external systems) on http://${host}:${port} — see /__sandbox`);
});
