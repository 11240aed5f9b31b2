export { CalendarPage } from './CalendarPage';
export { WorklistPage } from './WorklistPage';
export { DunningPage } from './DunningPage';
export { CustomerCollectionsTab } from './CustomerCollectionsTab';
export { RunsPage } from './RunsPage';
export { RunPage } from './RunPage';
export { PromisesPage } from './PromisesPage';
