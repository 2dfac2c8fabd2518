// Defaults of the judge's settings in one place: the runbook's acceptance criteria (section 4)
// and the abort threshold's minimum sample.

export const JUDGE_DEFAULTS = Object.freeze({
  maxEnqueueP95Ms: 1500,
  minCompletedRatio: 0.95,
  maxFailedTimeoutRatio: 0.05,
  unsupportedMax: 1,
  abortMinUsers: 10,
});
