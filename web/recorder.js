// Packing video (src/platform/video_recorder.cpp loads this the first time
// it is needed). While the app asks, the camera's preview (camera.js) is
// drawn to a 640x360 canvas about 12 times a second with the posting number
// and the date and time burned in; MediaRecorder encodes the canvas at a low
// bitrate and hands over a chunk each second, which recorder-worker.js
// writes and flushes into the origin private file system at once. The app
// decides when to start and stop; a hidden tab stops here at once (its
// camera stops too). Reports go to Module._sc_recorder_state / _sc_recorder_listed.
'use strict';
(function () {
  const WIDTH = 640, HEIGHT = 360, FPS = 12, CHUNK_MS = 1000;
  const TYPES = ['video/webm;codecs=vp8', 'video/webm;codecs=vp9', 'video/webm', 'video/mp4'];

  function pad(n) { return String(n).padStart(2, '0'); }
  function stamp(date) {
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
      `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  }

  function create(Module) {
    let worker = null, nextId = 1;
    const pending = new Map();
    let current = null;  // the recording being made

    function withString(text, use) {
      const size = Module.lengthBytesUTF8(text) + 1;
      const ptr = Module._malloc(size);
      Module.stringToUTF8(text, ptr, size);
      try { use(ptr); } finally { Module._free(ptr); }
    }
    function report(status) {
      withString(JSON.stringify(status), (ptr) => Module._sc_recorder_state(ptr));
    }
    function listed(ok, error, files) {
      withString(error || '', (e) => withString(JSON.stringify(files || []), (f) => Module._sc_recorder_listed(ok ? 1 : 0, e, f)));
    }

    // --- The storage worker: one request at a time, answered by id ----------
    function call(type, args, transfer) {
      if (!worker) {
        worker = new Worker('recorder-worker.js');
        worker.onmessage = (event) => {
          const m = event.data, done = pending.get(m.id);
          if (!done) return;
          pending.delete(m.id);
          if (m.ok) done.resolve(m.result);
          else done.reject(Object.assign(new Error(m.detail), { code: m.error }));
        };
        worker.onerror = (event) => {
          const error = Object.assign(new Error(event.message || 'the recorder worker failed'), { code: 'failed' });
          pending.forEach((p) => p.reject(error));
          pending.clear();
          worker.terminate();
          worker = null;
        };
      }
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage(Object.assign({ id, type }, args), transfer || []);
      });
    }
    function codeOf(error) { return (error && error.code) || 'failed'; }
    function detailOf(error) { return String(error && error.message || error); }

    // --- Recording ----------------------------------------------------------
    function status(rec, extra) {
      return Object.assign({ name: rec.name, recording: !rec.ended, seconds: rec.seconds, bytes: rec.bytes, mime: rec.mime }, extra);
    }
    function draw(rec) {
      const g = rec.context;
      g.fillStyle = '#000';
      g.fillRect(0, 0, WIDTH, HEIGHT);
      const video = self.sellerCamera && self.sellerCamera.video;
      if (video && video.readyState >= 2 && video.videoWidth) {
        const scale = Math.min(WIDTH / video.videoWidth, HEIGHT / video.videoHeight);
        const w = video.videoWidth * scale, h = video.videoHeight * scale;
        g.drawImage(video, (WIDTH - w) / 2, (HEIGHT - h) / 2, w, h);
      }
      g.fillStyle = 'rgba(0,0,0,0.6)';
      g.fillRect(0, HEIGHT - 30, WIDTH, 30);
      g.fillStyle = '#fff';
      g.font = 'bold 18px monospace';
      g.textBaseline = 'middle';
      g.fillText(`${rec.posting}   ${stamp(new Date())}`, 10, HEIGHT - 15);
    }
    function fail(rec, error) {
      if (rec.failure) return;
      rec.failure = { error: codeOf(error), detail: detailOf(error) };
      stop(rec.failure.error === 'storage_full' ? 'storage_full' : 'failed');
    }
    async function start({ name, posting, meta, bitsPerSecond }) {
      if (current) return;
      const fail0 = (error, detail) => report({ name, recording: false, error, detail, ended: 'failed' });
      if (typeof self.MediaRecorder === 'undefined' || !HTMLCanvasElement.prototype.captureStream) {
        return fail0('unsupported', 'this browser cannot record video (no MediaRecorder)');
      }
      if (!navigator.storage || !navigator.storage.getDirectory) {
        return fail0('no_storage', 'this browser has no origin private file system');
      }
      if (!(self.sellerCamera && self.sellerCamera.video)) return fail0('no_camera', 'the camera is not open');
      const mime = TYPES.find((t) => MediaRecorder.isTypeSupported(t)) || '';
      const info = JSON.parse(meta);
      info.mime = mime;
      const rec = current = {
        name, posting, mime, info, seconds: 0, bytes: 0, ended: null, stopReason: null, failure: null,
        writes: Promise.resolve(), timer: 0, recorder: null, started: 0,
      };
      try {
        await call('open', { name, ext: mime.startsWith('video/mp4') ? 'mp4' : 'webm', meta: JSON.stringify(info) });
      } catch (error) {
        current = null;
        return fail0(codeOf(error), detailOf(error));
      }
      const canvas = document.createElement('canvas');
      canvas.width = WIDTH;
      canvas.height = HEIGHT;
      rec.context = canvas.getContext('2d');
      draw(rec);
      try {
        const options = { videoBitsPerSecond: bitsPerSecond };
        if (mime) options.mimeType = mime;
        rec.recorder = new MediaRecorder(canvas.captureStream(FPS), options);
      } catch (error) {
        current = null;
        await call('close', { name, meta: '' }).catch(() => {});
        return fail0('unsupported', detailOf(error));
      }
      rec.timer = setInterval(() => draw(rec), Math.round(1000 / FPS));
      rec.recorder.ondataavailable = (event) => {
        if (!event.data || !event.data.size) return;
        const at = performance.now();
        rec.writes = rec.writes.then(async () => {
          if (rec.failure) return;
          const data = await event.data.arrayBuffer();
          rec.seconds = (at - rec.started) / 1000;
          rec.bytes += data.byteLength;
          rec.info.durationMs = Math.round(rec.seconds * 1000);
          rec.info.bytes = rec.bytes;
          await call('write', { name, data, meta: JSON.stringify(rec.info) }, [data]);
          if (!rec.ended) report(status(rec));
        }).catch((error) => fail(rec, error));
      };
      rec.recorder.onerror = (event) => fail(rec, event.error || new Error('the recorder failed'));
      rec.recorder.onstop = () => finish(rec);
      rec.started = performance.now();
      rec.recorder.start(CHUNK_MS);
      report(status(rec));
      if (rec.stopReason) stop(rec.stopReason);  // asked to stop while it was starting
    }
    function stop(reason) {
      const rec = current;
      if (!rec || rec.ended) return;
      // The camera stops with a hidden tab: say so, whatever the app saw first.
      rec.ended = document.visibilityState === 'hidden' && reason !== 'storage_full' && reason !== 'failed' ? 'tab_hidden' : reason;
      if (!rec.recorder) { rec.stopReason = rec.ended; rec.ended = null; return; }
      clearInterval(rec.timer);
      if (rec.recorder.state !== 'inactive') rec.recorder.stop();  // the last chunk, then onstop
      else finish(rec);
    }
    function finish(rec) {
      rec.writes = rec.writes.then(async () => {
        rec.info.ended = rec.ended;
        rec.info.durationMs = Math.round(rec.seconds * 1000);
        rec.info.bytes = rec.bytes;
        try { await call('close', { name: rec.name, meta: JSON.stringify(rec.info) }); } catch (error) { /* kept as written */ }
        if (current === rec) current = null;
        report(status(rec, rec.failure ? { error: rec.failure.error, detail: rec.failure.detail, ended: rec.ended }
                                        : { ended: rec.ended }));
      });
    }

    // --- The recordings kept -------------------------------------------------
    async function list(request) {
      try {
        listed(true, '', await request());
      } catch (error) {
        listed(false, codeOf(error), []);
      }
    }
    async function save({ name, fileName }) {
      try {
        const file = await call('file', { name });
        const url = URL.createObjectURL(file);
        const a = document.createElement('a');
        a.href = url;
        a.download = fileName;
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      } catch (error) {
        report({ name, recording: false, error: codeOf(error), detail: detailOf(error) });
      }
    }

    const hide = () => { if (document.visibilityState === 'hidden') stop('tab_hidden'); };
    document.addEventListener('visibilitychange', hide);
    self.addEventListener('pagehide', () => stop('tab_hidden'));

    return {
      command(name, text) {
        const arg = JSON.parse(text || '{}');
        if (name === 'start') start(arg);
        else if (name === 'stop') stop(arg.reason);
        else if (name === 'list') list(() => call('list', {}));
        else if (name === 'remove') list(() => call('remove', { names: arg.names }));
        else if (name === 'save') save(arg);
      },
    };
  }

  self.sellerRecorder = { create };
})();
