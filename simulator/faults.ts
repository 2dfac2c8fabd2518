// Faults for tests, decided with one seeded draw per request on the routes SIM_FAULT_ROUTES
// names. Each kind owns a band of [0, 1) in a fixed order, so raising one rate does not change
// which requests another kind hits below it. A request gets at most one fault.

import { createRandom, pickOne } from './random';
import { FAULT_RATE_KEYS } from './settings-spec';

import type { Reply } from './reply';
import type { SimSettings } from './settings';
import type { StatsRoute } from './stats';

export type Fault =
  | { kind: 'none' }
  | { kind: 'http'; status: number }
  | { kind: 'reset' }
  | { kind: 'delayed'; delayMs: number }
  | { kind: 'malformed' }
  | { kind: 'missing_task_id' };

const NO_FAULT: Fault = { kind: 'none' };

const STATUS_TEXT: Record<number, string> = {
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

export class FaultPlan {
  private readonly random;
  private readonly anyFault: boolean;

  constructor(private readonly settings: SimSettings) {
    this.random = createRandom(settings.seed, 'faults');
    this.anyFault = FAULT_RATE_KEYS.some((key) => settings[key] > 0);
  }

  draw(route: StatsRoute): Fault {
    if (!this.anyFault || route === 'other' || !this.settings.faultRoutes.includes(route)) {
      return NO_FAULT;
    }
    const settings = this.settings;
    let band = this.random();
    if ((band -= settings.faultHttpRate) < 0) {
      return { kind: 'http', status: pickOne(this.random, settings.faultHttpStatuses) };
    }
    if ((band -= settings.faultResetRate) < 0) return { kind: 'reset' };
    if ((band -= settings.faultDelayRate) < 0) {
      return { kind: 'delayed', delayMs: settings.faultDelaySeconds * 1000 };
    }
    if ((band -= settings.faultMalformedRate) < 0) return { kind: 'malformed' };
    // A missing task_id only means something on an enqueue answer.
    if (band < settings.faultMissingTaskIdRate && route === 'enqueue') {
      return { kind: 'missing_task_id' };
    }
    return NO_FAULT;
  }

  /**
   * What a proxy in front of the backend answers (the backend itself has no 429 or 503): plain
   * text, with Retry-After on 429 and 503.
   */
  httpReply(status: number): Reply {
    const headers: Record<string, string> = {};
    if (status === 429 || status === 503) {
      headers['Retry-After'] = String(this.settings.faultRetryAfterSeconds);
    }
    return { status, text: STATUS_TEXT[status], headers };
  }
}

/** Cuts a JSON text short, so that no JSON parser accepts it. */
export function truncateJson(body: string): string {
  return body.slice(0, Math.max(1, Math.floor(body.length / 2)));
}
