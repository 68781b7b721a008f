/*
 * Local mode's stand-in for Office.js in Word: the subset the Review draft pane uses
 * (Office.onReady, Office.context.displayLanguage / officeTheme / document.url /
 * requirements.isSetSupported, Word.run with context.document.properties.customProperties),
 * fed with a real draft's .docx: the server reads the file's own custom document properties
 * (GET /api/local/word-document?draftId=, local mode and this machine only). The server puts
 * this script in /word/pane.html in local mode instead of Microsoft's office.js.
 * A plain script (the Content Security Policy allows scripts from the site only).
 */
/* global window */
(function () {
  "use strict";
  var search = new URLSearchParams(window.location.search);
  var draftId = search.get("draftId");
  var dark = search.get("theme") === "dark" || search.get("theme") === "contrast";
  var documentInfo = draftId
    ? fetch("/api/local/word-document?draftId=" + encodeURIComponent(draftId), { headers: { Accept: "application/json" } }).then(function (response) {
        if (!response.ok) return { url: null, properties: {} };
        return response.json();
      })
    : Promise.resolve({ url: null, properties: {} });
  var context = {
    displayLanguage: search.get("lang") || window.navigator.language || "en-US",
    officeTheme: { bodyBackgroundColor: dark ? "#262626" : "#ffffff", bodyForegroundColor: dark ? "#ffffff" : "#000000" },
    document: { url: null },
    requirements: {
      isSetSupported: function (name, version) {
        var supported = { WordApi: 1.3, NestedAppAuth: 1.1 };
        return name in supported && (version === undefined || Number(version) <= supported[name]);
      },
    },
  };
  var ready = documentInfo.then(function (info) {
    context.document.url = info.url || null;
    window.__nmirfStandIn = { fileName: info.fileName, fileVersion: info.fileVersion };
    return { host: "Word", platform: "OfficeOnline" };
  });
  window.Office = {
    HostType: { Word: "Word" },
    context: context,
    onReady: function (callback) {
      return ready.then(function (info) {
        if (typeof callback === "function") callback(info);
        return info;
      });
    },
  };
  window.Word = {
    run: function (batch) {
      var loaded = [];
      var customProperties = {
        items: loaded,
        load: function () {
          return customProperties;
        },
      };
      var wordContext = {
        document: { properties: { customProperties: customProperties } },
        sync: function () {
          return documentInfo.then(function (info) {
            loaded.length = 0;
            Object.keys(info.properties || {}).forEach(function (key) {
              loaded.push({ key: key, type: "String", value: info.properties[key] });
            });
          });
        },
      };
      return Promise.resolve().then(function () {
        return batch(wordContext);
      });
    },
  };
})();
