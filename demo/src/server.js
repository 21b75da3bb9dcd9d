// A minimal shop API: lists customers from the database named by DATABASE_URL (via psql, no driver).
const http = require('node:http');
const { execFileSync } = require('node:child_process');

const port = Number(process.env.PORT || 3000);

http
  .createServer((req, res) => {
    if (req.url !== '/customers') {
      res.writeHead(404).end();
      return;
    }
    const rows = execFileSync('psql', [process.env.DATABASE_URL, '-tAc', 'select name from customers order by id'], { encoding: 'utf8' });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(rows.trim().split('\n')));
  })
  .listen(port, '127.0.0.1', () => console.log(`acme-shop on http://127.0.0.1:${port}/customers`));
