import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { getSetupStatus } from '../../data/use-account';

/**
 * Sends sign-in and first-run setup to each other: to `to` when the server
 * says it `needsSetup` is `when`. Offline (no answer) the page stays as it is.
 */
export function useSetupRedirect(when: boolean, to: string): void {
  const navigate = useNavigate();
  useEffect(() => {
    let active = true;
    getSetupStatus().then(
      (status) => {
        if (active && status.needsSetup === when) void navigate(to, { replace: true });
      },
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, [navigate, when, to]);
}
