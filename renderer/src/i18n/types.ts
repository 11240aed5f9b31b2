import type { zhCN } from './zh-CN';

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

/** The message catalogue shape: every language has exactly the keys of zh-CN. */
export type Messages = DeepStrings<typeof zhCN>;

export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];
