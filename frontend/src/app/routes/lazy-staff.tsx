// Verifier and development pages, loaded on demand.
export { ActivateCardPage } from '../../features/verifier/components/ActivateCardPage';
export { OutboxPage } from '../../features/dev-outbox/components/OutboxPage';
export { RecordCheckPage } from '../../features/verifier/components/RecordCheckPage';
export { RecordedPage } from '../../features/verifier/components/RecordedPage';
export {
  FindRecordPage,
  VerificationRecordPage,
} from '../../features/verifier/components/VerificationRecordPage';
export { ResetPhonePage } from '../../features/verifier/components/ResetPhonePage';
