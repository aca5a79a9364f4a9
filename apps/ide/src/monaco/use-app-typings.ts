import { useEffect } from 'react';
import { useApprovalStore } from '../approvals/approval-data';
import { buildApprovalTypings } from '../approvals/approval-typings';
import { useAppStore } from '../stores/app-store';
import { buildAppTypings } from './app-typings';
import { setAppTypings } from './setup';

/** Keeps Monaco's `app` and payload typings in step with the application's models and services. */
export function useAppTypings(): void {
  const models = useAppStore((s) => s.models);
  const services = useAppStore((s) => s.services);
  const flows = useApprovalStore((s) => s.flows);
  useEffect(
    () => setAppTypings(buildAppTypings(models, services) + buildApprovalTypings(flows)),
    [models, services, flows],
  );
}
