/** The one troika-three-text export we call (its package ships no types). */
declare module 'troika-three-text' {
  export function configureTextBuilder(config: { useWorker?: boolean; sdfGlyphSize?: number }): void
}
