/**
 * bpmn-js and its styles, behind one dynamic import (`import('./bpmnViewer')`): only the Process
 * page and the case's Diagram tab load it, in a chunk of its own (vite.config.ts, group "bpmn"),
 * so the rest of the back office stays small.
 */
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import './diagram.css';

/** What the screens use of the viewer's services. */
export interface Canvas {
  zoom(level: 'fit-viewport'): number;
  addMarker(id: string, marker: string): void;
  removeMarker(id: string, marker: string): void;
}
export interface Overlays {
  add(
    id: string,
    overlay: { position: { top?: number; bottom?: number; left?: number; right?: number }; html: HTMLElement },
  ): string;
  clear(): void;
}
export interface DiagramElement {
  id: string;
  type: string;
  source?: DiagramElement;
  target?: DiagramElement;
  incoming?: DiagramElement[];
  outgoing?: DiagramElement[];
}
export interface ElementRegistry {
  getAll(): DiagramElement[];
  get(id: string): DiagramElement | undefined;
}
export interface EventBus {
  on(event: 'element.click', callback: (event: { element: DiagramElement }) => void): void;
}

export interface Diagram {
  canvas: Canvas;
  overlays: Overlays;
  registry: ElementRegistry;
  events: EventBus;
  destroy(): void;
}

/** A read-only viewer (pan and zoom) in `container`, showing `xml` fitted to the viewport. */
export async function showDiagram(container: HTMLElement, xml: string): Promise<Diagram> {
  const viewer = new NavigatedViewer({ container });
  await viewer.importXML(xml);
  const canvas = viewer.get<Canvas>('canvas');
  canvas.zoom('fit-viewport');
  return {
    canvas,
    overlays: viewer.get<Overlays>('overlays'),
    registry: viewer.get<ElementRegistry>('elementRegistry'),
    events: viewer.get<EventBus>('eventBus'),
    destroy: () => viewer.destroy(),
  };
}
