/** The sidebar's entry point (bundled into `dist/sidebar.html` by `scripts/build-sidebar.ts`). */
import { App } from './app';
import { callServer } from './server';

const root = document.getElementById('app');
if (root) void new App(root, callServer).start();
