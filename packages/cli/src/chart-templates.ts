import { access } from 'node:fs/promises';
import path from 'node:path';
import { chartDirectoryCandidates } from '@ocp-image/validator/helm-chart';

/**
 * Whether a file lies below the `templates/` directory of a Helm chart (a directory with
 * `Chart.yaml`). Such files are Go templates, checked by validating `helm template`'s output.
 * Remembers each directory's answer: a walk asks about many files of the same chart.
 */
export function createChartTemplateTest(): (absolutePath: string) => Promise<boolean> {
  const charts = new Map<string, Promise<boolean>>();
  const isChart = (directory: string) => {
    let answer = charts.get(directory);
    if (!answer) {
      answer = access(path.join(directory, 'Chart.yaml')).then(
        () => true,
        () => false,
      );
      charts.set(directory, answer);
    }
    return answer;
  };
  return async (absolutePath) => {
    for (const directory of chartDirectoryCandidates(absolutePath)) {
      if (await isChart(directory)) return true;
    }
    return false;
  };
}

/** The one line a run prints about the templates it skipped, or undefined when it skipped none. */
export function skippedTemplatesNotice(count: number): string | undefined {
  if (count === 0) return undefined;
  const files = count === 1 ? '1 file that is a template' : `${count} files that are templates`;
  return (
    `ocp-image: skipped ${files} for another tool (below a Helm chart's templates/, or with {{ }} actions that are not YAML); ` +
    'validate the rendered output instead: helm template <chart> | ocp-image validate -'
  );
}
