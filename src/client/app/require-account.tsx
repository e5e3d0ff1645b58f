import { useEffect, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useAccount } from '../data/use-account';
import { requestPersistentStorage } from '../data/use-storage';
import { Loading } from '../ui/status-views';
import { resumeSyncAfterSignIn, startSync } from './use-sync';

/**
 * Lets signed-in users through and starts background sync for them; sends
 * anyone else to /login (which forwards a never-set-up server to /setup).
 * The account is read from the device, so this works offline. Signing in
 * again (new token) resumes a sync that stopped on a refused session.
 */
export function RequireAccount({ children }: { children: ReactNode }) {
  const account = useAccount();
  const location = useLocation();
  const userId = account?.user.id;
  const token = account?.token;
  useEffect(() => {
    if (!userId) return;
    startSync();
    // Asked once per device (the answer is remembered): keeps unsynced data safe from eviction.
    void requestPersistentStorage();
  }, [userId]);
  // A new token (signed in again after a revoked or expired session): send what waited.
  useEffect(() => {
    if (token) resumeSyncAfterSignIn();
  }, [token]);
  if (account === undefined) return <Loading />;
  if (account === null) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return children;
}
