#include "platform/documents.h"

#include <emscripten.h>

#include <cstdint>

#include "platform/web_runner.h"

namespace platform {
namespace {

// parts: pointer/length pairs in wasm memory, copied at once.
EM_JS(void, js_publish_document, (const char* name, const unsigned int* parts, int count), {
  var chunks = [];
  for (var i = 0; i < count; i++) {
    var ptr = HEAPU32[(parts >> 2) + 2 * i], len = HEAPU32[(parts >> 2) + 2 * i + 1];
    chunks.push(HEAPU8.slice(ptr, ptr + len));
  }
  var title = UTF8ToString(name);
  var docs = Module.documents = Module.documents || {};
  docs.pending = (docs.pending || 0) + 1;
  function done(bytes, error) {
    docs.pending--;
    if (error) { docs.error = String(error); console.error("[seller-console] " + docs.error); }
    else docs.latest = {name: title, bytes: bytes};
    if (docs.printWhenReady && docs.pending === 0) {
      docs.printWhenReady = false;
      if (!error) Module.printLatestDocument();
    }
    Module._sc_request_redraw();
  }
  if (chunks.length === 1) return done(chunks[0]);
  function loadPdfLib() {
    if (window.PDFLib) return Promise.resolve(window.PDFLib);
    return new Promise(function(resolve, reject) {
      var script = document.createElement("script");
      script.src = "pdf-lib.min.js";
      script.onload = function() { resolve(window.PDFLib); };
      script.onerror = function() { reject(new Error("pdf-lib.min.js could not be loaded")); };
      document.head.appendChild(script);
    });
  }
  loadPdfLib().then(async function(PDFLib) {
    var merged = await PDFLib.PDFDocument.create();
    for (var c = 0; c < chunks.length; c++) {
      var source = await PDFLib.PDFDocument.load(chunks[c]);
      var pages = await merged.copyPages(source, source.getPageIndices());
      pages.forEach(function(page) { merged.addPage(page); });
    }
    done(await merged.save());
  }).catch(function(error) { done(null, "the label PDFs could not be merged: " + error.message); });
});

EM_JS(void, js_show_document, (int download), {
  var latest = Module.documents && Module.documents.latest;
  if (!latest) return;
  var url = URL.createObjectURL(new Blob([latest.bytes], {type: "application/pdf"}));
  if (download) {
    var link = document.createElement("a");
    link.href = url;
    link.download = latest.name;
    document.body.appendChild(link);
    link.click();
    link.remove();
  } else {
    window.open(url, "_blank", "noopener");
  }
  setTimeout(function() { URL.revokeObjectURL(url); }, 60000);
});

// The label straight to the printer: the PDF in a hidden frame of this page
// prints without a new tab (which a popup blocker would stop: the last scan's
// key press is long gone by the time Ozon's label arrives). Where the browser
// cannot print a frame, it opens the document as "Open" would.
EM_JS(void, js_print_document, (void), {
  var docs = Module.documents = Module.documents || {};
  Module.printLatestDocument = Module.printLatestDocument || function() {
    var latest = docs.latest;
    if (!latest) return;
    var url = URL.createObjectURL(new Blob([latest.bytes], {type: "application/pdf"}));
    if (docs.printFrame) docs.printFrame.remove();
    var frame = docs.printFrame = document.createElement("iframe");
    frame.setAttribute("aria-hidden", "true");
    frame.style.cssText = "position:fixed;right:0;bottom:0;width:1px;height:1px;border:0;opacity:0";
    // What was sent, and how far it went ("frame": the print dialog opened
    // from the frame; "tab": the browser could not, the document opened).
    var printed = docs.printed = {name: latest.name, at: Date.now(), via: ""};
    frame.onload = function() {
      // The scanner types into the page: the keyboard comes back to where it was.
      var previous = document.activeElement;
      try {
        frame.contentWindow.focus();
        frame.contentWindow.print();
        printed.via = "frame";
      } catch (error) {
        window.open(url, "_blank", "noopener");
        printed.via = "tab";
      }
      window.focus();
      if (previous && previous.focus) previous.focus();
      setTimeout(function() { URL.revokeObjectURL(url); }, 60000);
    };
    frame.src = url;
    document.body.appendChild(frame);
  };
  // Several labels are still being merged: print once they are one document.
  if (docs.pending > 0) docs.printWhenReady = true;
  else Module.printLatestDocument();
});
EM_JS(void, js_show_text, (const char* name, const char* text), {
  var blob = new Blob([UTF8ToString(text)], {type: "text/plain;charset=utf-8"});
  var url = URL.createObjectURL(blob);
  var docs = Module.documents = Module.documents || {};
  docs.lastText = {name: UTF8ToString(name), text: UTF8ToString(text)};
  window.open(url, "_blank", "noopener");
  setTimeout(function() { URL.revokeObjectURL(url); }, 60000);
});

}  // namespace

void show_text(const std::string& name, const std::string& text) { js_show_text(name.c_str(), text.c_str()); }

void publish_document(const std::string& name, const std::vector<std::string>& pdf_parts) {
  std::vector<unsigned int> table;
  for (const auto& part : pdf_parts) {
    table.push_back(static_cast<unsigned int>(reinterpret_cast<std::uintptr_t>(part.data())));
    table.push_back(static_cast<unsigned int>(part.size()));
  }
  js_publish_document(name.c_str(), table.data(), static_cast<int>(pdf_parts.size()));
}

void open_document() { js_show_document(0); }
void print_document() { js_print_document(); }

void save_document() { js_show_document(1); }

}  // namespace platform
