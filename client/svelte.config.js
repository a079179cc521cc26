// Svelte's defaults suit us: TypeScript in components needs no preprocessor in Svelte 5.
export default {};
