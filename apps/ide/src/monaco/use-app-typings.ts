import { useEffect } from 'react';
import { useAppStore } from '../stores/app-store';
import { buildAppTypings } from './app-typings';
import { setAppTypings } from './setup';

/** Keeps Monaco's `app` and payload typings in step with the application's models and services. */
export function useAppTypings(): void {
  const models = useAppStore((s) => s.models);
  const services = useAppStore((s) => s.services);
  useEffect(() => setAppTypings(buildAppTypings(models, services)), [models, services]);
}
