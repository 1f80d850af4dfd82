import { getTemplate, listTemplates, type TemplateJson } from '../api/reports';
import { useApiQuery, type QueryState } from '../hooks/useApiQuery';

/**
 * Every template with its levels and periods. The list answer has no levels, so each template is
 * read once (a handful of files).
 */
export function useTemplateDetails(): QueryState<TemplateJson[]> {
  return useApiQuery(async (signal) => {
    const summaries = await listTemplates(signal);
    return Promise.all(summaries.map((t) => getTemplate(t.id, signal)));
  }, []);
}
