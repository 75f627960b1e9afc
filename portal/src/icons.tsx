/**
 * The few Material Symbols the portal's own screens use (the bottom navigation, buttons), drawn
 * inline: no emoji font (many phones and Debian's Chromium have none), no icon font, and no
 * request before the first screen shows. Each is the `d` of the symbol's file (outlined, 400),
 * taken at build time, drawn in the text's colour. Categories' icons are administrators' data and
 * come from the API instead (CategoryIcon in ./common.tsx).
 */
import addCircle from '@material-symbols/svg-400/outlined/add_circle.svg?raw';
import barChart from '@material-symbols/svg-400/outlined/bar_chart.svg?raw';
import call from '@material-symbols/svg-400/outlined/call.svg?raw';
import category from '@material-symbols/svg-400/outlined/category.svg?raw';
import close from '@material-symbols/svg-400/outlined/close.svg?raw';
import factCheck from '@material-symbols/svg-400/outlined/fact_check.svg?raw';
import help from '@material-symbols/svg-400/outlined/help.svg?raw';
import home from '@material-symbols/svg-400/outlined/home.svg?raw';
import locationOn from '@material-symbols/svg-400/outlined/location_on.svg?raw';
import movie from '@material-symbols/svg-400/outlined/movie.svg?raw';
import notifications from '@material-symbols/svg-400/outlined/notifications.svg?raw';
import myLocation from '@material-symbols/svg-400/outlined/my_location.svg?raw';
import photoCamera from '@material-symbols/svg-400/outlined/photo_camera.svg?raw';
import photoLibrary from '@material-symbols/svg-400/outlined/photo_library.svg?raw';

/** The symbol's outline: every Material Symbols file is one <path> in a 960-unit box. */
function outline(svg: string): string {
  const d = /\sd="([^"]+)"/.exec(svg)?.[1];
  if (!d) throw new Error('A Material Symbols file without a path');
  return d;
}

const OUTLINES = {
  add_circle: outline(addCircle),
  bar_chart: outline(barChart),
  call: outline(call),
  category: outline(category),
  close: outline(close),
  fact_check: outline(factCheck),
  help: outline(help),
  home: outline(home),
  location_on: outline(locationOn),
  movie: outline(movie),
  my_location: outline(myLocation),
  notifications: outline(notifications),
  photo_camera: outline(photoCamera),
  photo_library: outline(photoLibrary),
};

export type IconName = keyof typeof OUTLINES;

/** Decorative: the text beside it (or the control's label) says what it means. */
export function Icon({ name, size = 24, className = 'icon' }: { name: IconName; size?: number; className?: string }) {
  return (
    <svg
      className={className}
      aria-hidden="true"
      focusable="false"
      viewBox="0 -960 960 960"
      width={size}
      height={size}
      fill="currentColor"
    >
      <path d={OUTLINES[name]} />
    </svg>
  );
}
