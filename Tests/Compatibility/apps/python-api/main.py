"""A Python app as Aspire runs one: it listens on PORT and reaches the API through the service discovery variables."""
import os
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/health":
            self.reply(200, b"healthy")
        elif self.path == "/upstream":
            with urllib.request.urlopen(os.environ["services__weatherapi__http__0"] + "/health") as upstream:
                self.reply(upstream.status, upstream.read())
        elif self.path.startswith("/env/"):
            value = os.environ.get(urllib.parse.unquote(self.path[5:]))
            self.reply(404, b"") if value is None else self.reply(200, value.encode())
        else:
            self.reply(404, b"")

    def reply(self, status, body):
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


server = ThreadingHTTPServer(("", int(os.environ["PORT"])), Handler)
print(f"python-api listening on {os.environ['PORT']}", flush=True)
server.serve_forever()
