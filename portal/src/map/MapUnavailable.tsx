/**
 * When a map cannot be shown (no tiles, no settings, or its code could not be loaded offline):
 * a notice that says what still works, and a boundary that puts the notice where the map was,
 * so the rest of the page never breaks with it. Part of the pages' chunks, not of the map's.
 */
import { Component, type ReactNode } from 'react';

export function MapUnavailable({ message }: { message: string }) {
  return (
    <p className="notice warn map-notice" role="status" data-testid="map-unavailable">
      {message}
    </p>
  );
}

export class MapBoundary extends Component<{ message: string; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    return this.state.failed ? <MapUnavailable message={this.props.message} /> : this.props.children;
  }
}
