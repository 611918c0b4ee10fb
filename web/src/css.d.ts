// Component CSS is imported as text (build.mjs: loader ".css": "text").
declare module "*.css" {
  const css: string;
  export default css;
}
