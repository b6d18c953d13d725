export type * from "./types.js";
export * from "./countries.js";
export * from "./organisations.js";
export * from "./groups.js";
export * from "./people.js";
