import { BODY, PROJECTS, TOKEN, expect, field, test } from './sim-fixture';

const enqueuePath = (projectId: string) => `/api/projects/${projectId}/generate-theory`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test.describe('POST generate-theory', () => {
  test('answers 202 with task_id, pending, the raw poll hint and local mode', async ({
    launch,
  }) => {
    const sim = await launch({ pollHintSeconds: 0 });

    const answer = await sim.enqueue();

    expect(answer.status).toBe(202);
    expect(Object.keys(answer.json as object)).toEqual([
      'task_id',
      'status',
      'next_poll_seconds',
      'execution_mode',
    ]);
    expect(field(answer.json, 'task_id')).toMatch(UUID);
    expect(answer.json).toMatchObject({
      status: 'pending',
      next_poll_seconds: 0,
      execution_mode: 'local',
    });
  });

  test('accepts {} and ignores unknown fields', async ({ launch }) => {
    const sim = await launch();

    const empty = await sim.api(enqueuePath(PROJECTS[1]), { method: 'POST', body: {} });
    const extra = await sim.api(enqueuePath(PROJECTS[1]), {
      method: 'POST',
      body: { ...BODY, something_else: [1, 2] },
    });

    expect(empty.status).toBe(202);
    expect(extra.status).toBe(202);
  });

  test('a project of another owner or an unknown one is 404 Project not found, never 403', async ({
    launch,
  }) => {
    const other = '00000000-0000-4000-8000-0000000000aa';
    const sim = await launch({
      tokens: [
        { token: TOKEN, projectIds: PROJECTS },
        { token: 'other-owner', projectIds: [other] },
      ],
    });

    const foreign = await sim.api(enqueuePath(other), { method: 'POST', body: BODY });
    const unknown = await sim.api(enqueuePath('00000000-0000-4000-8000-0000000000ff'), {
      method: 'POST',
      body: BODY,
    });

    for (const answer of [foreign, unknown]) {
      expect(answer.status).toBe(404);
      expect(answer.json).toEqual({ detail: 'Project not found' });
    }
    expect(sim.stats().tasks.created).toBe(0);
  });

  test('accepts the simple (unhyphenated) and uppercase UUID forms of the same project', async ({
    launch,
  }) => {
    const sim = await launch();
    const simple = PROJECTS[2].replaceAll('-', '').toUpperCase();

    const answer = await sim.api(enqueuePath(simple), { method: 'POST', body: BODY });
    const taskId = field(answer.json, 'task_id') as string;
    const status = await sim.status(PROJECTS[2], taskId);

    expect(answer.status).toBe(202);
    expect(field(status.json, 'project_id')).toBe(PROJECTS[2]);
  });
});

test.describe('POST generate-theory validation (422, pydantic v2 shapes)', () => {
  test('a project id that is not a UUID is uuid_parsing at path.project_id', async ({ launch }) => {
    const sim = await launch();

    const answer = await sim.api(enqueuePath('not-a-uuid'), { method: 'POST', body: BODY });

    expect(answer.status).toBe(422);
    const accepted = 'an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-]';
    const reason = `invalid character: expected ${accepted}, found \`n\` at 1`;
    expect(answer.json).toEqual({
      detail: [
        {
          type: 'uuid_parsing',
          loc: ['path', 'project_id'],
          msg: `Input should be a valid UUID, ${reason}`,
          input: 'not-a-uuid',
          ctx: { error: reason },
        },
      ],
    });
  });

  test('a hex id of the wrong length names the length it found', async ({ launch }) => {
    const sim = await launch();

    const answer = await sim.api(enqueuePath('abc123'), { method: 'POST', body: BODY });

    expect(answer.status).toBe(422);
    expect(answer.text).toContain('invalid length: expected length 32 for simple format, found 6');
  });

  test('a missing body is "missing" at body', async ({ launch }) => {
    const sim = await launch();

    const answer = await sim.api(enqueuePath(PROJECTS[0]), { method: 'POST' });

    expect(answer.status).toBe(422);
    expect(answer.json).toEqual({
      detail: [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }],
    });
  });

  test('malformed JSON is json_invalid and is reported before auth', async ({ launch }) => {
    const sim = await launch();

    const answer = await sim.api(enqueuePath(PROJECTS[0]), {
      method: 'POST',
      token: null,
      rawBody: '{"min_interviews": 1,',
      headers: { 'Content-Type': 'application/json' },
    });

    expect(answer.status).toBe(422);
    const [issue] = field(answer.json, 'detail') as Array<Record<string, unknown>>;
    expect(issue).toMatchObject({ type: 'json_invalid', msg: 'JSON decode error', input: {} });
    expect((issue.loc as unknown[])[0]).toBe('body');
    expect(typeof (issue.loc as unknown[])[1]).toBe('number');
    expect(issue.ctx).toEqual({ error: expect.any(String) });
  });

  test('a valid JSON body without a token is 401, not 422', async ({ launch }) => {
    const sim = await launch();

    const answer = await sim.api(enqueuePath('not-a-uuid'), { method: 'POST', token: null });

    expect(answer.status).toBe(401);
  });

  test('wrong field types give one item per field with the input', async ({ launch }) => {
    const sim = await launch();

    const answer = await sim.api(enqueuePath(PROJECTS[0]), {
      method: 'POST',
      body: { min_interviews: 'many', use_model_router: 'perhaps' },
    });

    expect(answer.status).toBe(422);
    expect(answer.json).toEqual({
      detail: [
        {
          type: 'int_parsing',
          loc: ['body', 'min_interviews'],
          msg: 'Input should be a valid integer, unable to parse string as an integer',
          input: 'many',
        },
        {
          type: 'bool_parsing',
          loc: ['body', 'use_model_router'],
          msg: 'Input should be a valid boolean, unable to interpret input',
          input: 'perhaps',
        },
      ],
    });
  });

  test('lax coercions that pydantic accepts are accepted', async ({ launch }) => {
    const sim = await launch();

    const answer = await sim.api(enqueuePath(PROJECTS[0]), {
      method: 'POST',
      body: { min_interviews: '3', use_model_router: 'no' },
    });

    expect(answer.status).toBe(202);
  });

  test('a body that is not an object is model_attributes_type at body', async ({ launch }) => {
    const sim = await launch();

    const answer = await sim.api(enqueuePath(PROJECTS[0]), { method: 'POST', body: [1] });

    expect(answer.status).toBe(422);
    expect(field(answer.json, 'detail')).toEqual([
      {
        type: 'model_attributes_type',
        loc: ['body'],
        msg: 'Input should be a valid dictionary or object to extract fields from',
        input: [1],
      },
    ]);
  });

  test('path and body errors are reported together, path first', async ({ launch }) => {
    const sim = await launch();

    const answer = await sim.api(enqueuePath('x'), {
      method: 'POST',
      body: { min_interviews: 1.5 },
    });

    const detail = field(answer.json, 'detail') as Array<{ type: string }>;
    expect(detail.map((issue) => issue.type)).toEqual(['uuid_parsing', 'int_from_float']);
  });
});
