// Baseline B of the bench: fetch the static listing, JSON.parse it and hand the items to an AG Grid
// with the page's columns (name, type, deleted by, deleted, time left, size). Reports to the bench
// through window.benchPage the same timings the bare ImGui page reports. Bundled by the bench with
// esbuild (minified, only the modules registered here), as an application would ship it.
import { ClientSideRowModelModule, createGrid, ModuleRegistry } from 'ag-grid-community';

ModuleRegistry.registerModules([ClientSideRowModelModule]);
{
  const page = (window.benchPage = window.benchPage || {});
  const DAY = 86400000, HOUR = 3600000;
  const timeLeft = (iso) => {
    const left = Date.parse(iso) - Date.now();
    if (left >= DAY) return Math.floor(left / DAY) + ' days left';
    if (left >= HOUR) return Math.floor(left / HOUR) + ' hours left';
    return Math.max(0, Math.floor(left / 60000)) + ' minutes left';
  };
  const bytes = (n) => {
    const units = ['B', 'KB', 'MB', 'GB', 'TB'];
    let u = 0;
    while (n >= 1024 && u < 4) { n /= 1024; ++u; }
    return u ? n.toFixed(1) + ' ' + units[u] : n + ' B';
  };
  const columnDefs = [
    { field: 'name', headerName: 'Name', flex: 2 },
    { field: 'type', headerName: 'Type' },
    { field: 'deletedByName', headerName: 'Deleted by' },
    { field: 'deletedAt', headerName: 'Deleted', valueFormatter: (p) => (p.value || '').slice(0, 10) },
    { field: 'scheduledCleanupAt', headerName: 'Time left', valueFormatter: (p) => timeLeft(p.value) },
    { field: 'sizeBytes', headerName: 'Size', valueFormatter: (p) => bytes(p.value) },
  ];
  const api = createGrid(document.getElementById('grid'), { columnDefs, rowData: [] });
  const items = new URLSearchParams(location.search).get('items') || '1000';
  fetch('listing-' + items + '.json')
    .then((r) => r.text())
    .then((text) => {
      page.listingFetchedMs = performance.now();
      const listing = JSON.parse(text);
      page.listingParsedMs = performance.now();
      page.itemCount = listing.items.length;
      api.setGridOption('rowData', listing.items);
      page.rowDataSetMs = performance.now();
    })
    .catch((error) => { page.error = String(error); });
}
