// Complaints and claims service (客户投诉与索赔, SPEC §8).
export {
  createComplaint,
  updateComplaint,
  moveComplaint,
  getComplaint,
  listComplaints,
  complaintByCreditNote,
} from './records';
export { confirmClaim, voidClaim } from './claims';
export { loadReplyDays, saveReplyDays } from './settings';
export { complaintsForCard } from './card';
