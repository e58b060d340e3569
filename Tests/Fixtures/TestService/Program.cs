// A minimal service for the engine's tests: it reports what it was given and can be told to fail.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();

var healthy = !string.Equals(app.Configuration["START_UNHEALTHY"], "true", StringComparison.OrdinalIgnoreCase);

app.MapGet("/health", () => healthy ? Results.Ok("healthy") : Results.StatusCode(503));
app.MapPost("/health/{state}", (string state) => healthy = state == "up");
app.MapGet("/env/{name}", (string name) => Environment.GetEnvironmentVariable(name) is { } value ? Results.Text(value) : Results.NotFound());
app.MapGet("/pid", () => Environment.ProcessId);
app.MapGet("/args", () => Environment.GetCommandLineArgs().Skip(1));
app.MapPost("/crash", () => Environment.Exit(3));

if (int.TryParse(app.Configuration["EXIT_AFTER_MS"], out var exitAfter))
{
    // A run-once resource: do its work, then exit with the configured code.
    await Task.Delay(exitAfter);
    return int.TryParse(app.Configuration["EXIT_CODE"], out var code) ? code : 0;
}

Console.WriteLine($"test service {Environment.ProcessId} listening");
await app.RunAsync();
return 0;
