// Handlers for the first-start channels (shared/ipc/welcome.ts).
import type { welcomeChannels } from '../../shared/ipc/welcome';
import type { Desk } from '../app/desk';
import { openDemoBook } from '../app/demo-book';
import { setUpCompanyBook } from '../services/welcome';
import type { Handler } from './handlers';
import { writerContext } from './session';

type WelcomeChannel = keyof typeof welcomeChannels;

export function welcomeHandlers(desk: Desk): { [C in WelcomeChannel]: Handler<C> } {
  return {
    'welcome:set-up': async (input) => {
      await setUpCompanyBook(writerContext(desk), input);
      return desk.info();
    },
    'welcome:open-demo': async () => {
      writerContext(desk);
      await openDemoBook(desk);
      return desk.info();
    },
  };
}
