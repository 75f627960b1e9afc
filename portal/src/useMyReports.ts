import { useEffect, useState } from 'react';
import { listOutbox, listReports, subscribe, type OutboxEntry, type SavedReport } from './outbox';

/** "My reports" on this device: those sent, and those still in the outbox; live. */
export function useMyReports(): { sent: SavedReport[]; waiting: OutboxEntry[]; ready: boolean } {
  const [state, setState] = useState<{ sent: SavedReport[]; waiting: OutboxEntry[]; ready: boolean }>({
    sent: [],
    waiting: [],
    ready: false,
  });
  useEffect(() => {
    let live = true;
    const load = () =>
      Promise.all([listReports(), listOutbox()]).then(
        ([sent, waiting]) => live && setState({ sent, waiting, ready: true }),
        () => live && setState((s) => ({ ...s, ready: true })),
      );
    void load();
    const unsubscribe = subscribe(() => void load());
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);
  return state;
}
