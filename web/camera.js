// The camera for scanning at the packing table (src/platform/camera_scanner.cpp
// loads this the first time the camera opens). The preview is a <video> over
// the page; about ten frames a second are decoded off the main thread - by
// the browser's BarcodeDetector where it reads every format we need, else by
// ZXing-C++ in scanner-worker.js - and every decoded text goes to the app
// (Module._sc_camera_code), which counts a code once while it stays in view.
// Closed, nothing runs: no stream, no timer, no frame.
'use strict';
(function () {
  const DETECTOR_FORMATS = ['ean_13', 'ean_8', 'code_128', 'data_matrix'];
  const FRAME_INTERVAL_MS = 100;
  // A corner of the page on wide screens, the full width at the top on a
  // phone. Set through the style properties: the page's CSP allows no inline <style>.
  const NARROW = '(max-width: 599px)';
  function placePanel(panel, narrow) {
    Object.assign(panel.style, {
      position: 'fixed', zIndex: '20', background: '#000', overflow: 'hidden', pointerEvents: 'none',
      boxShadow: '0 2px 12px rgba(0,0,0,.4)',
    }, narrow ? { top: '0', left: '0', right: '0', bottom: 'auto', width: '100%', borderRadius: '0' }
              : { top: 'auto', left: 'auto', right: '12px', bottom: '12px', width: '320px', borderRadius: '8px' });
  }

  function create(Module) {
    let generation = 0;   // each open; a late answer of an earlier one is dropped
    let stream = null, track = null, video = null, panel = null;
    let back = true, torchOn = false, cameraCount = 0, decoder = '';
    let timer = 0, canvas = null, context = null;
    let worker = null, workerReady = null, detector = null, pending = null;

    function withString(text, use) {
      const size = Module.lengthBytesUTF8(text) + 1;
      const ptr = Module._malloc(size);
      Module.stringToUTF8(text, ptr, size);
      try { use(ptr); } finally { Module._free(ptr); }
    }
    function report(error, detail) {
      const hasTorch = !!(track && track.getCapabilities && track.getCapabilities().torch);
      withString(decoder, (d) => withString(error || '', (e) => withString(detail || '', (t) =>
        Module._sc_camera_state(stream ? 1 : 0, back ? 1 : 0, hasTorch ? 1 : 0, torchOn ? 1 : 0, cameraCount, d, e, t))));
    }
    function decoded(text) {
      if (text) withString(text, (ptr) => Module._sc_camera_code(ptr));
    }

    // --- Decoders ---------------------------------------------------------
    async function browserDetector() {
      if (typeof self.BarcodeDetector === 'undefined') return null;
      try {
        const formats = await self.BarcodeDetector.getSupportedFormats();
        if (!DETECTOR_FORMATS.every((f) => formats.includes(f))) return null;
        return new self.BarcodeDetector({ formats: DETECTOR_FORMATS });
      } catch (error) {
        return null;
      }
    }
    // The worker loads ZXing (scanner.js + its wasm) on its first message;
    // one that failed is replaced on the next open (the network may be back).
    function startWorker() {
      if (workerReady) return workerReady;
      worker = new Worker('scanner-worker.js');
      workerReady = new Promise((resolve, reject) => {
        worker.onmessage = (event) => {
          const m = event.data;
          if (m.type === 'ready') resolve();
          else if (m.type === 'failed') reject(new Error(m.detail));
          else if (m.type === 'result' && pending) {
            const done = pending;
            pending = null;
            done(m);
          }
        };
        worker.onerror = (event) => reject(new Error(event.message || 'the scanner worker failed'));
      });
      workerReady.catch(() => {
        worker.terminate();
        worker = null;
        workerReady = null;
      });
      worker.postMessage({ type: 'load' });
      return workerReady;
    }
    async function pickDecoder() {
      detector = await browserDetector();
      if (detector) return 'barcode_detector';
      await startWorker();
      return 'zxing';
    }

    // --- Frames: one at a time, about ten a second, only while open --------
    function schedule(mine, after) {
      if (mine !== generation) return;
      timer = setTimeout(() => grab(mine), Math.max(0, after));
    }
    async function grab(mine) {
      timer = 0;
      if (mine !== generation || !video || video.readyState < 2) return schedule(mine, FRAME_INTERVAL_MS);
      const started = performance.now();
      self.sellerCamera.framesGrabbed++;  // for tests: none while closed
      try {
        if (detector) {
          const found = await detector.detect(video);
          if (mine === generation) found.forEach((b) => decoded(b.rawValue));
        } else {
          const width = video.videoWidth, height = video.videoHeight;
          if (!canvas) {
            canvas = document.createElement('canvas');
            context = canvas.getContext('2d', { willReadFrequently: true });
          }
          if (canvas.width !== width) canvas.width = width;
          if (canvas.height !== height) canvas.height = height;
          context.drawImage(video, 0, 0, width, height);
          const pixels = context.getImageData(0, 0, width, height).data.buffer;
          const result = await new Promise((resolve) => {
            pending = resolve;
            worker.postMessage({ type: 'decode', width, height, pixels }, [pixels]);
          });
          if (mine === generation) (result.codes || []).forEach(decoded);
        }
      } catch (error) {
        // One bad frame (the track just ended, a detector hiccup): the next one tries again.
      }
      schedule(mine, FRAME_INTERVAL_MS - (performance.now() - started));
    }

    // --- The stream and its preview ----------------------------------------
    function showPreview() {
      panel = document.createElement('div');
      panel.className = 'camera-panel';
      const narrow = self.matchMedia(NARROW);
      placePanel(panel, narrow.matches);
      panel.onNarrowChange = (event) => placePanel(panel, event.matches);
      panel.narrowQuery = narrow;
      narrow.addEventListener('change', panel.onNarrowChange);
      video = document.createElement('video');
      video.muted = true;
      video.playsInline = true;
      video.setAttribute('playsinline', '');
      Object.assign(video.style, { display: 'block', width: '100%', height: 'auto' });
      video.srcObject = stream;
      panel.appendChild(video);
      document.body.appendChild(panel);
      self.sellerCamera.video = video;  // what recorder.js records (packing video)
      return video.play();
    }
    function stopStream() {
      if (timer) clearTimeout(timer);
      timer = 0;
      pending = null;
      if (stream) stream.getTracks().forEach((t) => t.stop());
      stream = null;
      track = null;
      torchOn = false;
      if (panel) {
        panel.narrowQuery.removeEventListener('change', panel.onNarrowChange);
        panel.remove();
      }
      panel = null;
      video = null;
      self.sellerCamera.video = null;
    }
    function reason(error) {
      const name = error && error.name;
      if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
      if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'NotReadableError') return 'no_camera';
      return 'failed';
    }
    async function open(wantBack) {
      stopStream();
      const mine = ++generation;
      back = wantBack;
      if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
        report('unsupported', 'no getUserMedia (a page that is not https?)');
        return;
      }
      let media;
      try {
        // The decoder loads while the browser asks for permission.
        const decoderChoice = pickDecoder();
        decoderChoice.catch(() => {});
        media = await navigator.mediaDevices.getUserMedia({
          audio: false,
          video: { facingMode: back ? 'environment' : 'user', width: { ideal: 1280 }, height: { ideal: 720 } },
        });
        if (mine !== generation) { media.getTracks().forEach((t) => t.stop()); return; }
        try {
          decoder = await decoderChoice;
        } catch (error) {
          media.getTracks().forEach((t) => t.stop());
          if (mine === generation) report('decoder_failed', String(error && error.message || error));
          return;
        }
        if (mine !== generation) { media.getTracks().forEach((t) => t.stop()); return; }
      } catch (error) {
        if (mine === generation) report(reason(error), String(error && error.message || error));
        return;
      }
      stream = media;
      track = stream.getVideoTracks()[0] || null;
      if (track) track.addEventListener('ended', () => { if (mine === generation) close(); });
      try {
        const devices = await navigator.mediaDevices.enumerateDevices();
        cameraCount = devices.filter((d) => d.kind === 'videoinput').length;
      } catch (error) {
        cameraCount = 1;
      }
      if (mine !== generation) return;
      try {
        await showPreview();
      } catch (error) {
        // Autoplay of a muted stream is allowed; a refusal still leaves frames to grab.
      }
      if (mine !== generation) return;
      report('', '');
      schedule(mine, 0);
    }
    function close() {
      ++generation;
      const wasOpen = !!stream;
      stopStream();
      if (wasOpen) report('', '');
    }
    async function torch(on) {
      if (!track) return;
      try {
        await track.applyConstraints({ advanced: [{ torch: !!on }] });
        torchOn = !!on;
        report('', '');
      } catch (error) {
        report('', '');
      }
    }

    // A hidden tab keeps no camera.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') close();
    });

    return {
      command(name, arg) {
        if (name === 'open') open(arg !== 0);
        else if (name === 'close') close();
        else if (name === 'switch') { if (stream) open(!back); }
        else if (name === 'torch') torch(arg !== 0);
      },
    };
  }

  self.sellerCamera = { create, framesGrabbed: 0, video: null };
})();
