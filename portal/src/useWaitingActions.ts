import { useEffect, useState } from 'react';
import { subscribe } from './device-store';
import { listActions, type ActionEntry } from './outbox-actions';

/** The reporter's actions on one case that still wait on this device, oldest first; live. */
export function useWaitingActions(trackingCode: string): ActionEntry[] {
  const [waiting, setWaiting] = useState<ActionEntry[]>([]);
  useEffect(() => {
    let live = true;
    const code = trackingCode.toUpperCase();
    const load = () =>
      listActions().then(
        (entries) =>
          live &&
          setWaiting(
            entries.filter((e) => e.trackingCode === code).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
          ),
        () => undefined,
      );
    void load();
    const unsubscribe = subscribe(() => void load());
    return () => {
      live = false;
      unsubscribe();
    };
  }, [trackingCode]);
  return waiting;
}
