/** One colour per stage of the method, light to dark so the order reads at a glance (and in greyscale). */
import { PROCESS_STAGES, type ProcessStage } from '../../../domain';

const COLOURS = [
  '#fde68a',
  '#fcd34d',
  '#fbbf24',
  '#f59e0b',
  '#34d399',
  '#10b981',
  '#0ea5e9',
  '#3b82f6',
  '#6366f1',
  '#4c1d95',
] as const;

export const STAGE_COLOURS: Record<ProcessStage, string> = Object.fromEntries(
  PROCESS_STAGES.map((stage, i) => [stage, COLOURS[i]!]),
) as Record<ProcessStage, string>;
