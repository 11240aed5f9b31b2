// Modules made by the build (renderer/build/antd-static-styles.ts).
declare module 'virtual:antd-static-cache' {
  /** cssinjs cache entries: [cache key, value] */
  const entries: [string, unknown][];
  export default entries;
}
