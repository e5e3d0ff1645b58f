/** Placeholder: filled by the feature. */
export {};
