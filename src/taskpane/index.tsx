/** Task pane entry: waits for Office (saying why when it does not come), then mounts the pane against the Excel host. */
import { createExcelHost } from '../excel/excelHost';
import { mountPane } from './mount';
import { startOffice } from './startup';

// the bundle runs, so the engine is modern enough: legacy-check.js stays quiet from here on
(window as unknown as { __ogiMounted?: boolean }).__ogiMounted = true;

const container = document.getElementById('container') as HTMLElement;
startOffice(container, () => void mountPane(container, createExcelHost(), Office.context?.displayLanguage));
