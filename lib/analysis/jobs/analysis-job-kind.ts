export const ANALYSIS_JOB_KIND = 'analysis.run';
// The SDK already retries each call twice; the job retries only what outlasts that (an outage).
export const ANALYSIS_JOB_MAX_ATTEMPTS = 3;
