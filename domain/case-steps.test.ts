import { CASE_STEPS, HUMAN_STEPS, isCaseStep, isFinalStatus } from './case-steps';

describe('case steps', () => {
  it('names every human step as a case step', () => {
    for (const step of HUMAN_STEPS) expect(CASE_STEPS).toContain(step);
  });
  it('recognises step ids and final statuses', () => {
    expect(isCaseStep('verify')).toBe(true);
    expect(isCaseStep('verified')).toBe(false);
    expect(isFinalStatus('withdrawn')).toBe(true);
    expect(isFinalStatus('processing')).toBe(false);
  });
});
