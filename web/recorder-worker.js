// The packing video's storage (web/recorder.js starts this worker): the
// recordings in the origin private file system, directory "packing-video",
// each as <name>.webm (or .mp4) and <name>.json (its metadata). A recording
// is written through sync access handles: each second's chunk is written and
// flushed at once, so a tab closed mid-recording keeps everything up to its
// last second (its metadata still says "recording": listed as interrupted).
// Messages are handled one at a time, in order: a deletion never meets a write.
'use strict';

const DIRECTORY = 'packing-video';
const MEDIA = ['webm', 'mp4'];
const encoder = new TextEncoder();
const open = new Map();  // name -> {media, meta, size, metaText}: recordings being written
let directory = null;

class StorageError extends Error {
  constructor(code, detail) { super(detail); this.code = code; }
}
function codeOf(error) {
  if (error instanceof StorageError) return error.code;
  if (error && error.name === 'QuotaExceededError') return 'storage_full';
  return 'failed';
}

async function dir() {
  if (directory) return directory;
  if (!self.navigator.storage || !self.navigator.storage.getDirectory) {
    throw new StorageError('no_storage', 'this browser has no origin private file system');
  }
  try {
    const root = await self.navigator.storage.getDirectory();
    directory = await root.getDirectoryHandle(DIRECTORY, { create: true });
  } catch (error) {
    throw new StorageError('no_storage', String(error && error.message || error));
  }
  return directory;
}

async function syncHandle(name) {
  const file = await (await dir()).getFileHandle(name, { create: true });
  if (!file.createSyncAccessHandle) throw new StorageError('no_storage', 'no sync access handles in this browser');
  return file.createSyncAccessHandle();
}

function writeMeta(entry, text) {
  const bytes = encoder.encode(text);
  entry.meta.truncate(0);
  entry.meta.write(bytes, { at: 0 });
  entry.meta.flush();
  entry.metaText = text;
}

const ops = {
  async open({ name, ext, meta }) {
    if (open.has(name)) throw new StorageError('failed', `${name} is already open`);
    const media = await syncHandle(`${name}.${ext}`);
    let metaHandle;
    try {
      metaHandle = await syncHandle(`${name}.json`);
    } catch (error) {
      media.close();
      throw error;
    }
    media.truncate(0);
    const entry = { media, meta: metaHandle, size: 0, metaText: '' };
    open.set(name, entry);
    writeMeta(entry, meta);
    return null;
  },
  async write({ name, data, meta }) {
    const entry = open.get(name);
    if (!entry) throw new StorageError('failed', `${name} is not open`);
    const bytes = new Uint8Array(data);
    const written = entry.media.write(bytes, { at: entry.size });
    entry.media.flush();
    entry.size += written;
    if (written < bytes.length) throw new StorageError('storage_full', 'the chunk did not fit');
    writeMeta(entry, meta);
    return entry.size;
  },
  async close({ name, meta }) {
    const entry = open.get(name);
    if (!entry) return null;
    open.delete(name);
    try {
      if (meta) writeMeta(entry, meta);
    } finally {
      entry.media.flush();
      entry.media.close();
      entry.meta.close();
    }
    return entry.size;
  },
  async list() {
    const d = await dir();
    const media = new Map();   // stem -> file handle
    const metas = new Map();   // stem -> file handle
    for await (const [fileName, handle] of d.entries()) {
      if (handle.kind !== 'file') continue;
      const dot = fileName.lastIndexOf('.');
      const stem = fileName.slice(0, dot), ext = fileName.slice(dot + 1);
      if (ext === 'json') metas.set(stem, handle);
      else if (MEDIA.includes(ext)) media.set(stem, handle);
    }
    const files = [];
    for (const [name, handle] of media) {
      const entry = open.get(name);
      if (entry) {
        files.push({ name, meta: entry.metaText, bytes: entry.size });
        continue;
      }
      let meta = '';
      try {
        if (metas.has(name)) meta = await (await metas.get(name).getFile()).text();
      } catch (error) { /* unreadable metadata: the name still says whose and when */ }
      let bytes = 0;
      try { bytes = (await handle.getFile()).size; } catch (error) { continue; }
      files.push({ name, meta, bytes });
    }
    return files;
  },
  async remove({ names }) {
    const d = await dir();
    for (const name of names) {
      if (open.has(name)) continue;  // being recorded
      for (const ext of [...MEDIA, 'json']) {
        try { await d.removeEntry(`${name}.${ext}`); } catch (error) { /* not there */ }
      }
    }
    return ops.list();
  },
  async file({ name }) {
    if (open.has(name)) throw new StorageError('failed', 'still being recorded');
    const d = await dir();
    for (const ext of MEDIA) {
      try {
        return await (await d.getFileHandle(`${name}.${ext}`)).getFile();
      } catch (error) { /* the other extension */ }
    }
    throw new StorageError('failed', `${name} is not on this device`);
  },
};

let queue = Promise.resolve();
self.onmessage = (event) => {
  const message = event.data;
  queue = queue.then(async () => {
    try {
      const result = await ops[message.type](message);
      self.postMessage({ id: message.id, ok: true, result });
    } catch (error) {
      self.postMessage({ id: message.id, ok: false, error: codeOf(error), detail: String(error && error.message || error) });
    }
  });
};
