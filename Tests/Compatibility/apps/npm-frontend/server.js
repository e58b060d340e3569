// An npm app (npm run start): it listens on PORT, as Aspire's AddNpmApp expects.
const http = require("node:http");

http.createServer((req, res) => {
  if (req.url === "/health") {
    res.writeHead(200).end("healthy");
  } else if (req.url === "/api") {
    res.writeHead(200, { "content-type": "text/plain" }).end(process.env.services__weatherapi__http__0 ?? "");
  } else {
    res.writeHead(404).end();
  }
}).listen(Number(process.env.PORT), () => console.log(`spa listening on ${process.env.PORT}`));
