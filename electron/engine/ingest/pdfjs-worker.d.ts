// The pdf.js worker module ships no types of its own; it is loaded on the main thread in Node.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
