import { expect, test } from '@playwright/test';

import {
  EMPTY_SCAN,
  mergeScans,
  normalizeMessage,
  scanFailedTasks,
  scanLogLines,
  scanLogText,
} from '../../src/judge/unsupported-scan';
import { deepFreeze, userRecord } from '../helpers/records';

const TASK_A = '3f2b8c1e-9d4a-4e6b-8f1a-0c2d3e4f5a6b';
const TASK_B = '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d';
const FRAGMENT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

const PROVIDER_ERROR =
  "Theory generation failed: Error code: 400 - {'error': {'message': \"Unsupported parameter: " +
  "'max_tokens' is not supported with this model.\", 'type': 'invalid_request_error', " +
  "'param': 'max_tokens', 'code': 'unsupported_parameter'}}";
const HEALING =
  "Model 'gpt-5.2-chat' rejected max_tokens - switching to max_completion_tokens and retrying.";
const REMOVING = "Model 'gpt-5.2-chat' rejected temperature - removing it and retrying.";

const PROVIDER_TEMPERATURE = "{'code': 'unsupported_value', 'param': 'temperature'}";

const PLAIN_LOG = deepFreeze([
  'INFO:     10.0.0.4:51234 - "GET /api/projects/p1/generate-theory/status/x HTTP/1.1" 200 OK',
  HEALING,
  HEALING,
  REMOVING,
  `LLM coding failed for fragment ${FRAGMENT}: Error code: 429 - {'error': 'rate limited'}`,
  `[theory][${TASK_A}] auto_code failed: Error code: 400 - ${PROVIDER_TEMPERATURE}`,
  '',
]);

test.describe('scanLogLines on plain text', () => {
  test('counts both forms, one occurrence per line, and groups repeats', () => {
    const scan = scanLogLines(PLAIN_LOG);
    expect(scan.total).toBe(4);
    expect(scan.messages).toEqual([
      {
        message:
          "Model 'gpt-#-chat' rejected max_tokens - switching to max_completion_tokens and retrying.",
        form: 'self_healing',
        param: 'max_tokens',
        count: 2,
        task_ids: [],
      },
      {
        message: `[theory][<id>] auto_code failed: Error code: # - ${PROVIDER_TEMPERATURE}`,
        form: 'provider',
        param: 'temperature',
        count: 1,
        task_ids: [TASK_A],
      },
      {
        message: "Model 'gpt-#-chat' rejected temperature - removing it and retrying.",
        form: 'self_healing',
        param: 'temperature',
        count: 1,
        task_ids: [],
      },
    ]);
  });

  test('finds nothing in lines without either form, and no task id from a fragment id', () => {
    expect(scanLogLines([`LLM coding failed for fragment ${FRAGMENT}: Error code: 429`])).toEqual(
      EMPTY_SCAN,
    );
    const scan = scanLogLines([`fragment ${FRAGMENT}: 'code': 'unsupported_parameter'`]);
    expect(scan.messages[0].task_ids).toEqual([]);
  });

  test('takes the task id from "task <id>" and "task_id=<id>" forms', () => {
    const scan = scanLogLines([
      `[theory] task ${TASK_A} warning: unsupported_parameter max_tokens`,
      `task_id=${TASK_B} warning: unsupported_parameter max_tokens`,
    ]);
    expect(scan.total).toBe(2);
    expect(scan.messages.flatMap((entry) => entry.task_ids).sort()).toEqual([TASK_A, TASK_B]);
  });
});

