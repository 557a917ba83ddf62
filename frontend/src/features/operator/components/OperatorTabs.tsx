// The console's tabs are shared with the companies, staff and audit log pages (features/operator-companies).
export { OperatorTabs } from '../../../components/ui/OperatorTabs';
