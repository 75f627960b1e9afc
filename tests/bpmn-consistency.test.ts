/**
 * bpmn/field-report.bpmn against the workflow: the checker (bpmn/check-diagram.ts) finds nothing
 * to object to in the diagram as it is, and names the disagreement in deliberately altered copies
 * of it, so a diagram that drifts from the workflow fails here. bpmnlint's recommended rules hold.
 *
 * bpmn-moddle ships ES modules only: jest.config.js has SWC transform it (and the modules it and
 * bpmnlint load) to CommonJS, so it loads here like any other module.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import { Linter } from 'bpmnlint';
import NodeResolver from 'bpmnlint/lib/resolver/node-resolver';
import { DIAGRAM_ELEMENTS, DIAGRAM_FLOWS, FIELD_REPORT_BPMN } from '../api/services/get-case-diagram';
import { checkDiagram, type BpmnDefinitions, type BpmnElement } from '../bpmn/check-diagram';
import { HUMAN_STEPS } from '../domain/case-steps';
import { allowedOutcomes } from '../domain/task-outcomes';

const dir = path.join(__dirname, '..', 'bpmn');
const xml = readFileSync(path.join(dir, 'field-report.bpmn'), 'utf8');

async function parse(source: string): Promise<BpmnDefinitions> {
  const { rootElement, warnings } = await new BpmnModdle().fromXML(source);
  // An unresolved reference or unknown element would otherwise pass silently.
  expect(warnings.map((w) => w.message)).toEqual([]);
  return rootElement as BpmnDefinitions;
}

const problemsOf = async (source: string) => checkDiagram(await parse(source));

/** Removes a sequence flow: its element, the nodes' references to it and its drawing. */
function withoutFlow(source: string, id: string): string {
  return source
    .replace(new RegExp(`\\s*<bpmn:sequenceFlow id="${id}"[^>]*?(/>|>[\\s\\S]*?</bpmn:sequenceFlow>)`), '')
    .replace(new RegExp(`\\s*<bpmn:(incoming|outgoing)>${id}</bpmn:\\1>`, 'g'), '')
    .replace(new RegExp(`\\s*<bpmndi:BPMNEdge id="${id}_di"[\\s\\S]*?</bpmndi:BPMNEdge>`), '');
}

/** Removes a flow node: its element, its lane's reference and its drawing (not its flows). */
function withoutNode(source: string, type: string, id: string): string {
  return source
    .replace(new RegExp(`\\s*<bpmn:${type} id="${id}"[\\s\\S]*?</bpmn:${type}>`), '')
    .replace(new RegExp(`\\s*<bpmn:flowNodeRef>${id}</bpmn:flowNodeRef>`), '')
    .replace(new RegExp(`\\s*<bpmndi:BPMNShape id="${id}_di"[\\s\\S]*?</bpmndi:BPMNShape>`), '');
}

/** Renames an element everywhere it is referred to. */
function renamed(source: string, from: string, to: string): string {
  return source.replaceAll(`"${from}"`, `"${to}"`).replaceAll(`>${from}<`, `>${to}<`);
}

function withElement(source: string, element: string): string {
  return source.replace('</bpmn:process>', `${element}\n  </bpmn:process>`);
}

