import type { CronJob, Job, JobCondition } from '@capstan/core';
import { containerCells, formatLabelSelector, NONE, parseTimestamp, since } from './cell-format.js';
import { humanDuration } from './human-duration.js';
import {
  AGE_COLUMN,
  CONTAINERS_COLUMN,
  column,
  IMAGES_COLUMN,
  NAME_COLUMN,
  SELECTOR_COLUMN,
} from './table-column.js';
import { type TablePrinter, tablePrinterFn } from './table-printer.js';

/**
 * jobTablePrinter prints jobs as current kubectl does: NAME STATUS COMPLETIONS DURATION AGE, and
 * wide CONTAINERS IMAGES SELECTOR. STATUS is the first of `Complete`, `Failed`, `Terminating`,
 * `Suspended`, `FailureTarget`, `SuccessCriteriaMet` that holds, else `Running`; COMPLETIONS reads
 * `succeeded/completions`, or `succeeded/1 of <parallelism>` for a work queue; DURATION runs from
 * `status.startTime` to the completion time (or to now), empty before the job started.
 */
export const jobTablePrinter: TablePrinter = tablePrinterFn<Job>(
  [
    NAME_COLUMN,
    column('Status', 'string', 'Status of the job.'),
    column(
      'Completions',
      'string',
      'The number of pods which reached phase Succeeded, of the completions wanted.',
    ),
    column('Duration', 'string', 'Time required to complete the job.'),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    SELECTOR_COLUMN,
  ],
  (job, now) => {
    const status = job.status ?? {};
    const succeeded = status.succeeded ?? 0;
    const parallelism = job.spec.parallelism ?? 0;
    const completions =
      job.spec.completions !== undefined
        ? `${succeeded}/${job.spec.completions}`
        : parallelism > 1
          ? `${succeeded}/1 of ${parallelism}`
          : `${succeeded}/1`;
    const start = parseTimestamp(status.startTime);
    const end = parseTimestamp(status.completionTime) ?? now.getTime();
    const [names, images] = containerCells(job.spec.template.spec.containers);
    return [
      job.metadata.name ?? '',
      jobStatus(job),
      completions,
      start === undefined ? '' : humanDuration(end - start),
      since(job.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(job.spec.selector),
    ];
  },
);

function jobStatus(job: Job): string {
  const conditions = job.status?.conditions ?? [];
  if (holds(conditions, 'Complete')) return 'Complete';
  if (holds(conditions, 'Failed')) return 'Failed';
  if (job.metadata.deletionTimestamp) return 'Terminating';
  if (holds(conditions, 'Suspended')) return 'Suspended';
  if (holds(conditions, 'FailureTarget')) return 'FailureTarget';
  if (holds(conditions, 'SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

/** holds tells whether the first condition of a type is True, as Kubernetes' `hasJobCondition`. */
function holds(conditions: readonly JobCondition[], type: string): boolean {
  return conditions.find((c) => c.type === type)?.status === 'True';
}

/**
 * cronJobTablePrinter prints cron jobs: NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE,
 * and wide CONTAINERS IMAGES SELECTOR. SUSPEND reads `True` or `False` (absent is `False`, the
 * default); TIMEZONE and LAST SCHEDULE are `<none>` when unset.
 */
export const cronJobTablePrinter: TablePrinter = tablePrinterFn<CronJob>(
  [
    NAME_COLUMN,
    column('Schedule', 'string', 'The schedule in Cron format.'),
    column('Timezone', 'string', 'The time zone of the schedule.'),
    column('Suspend', 'boolean', 'Whether new jobs are suspended.'),
    column('Active', 'integer', 'The number of jobs currently running.'),
    column('Last Schedule', 'string', 'The last time a job was scheduled.'),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    SELECTOR_COLUMN,
  ],
  (cj, now) => {
    const jobSpec = cj.spec.jobTemplate.spec;
    const [names, images] = containerCells(jobSpec.template.spec.containers);
    return [
      cj.metadata.name ?? '',
      cj.spec.schedule,
      cj.spec.timeZone ?? NONE,
      cj.spec.suspend === true ? 'True' : 'False',
      (cj.status?.active ?? []).length,
      cj.status?.lastScheduleTime ? since(cj.status.lastScheduleTime, now) : NONE,
      since(cj.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(jobSpec.selector),
    ];
  },
);
