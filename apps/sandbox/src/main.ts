import { createSandboxApp } from './app';
import { SYSTEMS } from './systems';

const port = Number(process.env['SANDBOX_PORT'] ?? 4010);
// Loopback by default: the fakes accept any credentials. Containers set SANDBOX_HOST=0.0.0.0.
const host = process.env['SANDBOX_HOST'] ?? '127.0.0.1';
const server = createSandboxApp(SYSTEMS).listen(port, host, () => {
  // The bound port, not the requested one: SANDBOX_PORT=0 picks a free port, and tests read it from this line.
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  console.log(`Sandbox (fake external systems) on http://${host}:${bound} — see /__sandbox`);
});

// As a container's PID 1 node has no default handler for SIGTERM: without these, `docker stop` waits for the kill.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
