// A deliberately simple model of the LLM provider's rate limit: it accepts a fixed number of
// calls in flight, and every call beyond that gets 429 at once (the backend's SDK is set to
// max_retries=0, so a 429 is not retried). A pipeline in its LLM phase keeps
// THEORY_INTERVIEW_CONCURRENCY x CODING_FRAGMENT_CONCURRENCY calls in flight, so the defaults
// (4 x 3 x 8 = 96 against 100) just fit and the runbook's tuning rules visibly move the result.

export interface LlmGauges {
  calls: number;
  rateLimited: number;
  inFlight: number;
  peakInFlight: number;
  limit: number;
}

export class LlmProvider {
  private calls = 0;
  private rateLimited = 0;
  private inFlight = 0;
  private peakInFlight = 0;

  constructor(private readonly limit: number) {}

  /** Places `count` calls; returns how many were accepted (the rest were answered 429). */
  place(count: number): number {
    const accepted = Math.min(count, Math.max(0, this.limit - this.inFlight));
    this.calls += count;
    this.rateLimited += count - accepted;
    this.inFlight += accepted;
    this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
    return accepted;
  }

  finish(count: number): void {
    this.inFlight -= count;
  }

  gauges(): LlmGauges {
    return {
      calls: this.calls,
      rateLimited: this.rateLimited,
      inFlight: this.inFlight,
      peakInFlight: this.peakInFlight,
      limit: this.limit,
    };
  }
}
