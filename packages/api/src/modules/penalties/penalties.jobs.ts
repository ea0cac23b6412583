import type { JobHandler } from '../../jobs/job-queue.js';
import { endSanction, expireWarning, SANCTION_END, WARNING_DEADLINE } from './penalty-engine.js';

function idOf(payload: unknown, key: string): number | null {
  const id = (payload as Record<string, unknown> | null)?.[key];
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** At a warning's correction deadline: records the automatic second violation if still uncorrected. */
export const warningDeadlineJob: JobHandler = async (payload, { em, config, logger }) => {
  const id = idOf(payload, 'violationId');
  if (id === null) return void logger.warn({ payload }, 'warning deadline job without a violationId');
  const repeat = await expireWarning(em, config, id, new Date());
  if (repeat) logger.info({ violationId: id, repeatId: repeat.id }, 'second violation warning recorded');
};

/** At a general freeze's end date: lifts it. */
export const sanctionEndJob: JobHandler = async (payload, { em, config, logger }) => {
  const id = idOf(payload, 'sanctionId');
  if (id === null) return void logger.warn({ payload }, 'sanction end job without a sanctionId');
  if (await endSanction(em, config, id, new Date())) logger.info({ sanctionId: id }, 'general freeze ended');
};

export { SANCTION_END, WARNING_DEADLINE };