test.describe('scanLogLines on JSON lines', () => {
  test('reads the message from Log_s, log, message or msg, whatever the case of the key', () => {
    const lines = [
      JSON.stringify({
        TimeGenerated: '2026-02-26T10:00:00Z',
        Log_s: HEALING,
        ContainerAppName_s: 'api',
      }),
      JSON.stringify({ time: '2026-02-26T10:00:01Z', Log: HEALING }),
      JSON.stringify({ message: HEALING, level: 'warning' }),
      JSON.stringify({ msg: HEALING }),
      JSON.stringify({ Log_s: 'INFO: nothing to see', Stream_s: 'stderr' }),
    ];
    const scan = scanLogLines(lines);
    expect(scan.total).toBe(4);
    expect(scan.messages).toHaveLength(1);
    expect(scan.messages[0]).toMatchObject({ form: 'self_healing', param: 'max_tokens', count: 4 });
  });

  test('takes the task id from a task_id field and reads a JSON document inside the message', () => {
    const inner = JSON.stringify({ message: PROVIDER_ERROR, task_id: TASK_B });
    const scan = scanLogLines([
      JSON.stringify({ Log_s: PROVIDER_ERROR, task_id_s: TASK_A }),
      JSON.stringify({ Log_s: inner }),
    ]);
    expect(scan.total).toBe(2);
    expect(scan.messages).toHaveLength(1);
    expect(scan.messages[0].form).toBe('provider');
    expect(scan.messages[0].param).toBe('max_tokens');
    expect(scan.messages[0].task_ids).toEqual([TASK_A]);
  });

  test('searches a whole record that has no known message field', () => {
    const scan = scanLogLines([JSON.stringify({ properties: { detail: HEALING } })]);
    expect(scan.total).toBe(1);
  });

  test('treats a line that only looks like JSON as plain text', () => {
    expect(scanLogLines([`{broken ${HEALING}`]).total).toBe(1);
  });
});

test.describe('scanLogText', () => {
  test('reads a JSON array export as records', () => {
    const text = JSON.stringify(
      [{ Log_s: HEALING }, { Log_s: REMOVING }, { Log_s: 'fine' }],
      null,
      2,
    );
    expect(scanLogText(text).total).toBe(2);
  });

  test('reads mixed plain and JSON lines with CRLF endings', () => {
    const text = [HEALING, JSON.stringify({ message: REMOVING }), 'ok'].join('\r\n');
    expect(scanLogText(text).total).toBe(2);
  });
});

test.describe('scanFailedTasks', () => {
  test('counts failed tasks once each, from error or error_code', () => {
    const runs = deepFreeze([
      userRecord({
        user: 0,
        outcome: 'failed',
        task_id: TASK_A,
        error: PROVIDER_ERROR,
        error_code: 'PIPELINE_ERROR',
      }),
      // A reused user shares task A: the same failure, not a second occurrence.
      userRecord({
        user: 1,
        outcome: 'failed',
        task_id: TASK_A,
        error: PROVIDER_ERROR,
        reused: true,
      }),
      userRecord({
        user: 2,
        outcome: 'failed',
        task_id: TASK_B,
        error: null,
        error_code: 'unsupported_parameter',
      }),
      userRecord({
        user: 3,
        outcome: 'failed',
        task_id: 't3',
        error: 'Theory generation failed: boom',
      }),
      // Completed users and enqueue failures are not failed tasks.
      userRecord({ user: 4, outcome: 'completed', error: PROVIDER_ERROR }),
      userRecord({
        user: 5,
        outcome: 'enqueue_failed',
        task_id: null,
        error: 'unsupported_parameter',
      }),
    ]);
    const scan = scanFailedTasks(runs);
    expect(scan.total).toBe(2);
    expect(scan.messages.map((entry) => [entry.message.slice(0, 40), entry.task_ids])).toEqual([
      ['PIPELINE_ERROR: Theory generation failed', [TASK_A]],
      ['unsupported_parameter', [TASK_B]],
    ]);
  });
});

test.describe('mergeScans and normalizeMessage', () => {
  test('adds totals and regroups equal messages across scans, keeping at most five task ids', () => {
    const ids = Array.from(
      { length: 4 },
      (_, index) => `task ${TASK_A.slice(0, -1)}${index} unsupported_parameter`,
    );
    const left = scanLogLines(ids);
    const right = scanLogLines([
      ...ids.map((line) => line.replace(TASK_A.slice(0, -1), TASK_B.slice(0, -1))),
      HEALING,
    ]);
    const merged = mergeScans(left, right, EMPTY_SCAN);
    expect(merged.total).toBe(9);
    expect(merged.messages[0].count).toBe(8);
    expect(merged.messages[0].task_ids).toHaveLength(5);
    expect(left.messages[0].task_ids).toHaveLength(4);
  });

  test('masks timestamps, uuids, hex ids and numbers, and cuts long text', () => {
    expect(
      normalizeMessage(`2026-02-26T10:00:00.123Z task ${TASK_A} req 0a1b2c3d4e5f took 12.5 s`),
    ).toBe('task <id> req <id> took # s');
    expect(normalizeMessage('x'.repeat(500))).toHaveLength(240);
  });
});
