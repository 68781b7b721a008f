/*
 * Starts the sign-in calls (local mode, a persona already chosen) and the grid's first page as
 * soon as the page is parsed, while the tab's code downloads and starts: they are on the way to
 * the first rows. The configuration comes inline in the page (the server writes it), so the
 * token's call starts at once. A plain script (the Content Security Policy allows scripts from the site only).
 * The tab takes these answers once (src/api/boot.ts); any failure here is retried by the tab.
 */
/* global window, document */
(function () {
  "use strict";
  var boot = {};
  window.__nmirfBoot = boot;
  var search = new URLSearchParams(window.location.search);
  var json = function (response) {
    if (!response.ok) throw new Error("HTTP " + response.status);
    return response.json();
  };
  var quiet = function (promise) {
    promise.catch(function () {});
    return promise;
  };
  // The server writes the configuration into the page (a data block); /api/config when it did not.
  var inline = null;
  try {
    var block = document.getElementById("nmirf-config");
    inline = block ? JSON.parse(block.textContent) : null;
  } catch {
    inline = null;
  }
  boot.config = quiet(inline ? Promise.resolve(inline) : fetch("/api/config", { headers: { Accept: "application/json" } }).then(json));

  var persona = null;
  try {
    persona = search.get("persona") || window.localStorage.getItem("nmirf.persona");
  } catch {
    persona = null;
  }
  // Preloads the code of the view the page opens on (view-chunks.json is written by the build),
  // once the data calls are on their way: they matter more than the code on the first rows' path.
  var preloadView = function () {
    if (document.querySelector("link[rel=modulepreload][data-view]")) return null; // the server listed them in the page
    var view = window.location.pathname.split("/").filter(Boolean)[0] || "overview";
    return fetch("/view-chunks.json")
      .then(json)
      .then(function (views) {
        (views[view] || views.overview || []).forEach(function (file) {
          var link = document.createElement("link");
          link.rel = "modulepreload";
          link.href = file;
          document.head.appendChild(link);
        });
      });
  };
  if (search.has("host") || window.self !== window.top) {
    quiet(boot.config.then(preloadView));
    return;
  }
  // Local mode: the demo's personas (the picker, the switcher) need no sign-in.
  var localSignIn = boot.config.then(function (config) {
    if (config.signIn.kind !== "local") throw new Error("not local mode");
    return config.signIn;
  });
  boot.personas = quiet(
    localSignIn.then(function (signIn) {
      return fetch(signIn.personasUrl, { headers: { Accept: "application/json" } }).then(json);
    }),
  );
  if (!persona) {
    quiet(boot.config.then(preloadView));
    return;
  }
  boot.persona = persona;
  boot.token = quiet(
    localSignIn.then(function (signIn) {
      return fetch(signIn.tokenUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ persona: persona }),
      })
        .then(json)
        .then(function (answer) {
          return answer.accessToken;
        });
    }),
  );
  var get = function (path) {
    return quiet(
      boot.token.then(function (token) {
        return fetch(path, { headers: { Authorization: "Bearer " + token, Accept: "application/json" } }).then(json);
      }),
    );
  };
  boot.me = get("/api/me");
  boot.ministries = get("/api/ministries");
  if (/^\/recommendations(\/|$)/.test(window.location.pathname)) boot.firstRecommendations = get("/api/recommendations?pageSize=200&sort=paragraph");
  quiet(boot.token.then(preloadView, preloadView));
})();
