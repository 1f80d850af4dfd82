import { getTemplate, listTemplates, type TemplateJson } from '../api/reports';
import { useCurrentUser } from '../auth/SessionContext';
import { useApiQuery, type QueryState } from '../hooks/useApiQuery';

/**
 * The templates of the user's province for their unit's level or a level below it, each read in
 * full (its rows and narrative outline) once: a handful of files.
 */
export function useTemplateDetails(): QueryState<TemplateJson[]> {
  const user = useCurrentUser();
  return useApiQuery(
    async (signal) => {
      const summaries = await listTemplates(user.unit.id, signal);
      return Promise.all(summaries.map((t) => getTemplate(t.id, signal)));
    },
    [user.unit.id],
  );
}
