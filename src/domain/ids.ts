/** Record ids are UUIDv7 made on the device: unique without a server, and sortable by creation time. */
import { v7 } from 'uuid';

export function newId(): string {
  return v7();
}
