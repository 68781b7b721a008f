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

export interface SecurityOptions {
  https: boolean;
  /** The tenant's SharePoint host (e.g. contoso.sharepoint.com), whose pages may host the tab. */
  sharePointHost?: string;
}

export function frameAncestors(options: Pick<SecurityOptions, "sharePointHost">): string[] {
  return options.sharePointHost ? [...FRAME_ANCESTORS, `https://${options.sharePointHost}`] : [...FRAME_ANCESTORS];
}

export function securityHeaders(options: SecurityOptions): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        // Fluent UI (Griffel) inserts style rules at run time.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:", "https://res-1.cdn.office.net", "https://res.cdn.office.net"],
        "connect-src": ["'self'"],
        "frame-ancestors": frameAncestors(options),
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
