using System.Text;
using Parity.S3;
using Parity.S3.Auth;
using Parity.S3.Http;
using Parity.S3.Operations;
using Parity.S3.Storage;
using Parity.S3.Xml;

// The content root is the app's own folder, so where the engine starts the process from does not matter.
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
var options = S3ServerOptions.FromConfiguration(builder.Configuration);

builder.WebHost.ConfigureKestrel(kestrel =>
{
    // Objects are as large as clients make them; S3 itself caps a single PUT at 5 GiB, not 30 MB.
    kestrel.Limits.MaxRequestBodySize = null;
    // User metadata (x-amz-meta-*) may carry UTF-8, as MinIO accepts; Kestrel would otherwise reject or fail to echo it.
    kestrel.RequestHeaderEncodingSelector = _ => Encoding.UTF8;
    kestrel.ResponseHeaderEncodingSelector = _ => Encoding.UTF8;
});

builder.Services.AddSingleton(options);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<ObjectStore>();
builder.Services.AddSingleton<MultipartStore>();
builder.Services.AddSingleton<SigV4Verifier>();
builder.Services.AddSingleton<BucketOperations>();
builder.Services.AddSingleton<ObjectOperations>();
builder.Services.AddSingleton<ListObjectsOperations>();
builder.Services.AddSingleton<MultipartOperations>();
builder.Services.AddSingleton<DeleteObjectsOperation>();
builder.Services.AddSingleton<S3Owner>();
builder.Services.AddSingleton<S3RequestRouter>();
builder.Services.AddSingleton<S3RequestHandler>();

var app = builder.Build();

// MinIO's probes, unauthenticated, so the engine and the cluster check this server the way they check MinIO.
string[] probeMethods = [HttpMethods.Get, HttpMethods.Head];
app.MapMethods("/minio/health/live", probeMethods, () => Results.Ok());
app.MapMethods("/minio/health/ready", probeMethods, (ObjectStore store) =>
    Directory.Exists(store.Paths.Root) ? Results.Ok() : Results.StatusCode(StatusCodes.Status503ServiceUnavailable));

var handler = app.Services.GetRequiredService<S3RequestHandler>();
app.MapFallback("{**path}", handler.HandleAsync);

app.Run();
