// Compiles messages/*.json into src/lib/paraglide with the build's options (for svelte-check
// and tests on a fresh clone, before any Vite run has generated them), then checks them.
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from '../paraglide.config.js';

await compile(paraglideOptions);
