// Collections desk (催收): promises to pay, collection records, dunning ladder and letters, calendar.
export * from './records';
export * from './reports';
export * from './settings';
export { importPromises } from './import-promises';
export { printDunningLetters, dunningMessage } from './letters';
export { collectionsKpisReport } from './kpis';
export * from './runs';
export { runSheetHtml, runSheetPdf } from './run-sheet';
export { applyDunningHold, dunningActions } from './dunning-actions';
export { filterCalendar } from './calendar-filter';
export { dunningPageReport } from './dunning-page';
export { calendarPageReport } from './calendar-page';
export { worklistPageReport } from './worklist-page';
