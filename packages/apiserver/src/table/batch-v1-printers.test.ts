import type { CronJob, Job, PodTemplateSpec } from '@capstan/core';
import { describe, expect, it } from 'vitest';
import { cronJobTablePrinter, jobTablePrinter } from './batch-v1-printers.js';
import type { TableCell } from './table.js';

const NOW = new Date('2024-05-01T12:00:00Z');
const SECOND = 1000;
const MINUTE = 60 * SECOND;

function ago(ms: number): string {
  return new Date(NOW.getTime() - ms).toISOString().replace('.000Z', 'Z');
}

const template: PodTemplateSpec = {
  spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl:5.34' }] },
};
const selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': 'c0ffee' } };

function job(spec: Partial<Job['spec']>, status?: Job['status'], deleting = false): Job {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: 'pi',
      creationTimestamp: ago(20 * MINUTE),
      ...(deleting ? { deletionTimestamp: ago(SECOND) } : {}),
    },
    spec: { template, selector, ...spec },
    ...(status ? { status } : {}),
  };
}

const condition = (type: string, status = 'True') => ({ type, status });

describe('jobTablePrinter', () => {
  it('has the columns of current kubectl get jobs', () => {
    expect(jobTablePrinter.columns.map((c) => `${c.name}:${c.priority}`)).toEqual([
      'Name:0',
      'Status:0',
      'Completions:0',
      'Duration:0',
      'Age:0',
      'Containers:1',
      'Images:1',
      'Selector:1',
    ]);
  });

  const cases: [string, Job, TableCell[]][] = [
    ['a job that has not started', job({ completions: 1 }), ['Running', '0/1', '']],
    [
      'a running job, its duration up to now',
      job({ completions: 5, parallelism: 2 }, { startTime: ago(90 * SECOND), active: 2, succeeded: 2 }),
      ['Running', '2/5', '90s'],
    ],
    [
      'a complete job, its duration up to its completion',
      job(
        { completions: 1 },
        {
          startTime: ago(10 * MINUTE),
          completionTime: ago(7 * MINUTE + 30 * SECOND),
          succeeded: 1,
          conditions: [condition('SuccessCriteriaMet'), condition('Complete')],
        },
      ),
      ['Complete', '1/1', '2m30s'],
    ],
    [
      'a failed job',
      job(
        { backoffLimit: 0 },
        {
          startTime: ago(5 * MINUTE),
          failed: 1,
          conditions: [condition('FailureTarget'), condition('Failed')],
        },
      ),
      ['Failed', '0/1', '5m'],
    ],
    [
      'a job being deleted',
      job({ completions: 3 }, { startTime: ago(MINUTE), succeeded: 1 }, true),
      ['Terminating', '1/3', '60s'],
    ],
    [
      'a suspended job',
      job({ suspend: true }, { conditions: [condition('Suspended')] }),
      ['Suspended', '0/1', ''],
    ],
    [
      'a job about to fail',
      job({}, { startTime: ago(MINUTE), conditions: [condition('FailureTarget')] }),
      ['FailureTarget', '0/1', '60s'],
    ],
    [
      'a job that met its success criteria',
      job(
        { completions: 2 },
        { startTime: ago(MINUTE), succeeded: 1, conditions: [condition('SuccessCriteriaMet')] },
      ),
      ['SuccessCriteriaMet', '1/2', '60s'],
    ],
    [
      'a work queue job with parallelism',
      job({ parallelism: 3 }, { startTime: ago(MINUTE), active: 3 }),
      ['Running', '0/1 of 3', '60s'],
    ],
    [
      'a condition that is not True does not count',
      job({}, { startTime: ago(MINUTE), conditions: [condition('Complete', 'False')] }),
      ['Running', '0/1', '60s'],
    ],
  ];
  it.each(cases)('%s', (_, j, [status, completions, duration]) => {
    expect(jobTablePrinter.printRow(j, NOW).cells).toEqual([
      'pi',
      status,
      completions,
      duration,
      '20m',
      'pi',
      'perl:5.34',
      'batch.kubernetes.io/controller-uid=c0ffee',
    ]);
  });
});

describe('cronJobTablePrinter', () => {
  const cronJob = (spec: Partial<CronJob['spec']>, status?: CronJob['status']): CronJob => ({
    metadata: { name: 'backup', creationTimestamp: ago(3 * 24 * 60 * MINUTE) },
    spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template } }, ...spec },
    ...(status ? { status } : {}),
  });

  it.each([
    [
      'a cron job that never ran',
      cronJob({}),
      ['backup', '*/5 * * * *', '<none>', 'False', 0, '<none>', '3d', 'pi', 'perl:5.34', '<none>'],
    ],
    [
      'a suspended cron job with a time zone and a running job',
      cronJob(
        { timeZone: 'Europe/Paris', suspend: true },
        {
          active: [{ kind: 'Job', name: 'backup-28571', namespace: 'default' }],
          lastScheduleTime: ago(4 * MINUTE),
        },
      ),
      ['backup', '*/5 * * * *', 'Europe/Paris', 'True', 1, '4m', '3d', 'pi', 'perl:5.34', '<none>'],
    ],
  ] as [string, CronJob, TableCell[]][])('%s', (_, cj, cells) => {
    expect(cronJobTablePrinter.printRow(cj, NOW).cells).toEqual(cells);
  });
});
