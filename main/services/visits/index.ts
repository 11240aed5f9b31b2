// Visit plans (客户访问计划, SPEC §3): settings, monthly generation, done / missed tracking.
export { getVisitPlan, updateVisitPlan, loadVisitPlan } from './settings';
export { generateVisits, generateVisitsIfNewMonth, generateVisitsOnOpen, planVisits, latestVisitPlanRun } from './plan';
export { visitList, markVisitDone, undoVisitDone, addVisit } from './records';