describe('the field-report diagram', () => {
  it('agrees with the workflow: steps, user tasks, outcomes, deadlines, messages and ends', async () => {
    expect(await problemsOf(xml)).toEqual([]);
  });

  it('passes bpmnlint (bpmn/.bpmnlintrc: the recommended rules, no exceptions), warnings included', async () => {
    const config = JSON.parse(readFileSync(path.join(dir, '.bpmnlintrc'), 'utf8')) as object;
    const linter = new Linter({ config, resolver: new NodeResolver() });
    const reports = await linter.lint(await parse(xml));
    const found = Object.entries(reports).flatMap(([rule, list]) =>
      list.map((r) => `${r.category} ${rule} ${r.id}: ${r.message}`),
    );
    expect(found).toEqual([]);
  });

  it('has every element and flow the case Diagram tab marks, and the API serves this file', async () => {
    const definitions = await parse(xml);
    const process = definitions.rootElements.find((e) => e.$type === 'bpmn:Process')!;
    const all = (e: BpmnElement): BpmnElement[] => (e.flowElements ?? []).flatMap((c) => [c, ...all(c)]);
    const ids = new Set(all(process).map((e) => e.id));
    expect(DIAGRAM_ELEMENTS.filter((id) => !ids.has(id))).toEqual([]);
    expect(DIAGRAM_FLOWS.filter((id) => !ids.has(id))).toEqual([]);
    const outcomeFlows = HUMAN_STEPS.flatMap((s) => allowedOutcomes(s).map((o) => `${s}_${o}`));
    expect(outcomeFlows.filter((id) => !ids.has(id))).toEqual([]);
    expect(readFileSync(FIELD_REPORT_BPMN, 'utf8')).toBe(xml);
  });

  describe('fails on a deliberately altered copy', () => {
    it('a renamed user task: not a step the workflow waits on, and the step lacks its task', async () => {
      expect(await problemsOf(renamed(xml, 'accept', 'acceptance'))).toEqual(
        expect.arrayContaining([
          'accept: the step has no element',
          'acceptance: a user task that is not a step the workflow waits on',
        ]),
      );
    });

    it('a human step drawn as an automatic one', async () => {
      const altered = xml.replace(/<bpmn:userTask id="approve"([\s\S]*?)<\/bpmn:userTask>/, (_, body: string) => {
        return `<bpmn:serviceTask id="approve"${body}</bpmn:serviceTask>`;
      });
      expect(await problemsOf(altered)).toEqual([
        'approve: drawn as bpmn:ServiceTask, the workflow makes it a bpmn:UserTask',
      ]);
    });

    it("a dropped outgoing flow: the step's outcome has no flow", async () => {
      expect(await problemsOf(withoutFlow(xml, 'verify_duplicate'))).toEqual([
        'verify: the outcome duplicate has no outgoing flow verify_duplicate',
      ]);
    });

    it('an outcome the step does not allow', async () => {
      expect(await problemsOf(renamed(xml, 'accept_return', 'accept_forward'))).toEqual([
        'accept: the outcome return has no outgoing flow accept_return',
        'accept_forward: leaves accept but is not one of its outcomes (accept, return)',
      ]);
    });

    it("a condition that tests another outcome than the flow's", async () => {
      const altered = xml.replace(
        /(<bpmn:sequenceFlow id="extension_deny"[\s\S]*?)outcome = &apos;deny&apos;/,
        '$1outcome = &apos;refuse&apos;',
      );
      expect(await problemsOf(altered)).toEqual(["extension_deny: its condition does not test the outcome 'deny'"]);
    });

    it('a timer on a step that is not a human step with an SLA policy', async () => {
      const altered = withElement(
        xml,
        `<bpmn:boundaryEvent id="receive_deadline" name="Đến hạn" cancelActivity="false" attachedToRef="receive">
          <bpmn:timerEventDefinition id="receive_deadline_timer">
            <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">sla(receive)</bpmn:timeDuration>
          </bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>`,
      );
      expect(await problemsOf(altered)).toEqual([
        'receive_deadline: a timer on receive, which is neither a human step with an SLA policy nor a timed wait',
      ]);
    });

    it('a deadline that would stop the step (interrupting), and a step without its deadline', async () => {
      const interrupting = xml.replace(/(<bpmn:boundaryEvent id="verify_deadline"[^>]*?) cancelActivity="false"/, '$1');
      expect(await problemsOf(interrupting)).toEqual([
        'verify_deadline: interrupts verify, but an overdue step never stops (non-interrupting)',
      ]);
      const missing = withoutNode(withoutFlow(xml, 'assign_deadline_overdue'), 'boundaryEvent', 'assign_deadline');
      expect(await problemsOf(missing)).toEqual(['assign: its SLA deadline has no timer']);
    });

    it('a message that is no Update of the workflow, and a final status without its end', async () => {
      expect(await problemsOf(xml.replace('name="supplyInfo"', 'name="answer"'))).toEqual([
        'answer: a message that is not a workflow Update',
        "supplyInfo: the reporter's Update is not in the diagram",
      ]);
      expect(await problemsOf(renamed(xml, 'duplicate', 'duplicated'))).toEqual([
        'duplicate: the final status has no end event',
      ]);
    });
  });
});
