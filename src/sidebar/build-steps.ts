/** The steps a build goes through, shown as progress in the build section. */
export type StepName = 'analyse' | 'validate' | 'build';
export type StepStatus = 'pending' | 'running' | 'done' | 'failed';
export const STEPS: readonly StepName[] = ['analyse', 'validate', 'build'];

/** The name the server gives the month's tab (appraisal.md: `考核 2026-11`). */
export const appraisalTabName = (month: string) => `考核 ${month}`;
