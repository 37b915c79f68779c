/** Models of different formats share nothing but the output folder; merging keeps both in input order. */
import type { EventModel, ModelType } from './types';

export function mergeModels(...models: readonly EventModel[]): EventModel {
  const types = new Map<string, ModelType>();
  for (const m of models) for (const [id, t] of m.types) if (!types.has(id)) types.set(id, t);
  return {
    files: models.flatMap((m) => m.files),
    types,
  };
}
