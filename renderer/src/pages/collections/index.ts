export { CalendarPage } from './CalendarPage';
export { WorklistPage } from './WorklistPage';
export { DunningPage } from './DunningPage';
export { CustomerCollectionsTab } from './CustomerCollectionsTab';
