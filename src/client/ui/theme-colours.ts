/**
 * One colour per thematic area, for notes on maps and chips in lists. Picked
 * to stay distinct on a sunlit screen and against the plain map's grey units;
 * always shown with the area's name, never as the only cue.
 */
import type { ThematicArea } from '../../domain';

export const THEME_COLOURS: Record<ThematicArea, string> = {
  participation: '#6a3d9a',
  economy: '#b15928',
  culture: '#e31a1c',
  safety: '#1f1f1f',
  environment: '#33a02c',
  public_space: '#ff7f00',
  water: '#1f78b4',
  health: '#d6336c',
  gender: '#8e44ad',
  sports: '#0b7a75',
  mobility: '#4d4d00',
  education: '#005f99',
};
