import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProfile } from '../../domain/index766/load-profile';
import type { Profile } from '../../domain/index766/profile';
import { invalidInput } from '../errors';

/** The shipped scoring profiles: `index-profiles/<id>.yaml` at the repository root. */
export const PROFILES_DIR = fileURLToPath(new URL('../../../index-profiles/', import.meta.url));

/** The profile used unless another is asked for: the six groups the national portal scores today. */
export const DEFAULT_PROFILE_ID = 'qd766-6-nhom';

function loadDir(dir: string, into: Map<string, Profile>, label: (name: string) => string): void {
  for (const name of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort()) {
    const profile = loadProfile(readFileSync(join(dir, name), 'utf8'), label(name));
    into.set(profile.id, profile);
  }
}

/**
 * The shipped profiles and a province's own (a folder named by CCHC_INDEX_PROFILES_DIR; a profile
 * there with a shipped id replaces it). A broken file stops loading with its file and line numbers.
 */
export function loadProfiles(extraDir = process.env.CCHC_INDEX_PROFILES_DIR): Map<string, Profile> {
  const profiles = new Map<string, Profile>();
  loadDir(PROFILES_DIR, profiles, (name) => `index-profiles/${basename(name)}`);
  if (extraDir && existsSync(extraDir)) loadDir(extraDir, profiles, (name) => join(extraDir, name));
  return profiles;
}

let cache: Map<string, Profile> | undefined;

export function profiles(): Map<string, Profile> {
  cache ??= loadProfiles();
  return cache;
}

/** The profile with this id, or the one in force on a day (the newest whose validity holds it). */
export function resolveProfile(id: string | undefined, on: string): Profile {
  const all = profiles();
  if (id) {
    const profile = all.get(id);
    if (!profile) throw invalidInput(`Không có bộ tiêu chí "${id}". Có: ${[...all.keys()].join(', ')}.`);
    return profile;
  }
  const inForce = [...all.values()]
    .filter((p) => p.valid_from <= on && (!p.valid_to || p.valid_to >= on))
    .sort((a, b) => b.valid_from.localeCompare(a.valid_from));
  return inForce[0] ?? all.get(DEFAULT_PROFILE_ID) ?? [...all.values()][0]!;
}
