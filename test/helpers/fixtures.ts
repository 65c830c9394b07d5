import * as fs from 'fs';
import * as path from 'path';

/** test/fixtures/corpus, found from the compiled test's location (out/test/...) or the source. */
export const CORPUS_DIR = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'corpus');
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export interface CorpusFile {
  file: string;
  kind: string;
  device: string;
  text: string;
}

export function corpusFiles(): CorpusFile[] {
  const manifest = fs.readFileSync(path.join(CORPUS_DIR, 'MANIFEST.tsv'), 'utf8').split(/\r?\n/).slice(1);
  return manifest
    .filter(line => line.trim() !== '')
    .map(line => {
      const [file, kind, device] = line.split('\t');
      return { file, kind, device, text: fs.readFileSync(path.join(CORPUS_DIR, file), 'utf8') };
    });
}

/** Factory and Rekordbox-EXPORT files: what Rekordbox itself wrote. */
export function writtenByRekordbox(f: CorpusFile): boolean {
  return f.kind === 'factory' || f.kind === 'Rekordbox EXPORT';
}

/** test/fixtures/mixxx: real Mixxx mappings (provenance in its MANIFEST.tsv). */
export const MIXXX_DIR = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'mixxx');

export function mixxxFixture(name: string): string {
  return fs.readFileSync(path.join(MIXXX_DIR, name), 'utf8');
}
