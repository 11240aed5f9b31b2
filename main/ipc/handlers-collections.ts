// Handlers for the collections channels (shared/ipc/collections.ts). Inputs arrive zod-parsed.
// Writes (promises, records, ladder, settings, letters) need a chosen operator.
import path from 'node:path';
import type { collectionsChannels, LetterJob } from '../../shared/ipc/collections';
import type { LadderStepOut } from '../../shared/types-collections';
import type { Desk } from '../app/desk';
import * as col from '../services/collections';
import { calendarIcs } from '../reports/calendar/ics';
import type { Handler } from './handlers';
import { withImportFile } from './import-file';
import { readerContext, writerContext } from './session';

type CollectionsChannel = keyof typeof collectionsChannels;

const jobs = new WeakMap<Desk, { job: LetterJob; cancel: boolean }>();

export function collectionsHandlers(desk: Desk): { [C in CollectionsChannel]: Handler<C> } {
  const reader = () => readerContext(desk);
  const writer = () => writerContext(desk);
  return {
    'collections:promises': async (q) => col.promiseReport(reader(), q),
    'collections:promise-create': async (input) => col.createPromise(writer(), input),
    'collections:promises-import': async (input) => {
      const w = writer();
      return withImportFile(input, (fileName, source) => col.importPromises(w, fileName, source));
    },
    'collections:record-create': async (input) => col.createCollectionRecord(writer(), input),
    'collections:customer': async (q) => col.customerCollections(reader(), q),
    'collections:dunning': async (q) => col.dunningReport(reader(), q),
    'collections:dunning-page': async (q) => col.dunningPageReport(reader(), q),
    'collections:calendar': async (q) => col.filterCalendar(reader(), await col.collectionCalendar(reader(), q), q),
    'collections:calendar-page': async (q) => col.calendarPageReport(reader(), q),
    'collections:calendar-ics': async (q) => {
      const rep = await col.filterCalendar(reader(), await col.collectionCalendar(reader(), q), q);
      return { fileName: `催收日历-${q.from}-${q.to}.ics`, text: calendarIcs(rep, { lang: q.lang ?? 'zh-CN' }) };
    },
    'collections:worklist': async (q) => col.todayWorklist(reader(), q),
    'collections:worklist-page': async (q) => col.worklistPageReport(reader(), q),
    'collections:kpis': async (q) => col.collectionsKpisReport(reader(), q),
    'collections:ladder': async () => col.getLadder(reader()),
    'collections:ladder-update': async (q) => col.updateLadder(writer(), q.steps as LadderStepOut[]),
    'collections:settings': async () => col.getCollectionsSettings(reader()),
    'collections:settings-update': async (q) => col.updateCollectionsSettings(writer(), q),
    'collections:message': async (q) => col.dunningMessage(reader(), q),
    'collections:letters-start': async (q) => {
      const ctx = writer();
      const running = jobs.get(desk);
      if (running?.job.state === 'running') return running.job;
      const dir = q.dir ?? path.join(desk.userDataDir, 'letters', `${q.asOf}-L${q.level}-${Date.now()}`);
      const entry = {
        job: {
          state: 'running',
          asOf: q.asOf,
          level: q.level,
          total: 0,
          produced: 0,
          dir,
          files: [],
          error: null,
        } as LetterJob,
        cancel: false,
      };
      jobs.set(desk, entry);
      const rows = (await col.dunningReport(ctx, { asOf: q.asOf })).rows;
      entry.job.total = rows.filter(
        (r) => r.level === q.level && !r.paused && (!q.customerIds || q.customerIds.includes(r.customerId)),
      ).length;
      void col
        .printDunningLetters(ctx, {
          ...q,
          dir,
          rows,
          // the app's printer (Electron's printToPDF in the desktop shell), not a separate Chromium
          renderer: desk.statements.factory,
          onProgress: (done) => (entry.job.produced = done),
          isCancelled: () => entry.cancel,
        })
        .then((out) => {
          entry.job.files = out.files;
          entry.job.state = out.cancelled ? 'cancelled' : 'done';
        })
        .catch((e: Error) => {
          entry.job.state = 'failed';
          entry.job.error = e.message;
        });
      return entry.job;
    },
    'collections:letters-progress': async () => jobs.get(desk)?.job ?? null,
    'collections:letters-cancel': async () => {
      const e = jobs.get(desk);
      if (e) e.cancel = true;
      return e?.job ?? null;
    },
  };
}
