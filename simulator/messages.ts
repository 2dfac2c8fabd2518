// The texts the simulator puts in task errors and in its log, in the forms the contract lists
// (section 8). A log scanner or a client that groups errors by text should meet exactly the
// shapes it would meet on the real backend; the provider bodies themselves are our own words.

import { pickOne } from './random';

import type { Random } from './random';

export const PIPELINE_PREFIX = 'Theory generation failed: ';

export const CANCELED_TEXT = 'Canceled by user';

export function rateLimitedError(limit: number): string {
  const body =
    "{'error': {'code': 'RateLimitReached', 'message': 'The simulated provider accepts " +
    `${limit} concurrent calls; retry after 1 second.'}}`;
  return `${PIPELINE_PREFIX}Error code: 429 - ${body}`;
}

export function poolTimeoutError(
  poolSize: number,
  overflow: number,
  timeoutSeconds: number,
): string {
  const timeoutText = timeoutSeconds.toFixed(2);
  return (
    `${PIPELINE_PREFIX}QueuePool limit of size ${poolSize} overflow ${overflow} reached, ` +
    `connection timed out, timeout ${timeoutText}`
  );
}

/** The SIM_FAIL_RATE failures: the PIPELINE_ERROR forms the contract saw most. */
export function pipelineFailure(random: Random): string {
  return pickOne(random, [
    `${PIPELINE_PREFIX}'selected_central_category'`,
    `${PIPELINE_PREFIX}safe_json_loads: all repair attempts failed. First 300 chars: {"central_cat`,
    `${PIPELINE_PREFIX}Embedding generation failed after 3 attempts (batch_size=16): `,
  ]);
}

export function canceledLogLine(taskId: string): string {
  return `[theory] task ${taskId} CANCELLED by user`;
}

/**
 * One of the two forms an unsupported parameter leaves in the real log: the wrapper's
 * self-healing warning, or the provider's error text (code unsupported_parameter or
 * unsupported_value) inside the router's fallback warning. Neither fails the task.
 */
export function unsupportedParameterLine(random: Random, model: string): string {
  const draw = random();
  if (draw < 0.5) {
    return `Model '${model}' rejected max_tokens - switching to max_completion_tokens and retrying.`;
  }
  const body =
    draw < 0.75
      ? "{'error': {'message': \"Parameter 'max_tokens' is not accepted by this model; send " +
        "'max_completion_tokens'.\", 'type': 'invalid_request_error', 'param': 'max_tokens', " +
        "'code': 'unsupported_parameter'}}"
      : "{'error': {'message': \"Value 0.2 of 'temperature' is not accepted by this model; only " +
        "the default (1) is.\", 'type': 'invalid_request_error', 'param': 'temperature', " +
        "'code': 'unsupported_value'}}";
  return `Model Router error: Error code: 400 - ${body}. Falling back to Kimi-K2.5.`;
}
