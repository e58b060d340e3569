// Every proxy in bench/gateway.sh forwards to this one host; it answers any GET with the same small JSON object.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var customer = new Customer(42, "Ada Lovelace", "ada@example.com");
app.MapGet("/{**path}", () => customer);
app.Run();

internal sealed record Customer(int Id, string Name, string Email);
