import request from 'supertest';
import { createSandboxApp } from './app';
import { SYSTEMS } from './systems';

describe('sandbox fault switches', () => {
  const app = createSandboxApp(SYSTEMS);

  afterEach(async () => {
    await request(app).delete('/__sandbox/faults').expect(204);
  });

  it('answers normally without faults', async () => {
    await request(app).get('/probe/ping').expect(200, { pong: true });
  });

  it('returns HTTP 500 for exactly the requested number of times', async () => {
    await request(app).post('/__sandbox/faults').send({ system: 'probe', kind: 'http500', times: 2 }).expect(201);
    await request(app).get('/probe/ping').expect(500);
    await request(app).get('/probe/ping').expect(500);
    await request(app).get('/probe/ping').expect(200);
  });

  it('lets the first matching requests through when asked to start later', async () => {
    await request(app).post('/__sandbox/faults').send({ system: 'probe', kind: 'http500', after: 2, times: 1 }).expect(201);
    await request(app).get('/probe/ping').expect(200);
    await request(app).get('/probe/ping').expect(200);
    await request(app).get('/probe/ping').expect(500);
    await request(app).get('/probe/ping').expect(200);
  });

  it('adds latency', async () => {
    await request(app).post('/__sandbox/faults').send({ system: 'probe', kind: 'latency', ms: 150 }).expect(201);
    const started = Date.now();
    await request(app).get('/probe/ping').expect(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('never answers while a timeout fault is on, so the client timeout fires', async () => {
    await request(app).post('/__sandbox/faults').send({ system: 'probe', kind: 'timeout', times: 1 }).expect(201);
    await expect(request(app).get('/probe/ping').timeout(300)).rejects.toThrow(/Timeout/);
  });

  it('rejects unknown systems and kinds', async () => {
    await request(app).post('/__sandbox/faults').send({ system: 'nope', kind: 'http500' }).expect(400);
    await request(app).post('/__sandbox/faults').send({ system: 'probe', kind: 'meteor' }).expect(400);
  });
});
