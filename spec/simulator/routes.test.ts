import { PROJECTS, TOKEN, expect, field, test } from './sim-fixture';

const ENQUEUE = `/api/projects/${PROJECTS[0]}/generate-theory`;

test.describe('routes outside the theory flow', () => {
  test('GET /health answers 200 healthy without a token', async ({ launch }) => {
    const sim = await launch();

    const answer = await sim.api('/health', { token: null });

    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ status: 'healthy' });
    expect(answer.headers.get('content-type')).toBe('application/json');
  });

  test('GET / answers 200 without a token and /health/dependencies a bare 500', async ({
    launch,
  }) => {
    const sim = await launch();

    const root = await sim.api('/', { token: null });
    const dependencies = await sim.api('/health/dependencies', { token: null });

    expect(root.status).toBe(200);
    expect(dependencies.status).toBe(500);
    expect(dependencies.text).toBe('Internal Server Error');
  });

  test('an unknown path is 404 Not Found', async ({ launch }) => {
    const sim = await launch();

    const answer = await sim.api('/api/nothing-here');

    expect(answer.status).toBe(404);
    expect(answer.json).toEqual({ detail: 'Not Found' });
  });

  test('the wrong method on a known path is 405 Method Not Allowed with Allow', async ({
    launch,
  }) => {
    const sim = await launch();

    const getEnqueue = await sim.api(ENQUEUE);
    const postStatus = await sim.api(`${ENQUEUE}/status/x`, { method: 'POST' });

    expect(getEnqueue.status).toBe(405);
    expect(getEnqueue.json).toEqual({ detail: 'Method Not Allowed' });
    expect(getEnqueue.headers.get('allow')).toBe('POST');
    expect(postStatus.status).toBe(405);
    expect(postStatus.headers.get('allow')).toBe('GET');
  });

  test('a trailing slash on generate-theory is 307 to the path without it', async ({ launch }) => {
    const sim = await launch();

    const answer = await sim.api(`${ENQUEUE}/?x=1`, { method: 'POST', body: {} });

    expect(answer.status).toBe(307);
    expect(answer.headers.get('location')).toBe(`${sim.url}${ENQUEUE}?x=1`);
    expect(sim.stats().tasks.created).toBe(0);
  });

  test('every answer carries Server-Timing with the handling time in ms', async ({ launch }) => {
    const sim = await launch();

    const answers = await Promise.all([
      sim.api('/health'),
      sim.api('/nowhere'),
      sim.api(ENQUEUE),
      sim.api(ENQUEUE, { method: 'POST', body: {} }),
      sim.api(ENQUEUE, { method: 'POST', token: null }),
      sim.api('/__sim/stats'),
    ]);

    for (const answer of answers) {
      expect(answer.headers.get('server-timing')).toMatch(/^app;dur=\d+\.\d{3}$/);
    }
  });
});

test.describe('authentication', () => {
  const challenge = 'Bearer';

  test('no Authorization header is 401 with WWW-Authenticate: Bearer', async ({ launch }) => {
    const sim = await launch();

    const answer = await sim.api(ENQUEUE, { method: 'POST', body: {}, token: null });

    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ detail: 'Authentication required. Provide a Bearer token.' });
    expect(answer.headers.get('www-authenticate')).toBe(challenge);
  });

  test('another scheme or an empty bearer reads as no token', async ({ launch }) => {
    const sim = await launch();

    const basic = await sim.api(ENQUEUE, {
      method: 'POST',
      body: {},
      token: null,
      headers: { Authorization: `Basic ${TOKEN}` },
    });
    const empty = await sim.api(ENQUEUE, {
      method: 'POST',
      body: {},
      token: null,
      headers: { Authorization: 'Bearer ' },
    });

    for (const answer of [basic, empty]) {
      expect(answer.status).toBe(401);
      expect(field(answer.json, 'detail')).toBe('Authentication required. Provide a Bearer token.');
    }
  });

  test('an unknown token is 401 "Error decoding token headers." with the challenge', async ({
    launch,
  }) => {
    const sim = await launch();

    const answer = await sim.status(PROJECTS[0], 'any', 'not-a-known-token');

    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({
      detail: 'Invalid or expired token: Error decoding token headers.',
    });
    expect(answer.headers.get('www-authenticate')).toBe(challenge);
  });

  test('the bearer scheme is matched without regard to case', async ({ launch }) => {
    const sim = await launch();

    const answer = await sim.api('/api/projects/' + PROJECTS[0] + '/generate-theory/status/x', {
      token: null,
      headers: { Authorization: `bearer ${TOKEN}` },
    });

    expect(answer.status).toBe(404);
  });

  test('auth runs before path validation on status and cancel', async ({ launch }) => {
    const sim = await launch();

    const status = await sim.api('/api/projects/nope/generate-theory/status/x', { token: null });
    const cancel = await sim.api('/api/projects/nope/generate-theory/cancel/x', {
      method: 'POST',
      token: null,
    });

    expect(status.status).toBe(401);
    expect(cancel.status).toBe(401);
  });
});
