import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { isNearMiss } from '../../../knowledge/projects';
import type { Project } from '../../../knowledge/types';
import type { LinkRef } from '../../../parse/model';
import { replaceSpan } from '../fixes';
import type { Fix, Rule } from '../rule';
import type { DocumentContext } from '../../../documentContext';

/**
 * Links to GitHub project boards (`github.com/orgs/<org>/projects/<n>`): the text must name
 * that board (its current name or an earlier one), not another board, not a misspelling,
 * and the board must be known.
 */
export const projectLinkRule: Rule = {
  code: 'project-link',
  defaultSeverity: DiagnosticSeverity.Warning,
  description: 'A project board link whose text names another project, misspells the project, or points to an unknown board.',
  appliesTo: ['minutes', 'index'],
  checkLines(context, report) {
    const { knowledge } = context;
    for (const link of context.model.links) {
      if (!link.project) continue;
      const text = link.text.trim();
      const project = knowledge.findProject(link.project.org, link.project.number);
      // The common case first: the link names its own board.
      if (project && (project.name === text || project.formerNames.includes(text))) continue;
      const org = link.project.org.toLowerCase();
      const elsewhere = knowledge.projects.find((p) => p.org.toLowerCase() === org && p.number !== link.project!.number && namesOf(p).includes(text));
      if (elsewhere) {
        report({
          start: link.textSpan.start,
          end: link.textSpan.end,
          message: `"${text}" is project ${elsewhere.number}, but the link goes to project ${link.project.number}${project ? ` (${project.name})` : ''}.`,
          fixes: [
            numberFix(context, link, elsewhere.number, !project),
            ...(project ? [replaceSpan(context, `Change the text to "${project.name}"`, link.textSpan, project.name, false)] : []),
          ],
        });
        continue;
      }
      if (!project) {
        report({
          start: link.targetSpan.start,
          end: link.targetSpan.end,
          message: `Project ${link.project.number} of ${link.project.org} is not known to Minutes (not in the built-in list, the minutes or .minutes.json).`,
        });
        continue;
      }
      const near = namesOf(project).find((name) => isNearMiss(text, name));
      if (near) {
        report({
          start: link.textSpan.start,
          end: link.textSpan.end,
          message: `"${text}" looks like a misspelling of project ${project.number}, "${near}".`,
          fixes: [replaceSpan(context, `Change the text to "${near}"`, link.textSpan, near)],
        });
      }
    }
  },
};

function namesOf(project: Project): string[] {
  return [project.name, ...project.formerNames];
}

function numberFix(context: DocumentContext, link: LinkRef, number: number, preferred: boolean): Fix {
  const target = link.target.replace(/\/projects\/\d+/, `/projects/${number}`);
  return replaceSpan(context, `Link to project ${number} instead`, link.targetSpan, target, preferred);
}
