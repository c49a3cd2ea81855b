import { z } from 'zod';
import { LabelSelectorSchema } from '../meta/label-selector.js';
import { ObjectMeta } from '../meta/object-meta.js';
import { Time } from '../meta/time.js';
import { defineResource } from './define-resource.js';
import { ObjectReference } from './object-reference.js';
import { PodTemplateSpec } from './pod-spec.js';
import type { ResourceObject } from './resource-type.js';

// The batch/v1 API group: Jobs and CronJobs.

/** JobSpec is batch/v1 `JobSpec`; `template` is required. */
export const JobSpec = z.looseObject({
  parallelism: z.number().int().optional().describe('Maximum pods running at once; defaults to 1.'),
  completions: z
    .number()
    .int()
    .optional()
    .describe('Successful pods needed for the job to complete; unset means any one success.'),
  activeDeadlineSeconds: z
    .number()
    .int()
    .optional()
    .describe('Seconds the job may be active before the system terminates it.'),
  podFailurePolicy: z.looseObject({ rules: z.array(z.looseObject({})) }).optional(),
  successPolicy: z.looseObject({ rules: z.array(z.looseObject({})) }).optional(),
  backoffLimit: z
    .number()
    .int()
    .optional()
    .describe('Retries before the job is marked failed; defaults to 6.'),
  backoffLimitPerIndex: z.number().int().optional(),
  maxFailedIndexes: z.number().int().optional(),
  selector: LabelSelectorSchema.optional().describe(
    'Label query over pods; generated unless manualSelector is set.',
  ),
  manualSelector: z.boolean().optional(),
  template: PodTemplateSpec,
  ttlSecondsAfterFinished: z
    .number()
    .int()
    .optional()
    .describe('Seconds after the job finishes before it is deleted automatically.'),
  completionMode: z
    .enum(['NonIndexed', 'Indexed'])
    .optional()
    .describe('NonIndexed or Indexed; defaults to NonIndexed.'),
  suspend: z.boolean().optional().describe('When true, no pods are created and running pods are terminated.'),
  podReplacementPolicy: z.string().optional(),
  managedBy: z.string().optional(),
});
/** JobSpec is the type of a {@link JobSpec} value. */
export type JobSpec = z.infer<typeof JobSpec>;

/** JobCondition is batch/v1 `JobCondition`, e.g. `Complete`, `Failed`, `Suspended`. */
export const JobCondition = z.looseObject({
  type: z.string().describe('Complete, Failed, Suspended, FailureTarget, SuccessCriteriaMet.'),
  status: z.string().describe('True, False or Unknown.'),
  lastProbeTime: Time.nullish(),
  lastTransitionTime: Time.nullish(),
  reason: z.string().optional(),
  message: z.string().optional(),
});
/** JobCondition is the type of a {@link JobCondition} value. */
export type JobCondition = z.infer<typeof JobCondition>;

/** JobStatus is batch/v1 `JobStatus`. */
export const JobStatus = z.looseObject({
  conditions: z.array(JobCondition).optional(),
  startTime: Time.nullish(),
  completionTime: Time.nullish(),
  active: z.number().int().optional().describe('Pending and running pods.'),
  succeeded: z.number().int().optional().describe('Pods that reached phase Succeeded.'),
  failed: z.number().int().optional().describe('Pods that reached phase Failed.'),
  terminating: z.number().int().optional(),
  ready: z.number().int().optional(),
  completedIndexes: z.string().optional(),
  failedIndexes: z.string().optional(),
  uncountedTerminatedPods: z
    .looseObject({ succeeded: z.array(z.string()).optional(), failed: z.array(z.string()).optional() })
    .optional(),
});
/** JobStatus is the type of a {@link JobStatus} value. */
export type JobStatus = z.infer<typeof JobStatus>;

/** Job is the batch/v1 Job resource (category `all`). */
export const Job = defineResource({
  group: 'batch',
  version: 'v1',
  kind: 'Job',
  plural: 'jobs',
  namespaced: true,
  categories: ['all'],
  schema: z.object({ spec: JobSpec, status: JobStatus.optional() }),
  subresources: { status: true },
  selectableFields: {
    'status.successful': (job) => String(job.status?.succeeded ?? 0),
  },
  description: 'Job represents the configuration of a single job: pods that run to completion.',
});
/** Job is a batch/v1 Job object. */
export type Job = ResourceObject<typeof Job>;

/** CronJobSpec is batch/v1 `CronJobSpec`; `schedule` and `jobTemplate` are required. */
export const CronJobSpec = z.looseObject({
  schedule: z.string().describe('The schedule in Cron format.'),
  timeZone: z.string().optional().describe('IANA time zone of the schedule; defaults to the controller’s.'),
  startingDeadlineSeconds: z
    .number()
    .int()
    .optional()
    .describe('Deadline in seconds for starting a job that missed its scheduled time.'),
  concurrencyPolicy: z
    .enum(['Allow', 'Forbid', 'Replace'])
    .optional()
    .describe('Allow, Forbid or Replace concurrent runs; defaults to Allow.'),
  suspend: z.boolean().optional().describe('When true, no new jobs are started.'),
  jobTemplate: z
    .looseObject({ metadata: ObjectMeta.optional(), spec: JobSpec })
    .describe('The job created on each run.'),
  successfulJobsHistoryLimit: z.number().int().optional().describe('Finished jobs kept; defaults to 3.'),
  failedJobsHistoryLimit: z.number().int().optional().describe('Failed jobs kept; defaults to 1.'),
});
/** CronJobSpec is the type of a {@link CronJobSpec} value. */
export type CronJobSpec = z.infer<typeof CronJobSpec>;

/** CronJobStatus is batch/v1 `CronJobStatus`. */
export const CronJobStatus = z.looseObject({
  active: z.array(ObjectReference).optional().describe('The jobs currently running.'),
  lastScheduleTime: Time.nullish(),
  lastSuccessfulTime: Time.nullish(),
});
/** CronJobStatus is the type of a {@link CronJobStatus} value. */
export type CronJobStatus = z.infer<typeof CronJobStatus>;

/** CronJob is the batch/v1 CronJob resource (short name `cj`, category `all`). */
export const CronJob = defineResource({
  group: 'batch',
  version: 'v1',
  kind: 'CronJob',
  plural: 'cronjobs',
  namespaced: true,
  shortNames: ['cj'],
  categories: ['all'],
  schema: z.object({ spec: CronJobSpec, status: CronJobStatus.optional() }),
  subresources: { status: true },
  description: 'CronJob represents the configuration of a single cron job.',
});
/** CronJob is a batch/v1 CronJob object. */
export type CronJob = ResourceObject<typeof CronJob>;
