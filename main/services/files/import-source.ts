// Moved to the import pipeline (main/import/source.ts); kept so importers written against the
// old path still compile.
export { wholeFile, type ImportSource } from '../../import/source';
