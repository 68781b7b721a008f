/**
 * Security headers on every answer. The Content-Security-Policy's `frame-ancestors` lets
 * Teams, Outlook and the Microsoft 365 app embed the tab (Microsoft's list for tab hosts), and in
 * tenant mode the mechanism's own SharePoint host (the channel tab is offered as a SharePoint page
 * and web part), and nothing else; X-Frame-Options is not sent, because it cannot name several hosts and would
 * forbid the embedding that frame-ancestors allows.
 */
import helmet from "helmet";
import type { RequestHandler } from "express";

/** Hosts allowed to frame the tab (Teams tab requirements: Teams, Microsoft 365 app, Outlook). */
export const FRAME_ANCESTORS = [
  "https://teams.microsoft.com",
  "https://*.teams.microsoft.com",
  "https://*.cloud.microsoft",
  "https://*.microsoft365.com",
  "https://*.office.com",
  "https://outlook.office.com",
  "https://outlook.office365.com",
  "https://outlook-sdf.office.com",
  "https://outlook-sdf.office365.com",
] as const;

/** Where Microsoft serves Office.js: the Word task pane's page loads it (and it loads its own parts) from there. */
export const OFFICE_JS_ORIGIN = "https://appsforoffice.microsoft.com";
export const OFFICE_JS_URL = `${OFFICE_JS_ORIGIN}/lib/1/hosted/office.js`;
/** Word on the web frames the task pane from these hosts, besides the Microsoft 365 ones the tab allows. */
export const WORD_PANE_FRAME_ANCESTORS = ["https://*.officeapps.live.com", "https://*.sharepoint.com"] as const;
/** MSAL's nested app authentication reaches Entra ID when Word cannot broker the token itself. */
const ENTRA_LOGIN = "https://login.microsoftonline.com";

export interface SecurityOptions {
  https: boolean;
  /** The tenant's SharePoint host (e.g. contoso.sharepoint.com), whose pages may host the tab. */
  sharePointHost?: string;
}

export function frameAncestors(options: Pick<SecurityOptions, "sharePointHost">): string[] {
  return options.sharePointHost ? [...FRAME_ANCESTORS, `https://${options.sharePointHost}`] : [...FRAME_ANCESTORS];
}

export function securityHeaders(options: SecurityOptions): RequestHandler {
  const tab = headersFor(options, false);
  const pane = headersFor(options, true);
  // The Word task pane's pages (/word/…) load Office.js from Microsoft and are framed by Word on the web.
  return (req, res, next) => (req.path.startsWith("/word/") ? pane : tab)(req, res, next);
}

function headersFor(options: SecurityOptions, wordPane: boolean): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": wordPane ? ["'self'", OFFICE_JS_ORIGIN] : ["'self'"],
        // Fluent UI (Griffel) inserts style rules at run time.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:", "https://res-1.cdn.office.net", "https://res.cdn.office.net"],
        "connect-src": wordPane ? ["'self'", OFFICE_JS_ORIGIN, ENTRA_LOGIN] : ["'self'"],
        "frame-src": wordPane ? ["'self'", ENTRA_LOGIN] : ["'self'"],
        "frame-ancestors": wordPane ? [...frameAncestors(options), ...WORD_PANE_FRAME_ANCESTORS, "'self'"] : frameAncestors(options),
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
        ...(options.https ? { "upgrade-insecure-requests": [] } : {}),
      },
    },
    xFrameOptions: false,
    strictTransportSecurity: options.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    // The tab is opened inside Teams/Outlook windows: keep popups (sign-in, Word) working.
    crossOriginOpenerPolicy: { policy: "same-origin-allow-popups" },
    crossOriginResourcePolicy: { policy: "same-origin" },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
  });
}
