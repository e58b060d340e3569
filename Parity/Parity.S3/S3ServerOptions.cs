namespace Parity.S3;

/// <summary>What the server needs to know from its environment: where objects live and who may sign requests.</summary>
internal sealed record S3ServerOptions(string DataDirectory, string AccessKey, string SecretKey, string Region)
{
    public const string DefaultRegion = "us-east-1";

    // MinIO's own defaults, so a client configured for an unconfigured MinIO works here too.
    private const string DefaultCredential = "minioadmin";

    public static S3ServerOptions FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection("S3");
        var dataDirectory = section["DataDirectory"];
        if (string.IsNullOrWhiteSpace(dataDirectory))
        {
            throw new InvalidOperationException(
                "Set S3__DataDirectory (environment) or --S3:DataDirectory (command line) to the folder that holds the buckets.");
        }

        // MINIO_ROOT_USER / MINIO_ROOT_PASSWORD are accepted so a launcher written for MinIO starts this server unchanged.
        var accessKey = FirstSet(section["AccessKey"], configuration["MINIO_ROOT_USER"]) ?? DefaultCredential;
        var secretKey = FirstSet(section["SecretKey"], configuration["MINIO_ROOT_PASSWORD"]) ?? DefaultCredential;
        var region = FirstSet(section["Region"], configuration["MINIO_REGION"]) ?? DefaultRegion;
        return new S3ServerOptions(Path.GetFullPath(dataDirectory), accessKey, secretKey, region);
    }

    private static string? FirstSet(params string?[] values) =>
        values.FirstOrDefault(value => !string.IsNullOrEmpty(value));
}
