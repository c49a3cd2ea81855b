import { describe, expect, it } from 'vitest';
import { CronJob, Job } from './batch-v1.js';

const podTemplate = {
  metadata: { labels: { app: 'report' } },
  spec: {
    restartPolicy: 'OnFailure',
    containers: [{ name: 'report', image: 'report:1', args: ['--daily'] }],
  },
};

const job = {
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: {
    name: 'report-28573920',
    namespace: 'ops',
    labels: { 'batch.kubernetes.io/job-name': 'report-28573920' },
  },
  spec: {
    parallelism: 2,
    completions: 4,
    backoffLimit: 3,
    activeDeadlineSeconds: 3600,
    ttlSecondsAfterFinished: 600,
    completionMode: 'Indexed',
    suspend: false,
    manualSelector: false,
    selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'c1' } },
    podReplacementPolicy: 'TerminatingOrFailed',
    podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [42] } }] },
    template: podTemplate,
  },
  status: {
    startTime: '2024-05-01T00:00:00Z',
    completionTime: '2024-05-01T00:03:00Z',
    succeeded: 4,
    failed: 0,
    ready: 0,
    terminating: 0,
    completedIndexes: '0-3',
    uncountedTerminatedPods: {},
    conditions: [
      {
        type: 'SuccessCriteriaMet',
        status: 'True',
        lastProbeTime: '2024-05-01T00:03:00Z',
        lastTransitionTime: '2024-05-01T00:03:00Z',
      },
      {
        type: 'Complete',
        status: 'True',
        lastProbeTime: '2024-05-01T00:03:00Z',
        lastTransitionTime: '2024-05-01T00:03:00Z',
      },
    ],
  },
};

const cronJob = {
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name: 'report', namespace: 'ops' },
  spec: {
    schedule: '0 0 * * *',
    timeZone: 'Europe/Paris',
    startingDeadlineSeconds: 200,
    concurrencyPolicy: 'Forbid',
    suspend: false,
    successfulJobsHistoryLimit: 3,
    failedJobsHistoryLimit: 1,
    jobTemplate: { metadata: { labels: { team: 'ops' } }, spec: { backoffLimit: 2, template: podTemplate } },
  },
  status: {
    active: [
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        name: 'report-28573920',
        namespace: 'ops',
        uid: 'j1',
        resourceVersion: '77',
      },
    ],
    lastScheduleTime: '2024-05-01T00:00:00Z',
    lastSuccessfulTime: '2024-04-30T00:03:00Z',
  },
};

describe('batch/v1', () => {
  it.each([
    ['Job', Job, job],
    ['CronJob', CronJob, cronJob],
  ] as const)('%s round-trips unchanged', (_name, type, object) => {
    const input = structuredClone(object);
    expect(type.objectSchema.parse(input)).toStrictEqual(object);
    expect(input).toStrictEqual(object);
  });

  it.each([
    ['a Job without template', Job, { metadata: { name: 'j' }, spec: {} }, ['spec', 'template']],
    [
      'an unknown completionMode',
      Job,
      { metadata: { name: 'j' }, spec: { template: podTemplate, completionMode: 'Ordered' } },
      ['spec', 'completionMode'],
    ],
    [
      'a CronJob without schedule',
      CronJob,
      { metadata: { name: 'c' }, spec: { jobTemplate: { spec: { template: podTemplate } } } },
      ['spec', 'schedule'],
    ],
    [
      'an unknown concurrencyPolicy',
      CronJob,
      {
        metadata: { name: 'c' },
        spec: {
          schedule: '* * * * *',
          concurrencyPolicy: 'Queue',
          jobTemplate: { spec: { template: podTemplate } },
        },
      },
      ['spec', 'concurrencyPolicy'],
    ],
  ] as const)('rejects %s at the right path', (_name, type, object, path) => {
    const result = type.objectSchema.safeParse(object);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toContainEqual(path);
  });
});
