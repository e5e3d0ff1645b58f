/**
 * Which forms hold unsaved input right now. The update banner reads it so a
 * new version never reloads the page over half-typed attendance, and the
 * browser is asked to confirm before the tab closes.
 */
import { useCallback } from 'react';
import { create } from 'zustand';

interface UnsavedState {
  forms: Record<string, true>;
  setDirty(form: string, dirty: boolean): void;
}

export const useUnsavedStore = create<UnsavedState>()((set) => ({
  forms: {},
  setDirty(form, dirty) {
    set((state) => {
      if (dirty === Boolean(state.forms[form])) return state;
      const forms = { ...state.forms };
      if (dirty) forms[form] = true;
      else delete forms[form];
      return { forms };
    });
  },
}));

export function hasUnsavedChanges(): boolean {
  return Object.keys(useUnsavedStore.getState().forms).length > 0;
}

export function useHasUnsavedChanges(): boolean {
  return useUnsavedStore((state) => Object.keys(state.forms).length > 0);
}

/** A callback for a form's `onDirtyChange` prop, registered under `form`. */
export function useDirtyReporter(form: string): (dirty: boolean) => void {
  const setDirty = useUnsavedStore((state) => state.setDirty);
  return useCallback((dirty: boolean) => setDirty(form, dirty), [form, setDirty]);
}

if (typeof window !== 'undefined') {
  window.addEventListener('beforeunload', (event) => {
    if (hasUnsavedChanges()) event.preventDefault();
  });
}
