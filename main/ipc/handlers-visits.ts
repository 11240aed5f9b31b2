// Handlers for the visit plan and evaluation sheet channels (shared/ipc/visits.ts). Reads need
// an open book; settings, planning, done marks and saved sheets need a chosen operator (audited).
import type { visitsChannels } from '../../shared/ipc/visits';
import type { Desk } from '../app/desk';
import {
  evaluationDraft,
  evaluationHistory,
  evaluationPdf,
  evaluationPrintHtml,
  saveEvaluation,
} from '../services/evaluation';
import {
  addVisit,
  generateVisits,
  getVisitPlan,
  latestVisitPlanRun,
  markVisitDone,
  undoVisitDone,
  updateVisitPlan,
  visitList,
} from '../services/visits';
import type { Handler } from './handlers';
import { readerContext, writerContext } from './session';

type VisitsChannel = keyof typeof visitsChannels;

export function visitsHandlers(desk: Desk): { [C in VisitsChannel]: Handler<C> } {
  const reader = () => readerContext(desk);
  const writer = () => writerContext(desk);
  return {
    'visits:plan-settings': async () => getVisitPlan(reader()),
    'visits:update-plan-settings': async (patch) => updateVisitPlan(writer(), patch),
    'visits:generate': async ({ month }) => generateVisits(writer(), { month }),
    'visits:latest-run': async ({ month }) => latestVisitPlanRun(reader(), month),
    'visits:list': async (q) => visitList(reader(), q),
    'visits:mark-done': async (input) => markVisitDone(writer(), input),
    'visits:undo-done': async (input) => undoVisitDone(writer(), input),
    'visits:add': async (input) => addVisit(writer(), input),
    'evaluation:draft': async (q) => evaluationDraft(reader(), q),
    'evaluation:save': async (input) =>
      saveEvaluation(writer(), {
        ...input,
        rows: input.rows.map((r) => ({
          key: r.key,
          comment: r.comment ?? null,
          problem: r.problem ?? null,
          improvement: r.improvement ?? null,
        })),
        summary: input.summary ?? null,
      }),
    'evaluation:history': async (q) => evaluationHistory(reader(), q),
    'evaluation:html': async (q) => evaluationPrintHtml(q.confirmed ? writer() : reader(), { ...q, fonts: 'app' }),
    'evaluation:pdf': async (q) => {
      const ctx = q.confirmed ? writer() : reader();
      return desk.statements.withRenderer((r) => evaluationPdf(ctx, r, q));
    },
  };
}
