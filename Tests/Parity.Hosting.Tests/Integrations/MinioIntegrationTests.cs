using System.Data.Common;
using System.Text;
using Minio;
using Minio.DataModel.Args;
using Minio.Exceptions;

namespace Parity.Hosting.Tests.Integrations;

public sealed class MinioIntegrationTests
{
    [Fact]
    public async Task StoresObjectsThroughTheInjectedConnectionStringAndRefusesAWrongSecret()
    {
        var builder = TestApp.CreateBuilder();
        builder.AddMinioContainer("storage");
        await using var app = builder.Build();
        await app.StartAsync(TestApp.Timeout());
        await app.WaitForHealthyAsync("storage");
        var connectionString = await app.GetConnectionStringAsync("storage", TestContext.Current.CancellationToken) ?? "";
        Assert.Matches(@"^Endpoint=http://localhost:\d+;AccessKey=minioadmin;SecretKey=\w{22}$", connectionString);

        using var client = Client(connectionString);
        await client.MakeBucketAsync(new MakeBucketArgs().WithBucket("images"), TestContext.Current.CancellationToken);
        var body = Encoding.UTF8.GetBytes("a picture of a cat");
        await client.PutObjectAsync(new PutObjectArgs().WithBucket("images").WithObject("cats/1.txt")
            .WithStreamData(new MemoryStream(body)).WithObjectSize(body.Length).WithContentType("text/plain"), TestContext.Current.CancellationToken);
        var read = new MemoryStream();
        await client.GetObjectAsync(new GetObjectArgs().WithBucket("images").WithObject("cats/1.txt")
            .WithCallbackStream(stream => stream.CopyTo(read)), TestContext.Current.CancellationToken);
        Assert.Equal(body, read.ToArray());

        using var intruder = Client(connectionString[..connectionString.LastIndexOf('=')] + "=wrong-secret");
        await Assert.ThrowsAnyAsync<AuthorizationException>(() => intruder.ListBucketsAsync(TestContext.Current.CancellationToken));
    }

    private static IMinioClient Client(string connectionString)
    {
        var parts = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var endpoint = new Uri((string)parts["Endpoint"]);
        return new MinioClient().WithEndpoint(endpoint.Host, endpoint.Port).WithCredentials((string)parts["AccessKey"], (string)parts["SecretKey"]).Build();
    }
}
