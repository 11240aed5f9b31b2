// antd's style cache, filled ahead with what the build worked out for the app's theme
// (renderer/build/antd-static-styles.ts): the theme's derived tokens and each component's CSS
// variables. antd then neither derives the theme nor computes, serialises and hashes a component's
// variables at start (a good part of its set-up on the first screen); it still adds their <style>
// tags, from the cached text. Each entry is held once from here, so a component's variables stay
// when its last instance unmounts (a spinner going away) instead of being removed and added again.
import { createCache } from '@ant-design/cssinjs';
import entries from 'virtual:antd-static-cache';
import { fillStyleCache } from './style-cache-fill';

export const prebuiltStyleCache = () => fillStyleCache(createCache(), entries);
