import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';

/** Larger files are no minutes, data or config a site keeps; reading them would stall everything else. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

/**
 * A file's text when it is a regular file of at most `maxBytes`, else null. A cloned
 * repository can hold symbolic links to devices and FIFOs (git stores links): a plain read of
 * `/dev/zero` never ends and one of a FIFO never returns. The file is opened without blocking
 * and checked on the open descriptor, so what is read is what was checked.
 */
export function readRegularFile(path: string, maxBytes = MAX_FILE_BYTES): string | null {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return null;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > maxBytes) return null;
    return readFileSync(fd, 'utf8');
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}
