import type { Context } from '../../context.js';
import { venueFor } from '../../settings/values.js';
import { parseVenue } from './fields.js';
import { askVenue } from './prompts.js';

export interface ChosenVenue {
  location: string | null;
  address: string | null;
  onlineUrl: string | null;
  /** The settings it came from (`venue.75A`, `address.75A`), for the confirmation. */
  fromSettings: string[];
}

/**
 * The venue of a new meeting: the flags; when neither --location nor --online is given, the
 * sector's `venue.<sector>` and `address.<sector>` settings (a given --address still wins);
 * on a terminal, asked, with the setting offered as the answer.
 */
export async function chooseVenue(
  ctx: Context,
  sector: string,
  options: { location?: string; address?: string; online?: string },
  asking: boolean,
): Promise<ChosenVenue> {
  if (options.location !== undefined || options.online !== undefined)
    return { ...parseVenue(options), fromSettings: [] };
  const defaults = venueFor(ctx.settings, sector);
  const location = asking ? (await askVenue(ctx, defaults.location)).trim() || null : defaults.location;
  // Another place than the default one: the default's address is not its address.
  const isDefault = location === defaults.location;
  const address = options.address ?? (isDefault ? defaults.address : null) ?? undefined;
  const fromSettings = [
    ...(isDefault && location !== null ? [`venue.${sector}`] : []),
    ...(isDefault && options.address === undefined && defaults.address !== null ? [`address.${sector}`] : []),
  ];
  return { ...parseVenue({ location: location ?? undefined, address }), fromSettings };
}
