/**
 * What a locked device shows for each lock `reason` (data/use-screen-lock.ts):
 * only the part of a screen meant for residents. A screen handed to residents
 * later (a survey) adds its view here and calls `lockScreen` with its reason.
 * Each view is its own chunk, precached like every screen.
 */
import { lazy, type ComponentType } from 'react';

export interface LockedViewProps {
  /** The lock's `returnTo`: the app path the view belongs to. */
  path: string;
}

const LockedBallot = lazy(async () => ({
  default: (await import('../features/prioritisation/locked-ballot')).LockedBallot,
}));

export const LOCKED_VIEWS: Partial<Record<string, ComponentType<LockedViewProps>>> = {
  ballot: LockedBallot,
};
