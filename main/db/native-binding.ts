// Electron loads a separately built better-sqlite3 binary (see docs/architecture.md); every
// connection (book, file checks, report worker) opens SQLite with the binding set here.
let nativeBinding: string | undefined;

export function setSqliteNativeBinding(file: string | undefined): void {
  nativeBinding = file;
}

/** The binding set above (the report worker opens its own connection with it). */
export function sqliteNativeBinding(): string | undefined {
  return nativeBinding;
}
