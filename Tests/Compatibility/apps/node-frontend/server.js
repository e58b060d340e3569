// A Node app as Aspire runs one: it listens on PORT and reaches the API through the service discovery variables.
const http = require("node:http");

const weatherApi = process.env.services__weatherapi__http__0;

const server = http.createServer(async (req, res) => {
  if (req.url === "/health") {
    res.writeHead(200).end("healthy");
  } else if (req.url === "/upstream") {
    const upstream = await fetch(`${weatherApi}/health`);
    res.writeHead(upstream.status, { "content-type": "text/plain" }).end(await upstream.text());
  } else if (req.url.startsWith("/env/")) {
    const value = process.env[decodeURIComponent(req.url.slice(5))];
    value === undefined ? res.writeHead(404).end() : res.writeHead(200).end(value);
  } else {
    res.writeHead(404).end();
  }
});

server.listen(Number(process.env.PORT), () => console.log(`frontend listening on ${process.env.PORT}`));
