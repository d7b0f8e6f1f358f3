// The cities' Chinese names (地级市), from the suite's divisions API (ReferenceService, GB/T 2260): the other
// services send codes, officials read names, and the page carries no copy of the list. Until the names arrive, or
// when the call fails, a city shows as its code.
import type { Api } from "./api.js";
import { DivisionLevel } from "./gen/industry/reference/v1/division_pb.js";

const names = new Map<string, string>();

/** Fills the names once; never fails (a section with codes is better than no section). */
export async function loadCityNames(api: Api): Promise<void> {
  if (names.size > 0) {
    return;
  }
  try {
    const answer = await api.reference.listDivisions({ level: DivisionLevel.CITY, pageSize: 100 });
    for (const division of answer.divisions) {
      names.set(division.code, division.displayName);
    }
  } catch {
    // Codes stand in for names.
  }
}

export function cityName(code: string): string {
  return names.get(code) ?? code;
}
