/** Types for scripts/deploy-urls.js (plain CommonJS so that webpack.config.js and bare Node can load it). */
export declare const DEV_BASE_URL: 'https://localhost:3000/';
export declare const DEV_ORIGIN: 'https://localhost:3000';
export declare const OFFICE_JS_CDN: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
export declare const OFFICE_JS_CDN_ORIGIN: 'https://appsforoffice.microsoft.com';
export declare const OFFICE_JS_PAGES: readonly string[];
/** Validates a urlProd value (absolute https, no query, fragment or credentials); returns it ending in exactly one "/". */
export declare function normaliseBaseUrl(raw: unknown): string;
/** Points every dev-server URL in the manifest at baseUrl (AppDomain entries get its origin). */
export declare function rewriteManifestUrls(xml: string, baseUrl: string): string;
/** Validates an officeJs value (absolute https URL or a path relative to baseUrl); returns the absolute URL. */
export declare function resolveOfficeJsUrl(raw: unknown, baseUrl?: string): string;
/** Makes a page load office.js from officeJsUrl and adjusts its CSP script-src; throws when the page does not have the expected tags. */
export declare function rewriteOfficeJs(html: string, officeJsUrl: string, pageBaseUrl?: string): string;
/** The command line; returns the exit code, throws on bad input. */
export declare function main(argv: string[]): number;
