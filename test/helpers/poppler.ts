import { execFileSync } from 'node:child_process';

/** Runs a poppler tool (pdftotext, pdfinfo, pdffonts); a missing one fails loudly, never skips. */
export function poppler(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(`${tool} is not installed: apt-get install -y poppler-utils`, { cause: error });
    throw error;
  }
}
