/** The tour note form's shape and schema (every rule from the domain's tourNoteSchema), and its mapping to the note. */
import { z } from 'zod';
import { geoPointSchema, tourNoteSchema, type Severity, type ThematicArea } from '../../../domain';
import type { TourNoteInput, TourNoteView } from '../../data/use-tour-notes';

export const MAX_NOTE_PHOTOS = 10;

export const tourNoteFormSchema = tourNoteSchema
  .pick({ theme: true, severity: true, description: true })
  .extend({
    location: geoPointSchema.nullable(),
    accuracy: z.number().min(0).max(100_000).nullable(),
    locationSource: z.enum(['gps', 'map', 'none']),
    photos: tourNoteSchema.shape.photos.unwrap().max(MAX_NOTE_PHOTOS),
  });

export type TourNoteFormValues = z.input<typeof tourNoteFormSchema>;
export type TourNoteFormOutput = z.output<typeof tourNoteFormSchema>;

export function emptyTourNoteValues(): TourNoteFormValues {
  return {
    theme: '' as ThematicArea,
    severity: '' as Severity,
    description: '',
    location: null,
    accuracy: null,
    locationSource: 'none',
    photos: [],
  };
}

export function tourNoteToFormValues(note: TourNoteView): TourNoteFormValues {
  return {
    theme: note.theme,
    severity: note.severity,
    description: note.description,
    location: note.location ?? null,
    accuracy: note.accuracy ?? null,
    locationSource: note.locationSource ?? (note.location ? 'map' : 'none'),
    photos: [...(note.photos ?? [])],
  };
}

/** The validated form as note fields: a position only with its source, an accuracy only from GPS. */
export function formToTourNote(values: TourNoteFormOutput): TourNoteInput {
  const location = values.locationSource === 'none' ? null : values.location;
  return {
    theme: values.theme,
    severity: values.severity,
    description: values.description,
    location,
    accuracy: location && values.locationSource === 'gps' ? values.accuracy : null,
    locationSource: location ? values.locationSource : 'none',
    photos: values.photos,
  };
}
