// Boots the WebAssembly console: checks WebGL 2, downloads app.wasm with a
// progress bar, starts the module, and publishes window.sellerConsole (the
// automation hook used by tests and by an embedding portal).
'use strict';
(function () {
  const info = self.SITE_INFO || { version: 'dev', wasmBytes: 0, shellStrings: {} };

  // --- Shell strings (from assets/i18n, keys "shell.*") ---------------------
  function pickLang() {
    let saved = null;
    try { saved = localStorage.getItem('seller-console:lang'); } catch (e) { /* storage off */ }
    const prefs = saved ? [saved] : (navigator.languages || [navigator.language || 'en']);
    for (const code of prefs) {
      const primary = String(code).toLowerCase().split(/[-_]/)[0];
      if (info.shellStrings[primary]) return primary;
    }
    return 'en';
  }
  const lang = pickLang();
  document.documentElement.lang = lang;
  function t(key, params) {
    const table = info.shellStrings[lang] || {};
    let text = table[key] || (info.shellStrings.en || {})[key] || key;
    for (const [name, value] of Object.entries(params || {})) text = text.replace('{' + name + '}', value);
    return text;
  }

  const loading = document.getElementById('loading');
  const bar = document.getElementById('loading-bar');
  const detail = document.getElementById('loading-detail');
  document.getElementById('loading-title').textContent = t('shell.loading');
  const reload = document.getElementById('fatal-reload');
  reload.textContent = t('shell.reload');
  reload.addEventListener('click', () => location.reload());

  // --- The automation hook --------------------------------------------------
  let module = null;
  let resolveReady;
  const hook = {
    version: info.version,
    isReady: false,
    ready: new Promise((resolve) => { resolveReady = resolve; }),
    framesDrawn() { return hook.isReady ? Number(module._sc_frames_drawn()) : 0; },
    timerTasksRun() { return hook.isReady ? Number(module._sc_timer_tasks_run()) : 0; },
    snapshot() { return hook.isReady ? JSON.parse(module.UTF8ToString(module._sc_snapshot_json())) : null; },
    itemRect(name) {
      if (!hook.isReady) return null;
      return JSON.parse(module.ccall('sc_item_rect', 'string', ['string'], [String(name)]));
    },
    // Benchmark: parse a v4 posting-list page in WebAssembly; {ms, count}.
    // The page as UTF-8 bytes (a Uint8Array), as fetch hands a reply to the
    // console (response.arrayBuffer(), copied in); a string is encoded first.
    benchParsePostings(page) {
      if (!hook.isReady) return null;
      const bytes = typeof page === 'string' ? new TextEncoder().encode(page) : page;
      const length = bytes.length;
      const ptr = module._malloc(length + 1);
      try {
        module.HEAPU8.set(bytes, ptr);
        module.HEAPU8[ptr + length] = 0;
        const ms = module._sc_bench_parse_postings(ptr, length);
        return { ms, count: module._sc_bench_last_count() };
      } finally {
        module._free(ptr);
      }
    },
    // The latest document the console produced (labels, acts): {name, size,
    // head (first bytes as text), base64} once ready, or null.
    lastDocument() {
      const latest = module && module.documents && module.documents.latest;
      if (!latest) return null;
      let binary = '';
      for (let i = 0; i < latest.bytes.length; i++) binary += String.fromCharCode(latest.bytes[i]);
      return { name: latest.name, size: latest.bytes.length, head: binary.slice(0, 8), base64: btoa(binary) };
    },
    // The document last sent to the printer by the console itself: {name, at} or null.
    lastPrinted() { return (module && module.documents && module.documents.printed) || null; },
    // The latest plain-text document (the pick list): {name, text} or null.
    lastText() { return (module && module.documents && module.documents.lastText) || null; },
    // Tests: how long the demo store keeps a shipped posting's label "not
    // ready" (Ozon's 45 s by default), from its next request on.
    setDemoLabelDelay(ms) { if (hook.isReady) module.demoLabelDelayMs = Number(ms); },
    benchLoadPostings(count) { if (hook.isReady) module._sc_bench_load_postings(count); },
    benchLoadStock(products) { if (hook.isReady) module._sc_bench_load_stock(products); },
    benchGrowDemo(open) { if (hook.isReady) module._sc_bench_grow_demo(open); },
    benchFrameTimes() { return hook.isReady ? JSON.parse(module.UTF8ToString(module._sc_bench_frame_times())) : []; },
    benchHeapBytes() { return hook.isReady ? module._sc_bench_heap_bytes() : 0; },
    benchHeapInUse() { return hook.isReady ? module._sc_bench_heap_in_use() : 0; },
    // Storage benchmark: resolves with the timings of writing and restoring
    // `postings` cached postings and `entries` outbox entries through IndexedDB.
    benchStorage(postings, entries) {
      return new Promise((resolve) => {
        module.onBenchStorage = resolve;
        module._sc_bench_storage(postings, entries);
      });
    },
    error: null,
    // Milestones in ms from navigation start (the benchmark reports them).
    timings: {},
  };
  window.sellerConsole = hook;

  // --- Installable offline app: service worker, online state, storage ------
  // Started only after the first frame (benchmarked), see startPwa() below.
  // The same object is Module.pwa for the C++ side (the update banner).
  let registration = null;
  let updateRequested = false;
  let reloading = false;
  const pwa = {
    updateAvailable: false,  // a new build is installed and waits for this page to let it in
    get controlled() { return Boolean(navigator.serviceWorker && navigator.serviceWorker.controller); },
    cacheVersion: null,      // the build of the worker controlling this page
    storage: null,           // {persisted, usage, quota} once estimated
    // Lets the waiting build take over and reloads into it (or just reloads).
    applyUpdate() {
      const waiting = registration && registration.waiting;
      if (!waiting) { reloadOnce(); return; }
      updateRequested = true;
      waiting.addEventListener('statechange', () => { if (waiting.state === 'redundant') reloadOnce(); });
      waiting.postMessage({ type: 'skip-waiting' });
    },
    refreshStorage() { return estimateStorage(false); },
  };
  hook.pwa = pwa;

  function callModule(name, ...args) {
    if (hook.isReady && typeof module[name] === 'function') module[name](...args);
  }

  function reloadOnce() {
    if (reloading) return;
    reloading = true;
    location.reload();
  }

  function markUpdateAvailable() {
    if (pwa.updateAvailable) return;
    pwa.updateAvailable = true;
    callModule('_sc_set_update_available', 1);
  }

  // Asks the controlling worker which build it serves.
  function readCacheVersion() {
    const controller = navigator.serviceWorker.controller;
    if (!controller) { pwa.cacheVersion = null; return; }
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => {
      if (event.data && event.data.type === 'version' && navigator.serviceWorker.controller === controller) {
        pwa.cacheVersion = event.data.version;
      }
    };
    controller.postMessage({ type: 'get-version' }, [channel.port2]);
  }

  // A worker that finishes installing while an older one controls the page is
  // a new build waiting for the seller (it never takes over on its own).
  function watchInstalling(worker) {
    if (!worker) return;
    worker.addEventListener('statechange', () => {
      if (worker.state !== 'installed') return;
      if (navigator.serviceWorker.controller) markUpdateAvailable();
      estimateStorage(false);  // the new cache counts against the quota
    });
  }

  function checkForUpdate() {
    if (registration) registration.update().catch(() => { /* offline: try again later */ });
  }

  async function registerServiceWorker() {
    const container = navigator.serviceWorker;
    if (new URLSearchParams(location.search).has('nosw')) {
      // Debugging escape hatch: no worker, and the one registered before is
      // dropped, so the next load comes from the network.
      const old = await container.getRegistration();
      if (old) await old.unregister();
      return;
    }
    container.addEventListener('controllerchange', () => {
      readCacheVersion();
      if (updateRequested) reloadOnce();
    });
    readCacheVersion();
    // 'none': the update check always asks the server, whatever its cache headers.
    registration = await container.register('sw.js', { updateViaCache: 'none' });
    if (registration.waiting && container.controller) markUpdateAvailable();
    watchInstalling(registration.installing);
    registration.addEventListener('updatefound', () => watchInstalling(registration.installing));
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') checkForUpdate(); });
    setInterval(checkForUpdate, 30 * 60 * 1000);
  }

  async function estimateStorage(askPersist) {
    const storage = navigator.storage;
    if (!storage || typeof storage.estimate !== 'function') return null;
    try {
      // IndexedDB (drafts, the outbox) is best-effort storage unless persisted.
      let persisted = false;
      if (askPersist && typeof storage.persist === 'function') persisted = await storage.persist();
      else if (typeof storage.persisted === 'function') persisted = await storage.persisted();
      const { usage = 0, quota = 0 } = await storage.estimate();
      pwa.storage = { persisted, usage, quota };
      callModule('_sc_set_storage_info', persisted ? 1 : 0, usage, quota);
      return pwa.storage;
    } catch (err) {
      console.warn('[seller-console] storage estimate failed: ' + (err && err.message || err));
      return null;
    }
  }

  // The network state reaches the app from platform/page_events.cpp (from main on).
  function startPwa() {
    estimateStorage(true);
    // Service workers need a secure context (https, or http on localhost / 127.0.0.1).
    if ('serviceWorker' in navigator && window.isSecureContext) {
      registerServiceWorker().catch((err) => {
        console.warn('[seller-console] offline mode unavailable: ' + (err && err.message || err));
      });
    }
  }

  function showFatal(text) {
    hook.error = text;
    loading.hidden = true;
    document.getElementById('fatal-text').textContent = text;
    document.getElementById('fatal').hidden = false;
    console.error('[seller-console] ' + text);
  }


  // --- The WebGL 2 context, made while app.wasm downloads ------------------
  // Creating a context costs ~150-200 ms of GPU-process work on these
  // machines (software rendering). Made here, that overlaps the download and
  // compile of app.wasm; the app adopts this very context (Emscripten's
  // GL_PREINITIALIZED_CONTEXT) instead of making a second one.

  // ImGui's renderer saves and restores GL state around every frame. For the
  // scissor box and the blend functions WebGL asks the GPU process and waits
  // for the answer: 20-50 ms a query with software rendering, several times a
  // frame. The console is this context's only user, so the page keeps those
  // values itself, starting from a new context's state (WebGL 2 spec).
  function keepStateOnThePage(gl) {
    const query = gl.getParameter.bind(gl);
    const state = new Map([
      [gl.SCISSOR_BOX, new Int32Array([0, 0, gl.drawingBufferWidth, gl.drawingBufferHeight])],
      [gl.BLEND_SRC_RGB, gl.ONE], [gl.BLEND_SRC_ALPHA, gl.ONE],
      [gl.BLEND_DST_RGB, gl.ZERO], [gl.BLEND_DST_ALPHA, gl.ZERO],
      [gl.BLEND_EQUATION_RGB, gl.FUNC_ADD], [gl.BLEND_EQUATION_ALPHA, gl.FUNC_ADD],
    ]);
    gl.getParameter = (name) => {
      const value = state.get(name);
      if (value === undefined) return query(name);
      return value instanceof Int32Array ? new Int32Array(value) : value;
    };
    const wrap = (method, remember) => {
      const original = gl[method].bind(gl);
      gl[method] = (...args) => { original(...args); remember(...args); };
    };
    wrap('scissor', (x, y, w, h) => state.set(gl.SCISSOR_BOX, new Int32Array([x, y, w, h])));
    wrap('blendFunc', (src, dst) => rememberBlend(src, dst, src, dst));
    wrap('blendFuncSeparate', (srcRgb, dstRgb, srcAlpha, dstAlpha) => rememberBlend(srcRgb, dstRgb, srcAlpha, dstAlpha));
    wrap('blendEquation', (mode) => { state.set(gl.BLEND_EQUATION_RGB, mode); state.set(gl.BLEND_EQUATION_ALPHA, mode); });
    wrap('blendEquationSeparate', (rgb, alpha) => { state.set(gl.BLEND_EQUATION_RGB, rgb); state.set(gl.BLEND_EQUATION_ALPHA, alpha); });
    function rememberBlend(srcRgb, dstRgb, srcAlpha, dstAlpha) {
      state.set(gl.BLEND_SRC_RGB, srcRgb);
      state.set(gl.BLEND_DST_RGB, dstRgb);
      state.set(gl.BLEND_SRC_ALPHA, srcAlpha);
      state.set(gl.BLEND_DST_ALPHA, dstAlpha);
    }
  }

  // SDL sizes the canvas as it makes its window: 1x1 first (to learn whether
  // CSS sizes it), then CSS size x devicePixelRatio. With a live context each
  // write reallocates the drawing buffer and waits for the GPU process (50 ms
  // and more apiece here). So the page gives the canvas that size before the
  // context exists, and folds the writes made in one task into one, applied
  // at its end, and skipped when the size is what it was. Reads see the
  // size last written; nothing draws before the task ends.
  function foldCanvasResizes(canvas) {
    const rect = canvas.getBoundingClientRect();
    canvas.width = Math.floor(rect.width * devicePixelRatio);
    canvas.height = Math.floor(rect.height * devicePixelRatio);
    const native = {
      width: Object.getOwnPropertyDescriptor(HTMLCanvasElement.prototype, 'width'),
      height: Object.getOwnPropertyDescriptor(HTMLCanvasElement.prototype, 'height'),
    };
    const pending = new Map();
    const apply = () => {
      for (const [name, value] of pending) {
        if (native[name].get.call(canvas) !== value) native[name].set.call(canvas, value);
      }
      pending.clear();
    };
    for (const name of ['width', 'height']) {
      Object.defineProperty(canvas, name, {
        configurable: true,
        get() { return pending.has(name) ? pending.get(name) : native[name].get.call(canvas); },
        set(value) {
          if (pending.size === 0) queueMicrotask(apply);
          pending.set(name, value >>> 0);  // an unsigned long, as the DOM would store it
        },
      });
    }
  }

  // The context the app draws with, or null without WebGL 2. ImGui needs no
  // depth, stencil, alpha or multisampling; leaving them out saves memory and
  // a resolve per frame.
  function createWebGL2(canvas) {
    foldCanvasResizes(canvas);
    const gl = canvas.getContext('webgl2', {
      alpha: false, depth: false, stencil: false, antialias: false,
      premultipliedAlpha: true, preserveDrawingBuffer: false, powerPreference: 'default',
    });
    if (!gl) return null;
    keepStateOnThePage(gl);
    return gl;
  }

  // ImGui's renderer compiles and links its one program in the app's first
  // frame and asks at once whether that worked: the page waits for the GPU
  // process to finish (100-190 ms here with software rendering; a second
  // program of the same source text is not served from a cache). So the same
  // program (imgui_impl_opengl3.cpp, GLSL 300 es, the exact source text) is
  // made here while app.wasm downloads, in parallel (KHR_parallel_shader_compile)
  // and never asked about; when the app's ImGui makes its program, it is
  // handed this one (adoptImGuiProgram).
  const IMGUI_VERTEX_SHADER = '#version 300 es\nprecision highp float;\nlayout (location = 0) in vec2 Position;\n'
    + 'layout (location = 1) in vec2 UV;\nlayout (location = 2) in vec4 Color;\nuniform mat4 ProjMtx;\nout vec2 Frag_UV;\n'
    + 'out vec4 Frag_Color;\nvoid main()\n{\n    Frag_UV = UV;\n    Frag_Color = Color;\n'
    + '    gl_Position = ProjMtx * vec4(Position.xy,0,1);\n}\n';
  const IMGUI_FRAGMENT_SHADER = '#version 300 es\nprecision mediump float;\nuniform sampler2D Texture;\nin vec2 Frag_UV;\n'
    + 'in vec4 Frag_Color;\nlayout (location = 0) out vec4 Out_Color;\nvoid main()\n{\n'
    + '    Out_Color = Frag_Color * texture(Texture, Frag_UV.st);\n}\n';
  function prepareImGuiProgram(gl) {
    gl.getExtension('KHR_parallel_shader_compile');
    const prepared = { program: gl.createProgram(), shaders: new Map() };  // source -> shader
    for (const [type, source] of [[gl.VERTEX_SHADER, IMGUI_VERTEX_SHADER], [gl.FRAGMENT_SHADER, IMGUI_FRAGMENT_SHADER]]) {
      const shader = gl.createShader(type);
      gl.shaderSource(shader, source);
      gl.compileShader(shader);
      gl.attachShader(prepared.program, shader);
      prepared.shaders.set(source, shader);
    }
    gl.linkProgram(prepared.program);
    gl.flush();  // to the GPU process now, not with the app's first query
    return prepared;
  }

  // Until the first frame, the context answers ImGui's shader calls from the
  // prepared program: a shader given one of its source texts stands for the
  // prepared shader (no second compile; its status is the prepared one's),
  // and the program made once both are given is the prepared program, already
  // linked. Any other source text (another ImGui) goes the usual way.
  // Returns the function that puts the context's own methods back.
  function adoptImGuiProgram(gl, prepared) {
    const stand = new Map();  // the app's shader -> the prepared one
    const own = {};
    const patch = (name, replacement) => { own[name] = gl[name]; gl[name] = replacement; };
    const real = (shader) => stand.get(shader) || shader;
    const adopted = (program, shader) => program === prepared.program && stand.has(shader);
    let handedOver = false;
    patch('shaderSource', (shader, source) => {
      const preparedShader = prepared.shaders.get(source);
      if (!preparedShader) return own.shaderSource.call(gl, shader, source);
      prepared.shaders.delete(source);
      stand.set(shader, preparedShader);
    });
    patch('compileShader', (shader) => { if (!stand.has(shader)) own.compileShader.call(gl, shader); });
    // Each question waits for the GPU process, behind whatever it is doing
    // (15-45 ms each here while the page is composited): ImGui asks six. A
    // linked program means both shaders compiled, with nothing to say, so
    // one question answers all of them.
    let linked;
    const preparedLinked = () => {
      if (linked === undefined) linked = own.getProgramParameter.call(gl, prepared.program, gl.LINK_STATUS) === true;
      return linked;
    };
    patch('getShaderParameter', (shader, name) => {
      if (stand.has(shader) && name === gl.COMPILE_STATUS && preparedLinked()) return true;
      return own.getShaderParameter.call(gl, real(shader), name);
    });
    patch('getShaderInfoLog', (shader) => (stand.has(shader) && preparedLinked() ? '' : own.getShaderInfoLog.call(gl, real(shader))));
    patch('getProgramParameter', (program, name) => {
      if (program === prepared.program && name === gl.LINK_STATUS) return preparedLinked();
      return own.getProgramParameter.call(gl, program, name);
    });
    patch('getProgramInfoLog', (program) => (program === prepared.program && preparedLinked() ? '' : own.getProgramInfoLog.call(gl, program)));
    patch('createProgram', () => {
      if (handedOver || stand.size !== 2) return own.createProgram.call(gl);
      handedOver = true;
      return prepared.program;
    });
    patch('attachShader', (program, shader) => { if (!adopted(program, shader)) own.attachShader.call(gl, program, shader); });
    patch('detachShader', (program, shader) => { if (!adopted(program, shader)) own.detachShader.call(gl, program, shader); });
    patch('linkProgram', (program) => { if (program !== prepared.program) own.linkProgram.call(gl, program); });
    return () => {
      for (const name of Object.keys(own)) delete gl[name];  // the prototype's methods again
      // The prepared shaders go with the program; unused, the program goes too.
      for (const shader of [...stand.values(), ...prepared.shaders.values()]) gl.deleteShader(shader);
      if (!handedOver) gl.deleteProgram(prepared.program);
      return handedOver;
    };
  }

  function formatBytes(n) {
    return n >= 1048576 ? (n / 1048576).toFixed(1) + ' MB' : Math.max(1, Math.round(n / 1024)) + ' KB';
  }

  // Downloads and compiles app.wasm at the same time (streaming), counting
  // the bytes for the progress bar. The build tells the real size, since
  // Content-Length may be the compressed size.
  async function compileWasm() {
    const response = await fetch('app.wasm');
    if (!response.ok) throw new Error('app.wasm: HTTP ' + response.status);
    const total = info.wasmBytes || Number(response.headers.get('content-length')) || 0;
    let received = 0;
    let paintPending = false;
    const paint = () => {
      paintPending = false;
      bar.style.width = Math.min(100, (100 * received) / total).toFixed(1) + '%';
      detail.textContent = t('shell.progress', { done: formatBytes(received), total: formatBytes(total) });
    };
    const counting = new TransformStream({
      transform(chunk, controller) {
        received += chunk.length;
        // At most one page update per display frame: touching the page for
        // every chunk cost the main thread tens of milliseconds at start-up.
        if (total && !paintPending) {
          paintPending = true;
          requestAnimationFrame(paint);
        }
        controller.enqueue(chunk);
      },
      flush() { hook.timings.wasmBytesIn = performance.now(); },  // the compiler has them all
    });
    const counted = new Response(response.body.pipeThrough(counting), { headers: { 'Content-Type': 'application/wasm' } });
    return WebAssembly.compileStreaming(counted);
  }

  // The strings of a language other than English (compiled into app.wasm)
  // and, for Chinese, the font of its UI strings: {lang, json, font, fontRest}.
  // That font has two parts: the first screens' glyphs (ui-cjk.ttf) and the
  // rest (ui-cjk-rest.ttf), which a start fetches after its first frame
  // (ui/fonts) and a later choice (`whole`) fetches at once.
  function fetchLanguagePack(code, whole) {
    const get = (path, read) => fetch(path).then((r) => {
      if (!r.ok) throw new Error(path + ': HTTP ' + r.status);
      return read(r);
    });
    const font = (path) => (code === 'zh' ? get(path, (r) => r.arrayBuffer()).then((b) => new Uint8Array(b)) : null);
    return Promise.all([get('lang-' + code + '.json', (r) => r.text()), font('ui-cjk.ttf'), whole ? font('ui-cjk-rest.ttf') : null])
      .then(([json, first, rest]) => ({ lang: code, json, font: first, fontRest: rest }));
  }

  // --- The code the first frame does not need ------------------------------
  // tools/split_app.py moves every function the console did not run as it
  // started into app.deferred.wasm; app.wasm calls each through a placeholder
  // until that module is instantiated (its table entries replace them).
  // A first visit fetches it once the first frame is drawn (load). A page
  // the service worker controls has it in its cache: fetched with app.wasm
  // and instantiated before main runs, so a start never waits on a
  // placeholder (offline included). A placeholder called before it is in
  // has it fetched and compiled at once, synchronously
  // (Module.loadSplitModule): slower, never wrong.
  const deferredCode = {
    state: 'none',  // 'none' (app.wasm not split), 'waiting', 'loading', 'ready', 'failed'
    syncLoads: 0,  // placeholders that found it not yet there
    error: '',
    exports: null,  // app.wasm's, which it imports
    compiled: null,
    instance: null,
    compiling: null,
    otherBuild: false,  // what the server has is of another build: only a reload helps
    // Fetches and compiles it (once at a time).
    compile() {
      if (!this.compiling) {
        this.compiling = fetch('app.deferred.wasm')
          .then((response) => {
            if (!response.ok) throw new Error('app.deferred.wasm: HTTP ' + response.status);
            return response.arrayBuffer();
          })
          .then((bytes) => this.checkBuild(bytes))
          .then((bytes) => WebAssembly.compile(bytes))
          .then((compiled) => {
            if (!this.compiled) this.compiled = compiled;
            return this.compiled;
          })
          .catch((err) => {
            this.compiling = null;  // tried again next time
            throw err;
          });
      }
      return this.compiling;
    },
    // Fetched after the page started, it may be of a build deployed since
    // (without a service worker, which keeps one build's files together):
    // the two modules must be of one build. By SHA-256 where the page may
    // hash (a secure context), else by size.
    async checkBuild(bytes) {
      const expected = info.deferredWasm || {};
      let same = bytes.byteLength === expected.bytes;
      if (same && crypto.subtle) {
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
        same = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('') === expected.sha256;
      }
      if (!same) {
        this.otherBuild = true;
        throw new Error('app.deferred.wasm: ' + t('shell.other_build'));
      }
      return bytes;
    },
    // app.wasm is instantiated: a split one imports its placeholders.
    attach(instance, compiled) {
      if (!WebAssembly.Module.imports(compiled).some((entry) => entry.module === 'placeholder')) return;
      this.exports = instance.exports;
      this.state = 'waiting';
      if (this.compiled) this.instantiate();
    },
    instantiate() {
      if (!this.instance) {
        this.instance = new WebAssembly.Instance(this.compiled, { primary: this.exports });
        this.state = 'ready';
        this.error = '';
        hook.timings.deferredReady = performance.now();
      }
      return [this.instance, this.compiled];
    },
    // After the first frame.
    load() {
      if (this.state !== 'waiting' && this.state !== 'failed') return;
      this.state = 'loading';
      this.compile()
        .then(() => this.instantiate())
        .catch((err) => {
          if (this.instance) return;
          // Offline with no service worker yet: tried again once online.
          this.state = 'failed';
          this.error = String(err && err.message || err);
          console.warn('[seller-console] ' + this.error);
          window.addEventListener('online', () => this.load(), { once: true });
        });
    },
    // Module.loadSplitModule(file, imports, placeholder): [instance, module].
    loadNow() {
      if (this.instance) return [this.instance, this.compiled];
      this.syncLoads++;
      const otherBuild = () => {
        const detail = 'app.deferred.wasm: ' + t('shell.other_build');
        showFatal(t('shell.load_failed', { detail }));
        return new Error(detail);
      };
      if (this.otherBuild) throw otherBuild();
      if (!this.compiled) {
        const request = new XMLHttpRequest();
        request.open('GET', 'app.deferred.wasm', false);
        // A synchronous request cannot ask for an ArrayBuffer: bytes as text, one char each.
        request.overrideMimeType('text/plain; charset=x-user-defined');
        let status = 0;  // 0: no network
        try {
          request.send(null);
          status = request.status;
        } catch { /* stays 0 */ }
        if (status !== 200) {
          const detail = 'app.deferred.wasm: ' + (status ? 'HTTP ' + status : 'no network');
          showFatal(t('shell.load_failed', { detail }));
          throw new Error(detail);
        }
        const text = request.responseText;
        if (text.length !== (info.deferredWasm || {}).bytes) throw otherBuild();
        const bytes = new Uint8Array(text.length);
        for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
        this.compiled = new WebAssembly.Module(bytes);
      }
      return this.instantiate();
    },
  };
  hook.deferredCode = () => ({ state: deferredCode.state, syncLoads: deferredCode.syncLoads, error: deferredCode.error });

  function start(gl) {
    if (typeof createSellerConsole !== 'function') {
      showFatal(t('shell.load_failed', { detail: 'app.js' }));
      return;
    }
    const config = {
      canvas: gl.canvas,
      preinitializedWebGLContext: gl,
      instantiateWasm(imports, onInstance) {
        Promise.all([wasmModule, deferredEarly])
          .then(([compiled]) => WebAssembly.instantiate(compiled, imports).then((instance) => {
            deferredCode.attach(instance, compiled);
            hook.timings.wasmInstantiated = performance.now();
            onInstance(instance, compiled);
          }))
          .catch((err) => showFatal(t('shell.load_failed', { detail: String(err && err.message || err) })));
        return {};
      },
      loadSplitModule: () => deferredCode.loadNow(),
      onAbort(what) { showFatal(t('shell.crashed', { detail: String(what) })); },
      print(text) { console.log(text); },
      printErr(text) { console.warn(text); },
      mark(name) { hook.timings[name] = performance.now(); },
      onFirstFrame() {
        hook.firstFrameMs = hook.timings.firstFrame = performance.now();
        loading.hidden = true;
        hook.isReady = true;
        resolveReady();
      },
      reportFatal(reason, text) {
        showFatal(reason === 'webgl2' ? t('shell.no_webgl2') : t('shell.crashed', { detail: reason + ': ' + text }));
      },
      pwa,  // Module.pwa: applyUpdate() for the update banner, refreshStorage()
      fetchLanguagePack,  // a language chosen later (platform/language_pack)
    };
    // With MODULARIZE the config object becomes the module: exports land on it.
    module = config;
    // Inside a frame, the site's list of portals says whom to trust (Module.portals).
    // The language's pack came with app.wasm (a few KB against its hundreds):
    // the first frame speaks it. Without it the console starts in English and says why.
    Promise.all([portals, languagePack]).then(([list, pack]) => {
      config.portals = list;
      config.languagePack = pack;
      createSellerConsole(config);
    });
  }

  // The downloads start now, app.js in parallel with app.wasm; a failure is
  // shown by instantiateWasm (and the rejection is not left unhandled meanwhile).
  hook.timings.bootStart = performance.now();
  // The portals allowed to embed the console (portals.json, written where the
  // site is deployed: serve.py --portal, or the build's CONSOLE_PORTALS).
  // Only asked for inside a frame; unreadable means no portal is trusted.
  const framed = window.parent !== window && new URLSearchParams(location.search).has('embedder');
  const portals = !framed ? Promise.resolve([]) : fetch('portals.json', { cache: 'no-store', credentials: 'omit' })
    .then((r) => (r.ok ? r.json() : { portals: [] }))
    .then((json) => (json && Array.isArray(json.portals) ? json.portals.filter((o) => typeof o === 'string') : []))
    .catch(() => []);
  const languagePack = lang === 'en' ? Promise.resolve(null) : fetchLanguagePack(lang).catch(() => null);
  const wasmModule = compileWasm().then((compiled) => { hook.timings.wasmCompiled = performance.now(); return compiled; });
  // Under the service worker the rest of the code comes from its cache:
  // compiled beside app.wasm, instantiated before main runs (deferredCode).
  const controlled = Boolean(navigator.serviceWorker && navigator.serviceWorker.controller);
  const deferredEarly = controlled ? deferredCode.compile().catch(() => null) : null;
  wasmModule.catch(() => {});
  let gl = null;
  let endAdoption = null;  // ImGui's program made ahead (prepareImGuiProgram, adoptImGuiProgram)
  let appJsLoaded = false;
  const script = document.createElement('script');
  script.src = 'app.js';
  script.onload = () => { appJsLoaded = true; if (gl) start(gl); };
  script.onerror = () => showFatal(t('shell.load_failed', { detail: 'app.js' }));
  document.head.appendChild(script);
  // While they download: the context, or without WebGL 2 a page in plain words.
  // Making a context holds the main thread (140-200 ms here): it is made at
  // once, while the main thread would only wait for the network, and gives
  // the GPU process the longest time to link ImGui's program. (Made once
  // app.wasm's bytes were all in, or once its download had started, the
  // first frame came no sooner.)
  const canvas = document.getElementById('canvas');
  setTimeout(() => {
    gl = createWebGL2(canvas);
    hook.timings.glCreated = performance.now();
    if (!gl) {
      showFatal(t('shell.no_webgl2'));
      return;
    }
    endAdoption = adoptImGuiProgram(gl, prepareImGuiProgram(gl));
    if (appJsLoaded) start(gl);
  }, 0);
  canvas.addEventListener('contextmenu', (e) => e.preventDefault());
  // SDL cancels the pointer's default action, focus included: inside a
  // portal's iframe the keys would then keep going to the portal. A press on
  // the console takes the keyboard to it. A press on a text field (as drawn
  // in the last frame) focuses the hidden text input instead, here in the
  // pointer's own event: a phone opens its keyboard for no other focus().
  // Touch activates the page on pointerup, and iOS on touchend.
  const focusFor = (event) => {
    const textInput = module && module.textInput;
    const at = event.changedTouches ? event.changedTouches[0] : event;
    if (textInput && at && textInput.fieldAt(at.clientX, at.clientY)) textInput.focus();
    else if (event.type === 'pointerdown' && (!document.hasFocus() || document.activeElement !== canvas)) canvas.focus({ preventScroll: true });
  };
  for (const type of ['pointerdown', 'pointerup', 'touchend']) canvas.addEventListener(type, focusFor, true);
  // After the first frame, and in a task of its own so that frame paints first.
  hook.ready.then(() => setTimeout(startPwa, 0));
  hook.ready.then(() => deferredCode.load());
  // ImGui has its program by the first frame.
  hook.ready.then(() => { if (endAdoption) hook.imguiProgramAdopted = endAdoption(); });
})();
