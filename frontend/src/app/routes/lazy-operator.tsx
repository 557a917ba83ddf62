// The operator console (partner clients, outbox), loaded on demand: nobody else downloads it.
export { EditPartnerClientPage } from '../../features/operator/components/EditPartnerClientPage';
export { NewPartnerClientPage } from '../../features/operator/components/NewPartnerClientPage';
export { OperatorOutboxPage } from '../../features/operator/components/OperatorOutboxPage';
export { PartnerClientsPage } from '../../features/operator/components/PartnerClientsPage';
export { RotateSecretsPage } from '../../features/operator/components/RotateSecretsPage';
