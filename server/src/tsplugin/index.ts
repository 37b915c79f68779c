/**
 * Entry point tsserver `require`s: a plugin module factory. tsserver passes its own `typescript`
 * module, so this bundle carries none.
 */
import { createPlugin } from './plugin';

export = createPlugin;
