// The operator console (partner clients, outbox), loaded on demand: nobody else downloads it.
export { EditPartnerClientPage } from '../../features/operator/components/EditPartnerClientPage';
export { NewPartnerClientPage } from '../../features/operator/components/NewPartnerClientPage';
export { OperatorOutboxPage } from '../../features/operator/components/OperatorOutboxPage';
export { PartnerClientsPage } from '../../features/operator/components/PartnerClientsPage';
export { RotateSecretsPage } from '../../features/operator/components/RotateSecretsPage';
// Companies with their administrators, staff and the audit log (features/operator-companies).
export { AuditLogPage } from '../../features/operator-companies/components/AuditLogPage';
export { CompaniesPage } from '../../features/operator-companies/components/CompaniesPage';
export { NewCompanyPage } from '../../features/operator-companies/components/NewCompanyPage';
export { StaffPage } from '../../features/operator-companies/components/StaffPage';
export { OperatorCompanyRoute } from './company-admins';
