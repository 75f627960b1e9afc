/**
 * The regulation's diagram in a container: loads bpmn-js on first use (its own chunk), imports the
 * XML, fits it, and destroys the viewer when the screen goes. Markers and overlays are the
 * caller's, by element id (= step id).
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Diagram } from './bpmnViewer';

export function useDiagram(xml: string | undefined): {
  container: RefObject<HTMLDivElement | null>;
  diagram: Diagram | undefined;
  error: unknown;
} {
  const container = useRef<HTMLDivElement | null>(null);
  const [diagram, setDiagram] = useState<Diagram>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    const element = container.current;
    if (!xml || !element) return;
    let gone = false;
    let shown: Diagram | undefined;
    import('./bpmnViewer')
      .then(({ showDiagram }) => showDiagram(element, xml))
      .then(
        (d) => {
          if (gone) return d.destroy();
          shown = d;
          setDiagram(d);
        },
        (e: unknown) => !gone && setError(e),
      );
    return () => {
      gone = true;
      shown?.destroy();
      setDiagram(undefined);
    };
  }, [xml]);
  return { container, diagram, error };
}

/** A small label element for an overlay. */
export function overlayLabel(text: string, className: string, testId: string): HTMLElement {
  const label = document.createElement('div');
  label.className = `diagram-overlay ${className}`;
  label.textContent = text;
  label.dataset.testid = testId;
  return label;
}
