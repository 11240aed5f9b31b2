// Handlers for the service and loyalty channels (shared/ipc/service.ts). Reads need an open
// book; writes need a chosen operator (written to the audit log).
import type { serviceChannels } from '../../shared/ipc/service';
import type { Desk } from '../app/desk';
import {
  addSatisfaction,
  completeTask,
  createTask,
  getCustomerService,
  getLoyaltyDistribution,
  setLoyalty,
} from '../services/service-loyalty';
import { deleteSatisfaction, updateSatisfaction } from '../services/service-loyalty/satisfaction';
import type { Handler } from './handlers';
import { readerContext, writerContext } from './session';

type ServiceChannel = keyof typeof serviceChannels;

export function serviceHandlers(desk: Desk): { [C in ServiceChannel]: Handler<C> } {
  return {
    'service:customer': async (q) => getCustomerService(readerContext(desk), q),
    'service:create-task': async (input) => createTask(writerContext(desk), input),
    'service:complete-task': async (input) => completeTask(writerContext(desk), input),
    'service:add-satisfaction': async (input) => addSatisfaction(writerContext(desk), input),
    'service:update-satisfaction': async (input) => updateSatisfaction(writerContext(desk), input),
    'service:delete-satisfaction': async (input) => deleteSatisfaction(writerContext(desk), input),
    'service:set-loyalty': async (input) => setLoyalty(writerContext(desk), input),
    'service:loyalty-distribution': async (q) => getLoyaltyDistribution(readerContext(desk), q),
  };
}
