// The problems the server found in the content, each with its file and line. In the editor
// (content-file-page.tsx) a problem in the file being edited is a button that puts the cursor on
// its line; one in another file names that file.
import type { ContentProblem } from '../../api/console-content';

interface ProblemListProps {
  problems: ContentProblem[];
  /** The file being edited: its problems say "Line 5" and can be jumped to. */
  file?: string;
  onLine?: (line: number) => void;
}

export function problemPlace(problem: ContentProblem, file?: string): string {
  const line = problem.line === null ? '' : `line ${problem.line}`;
  if (problem.file === file) return line ? `Line ${problem.line}` : 'The whole file';
  return line ? `${problem.file}, ${line}` : problem.file;
}

export function ProblemList({ problems, file, onLine }: ProblemListProps) {
  return (
    <ul class="form-summary-list content-problems">
      {problems.map((problem, i) => {
        const place = problemPlace(problem, file);
        const line = problem.line;
        return (
          <li key={i}>
            {onLine && problem.file === file && line !== null ? (
              <button type="button" class="link-button" onClick={() => onLine(line)}>
                {place}: {problem.message}
              </button>
            ) : (
              <>
                {place}: {problem.message}
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
