namespace Parity.S3.Tests.Server;

/// <summary>Where the built server is: the test project references it, so its dll and runtime config sit beside the tests.</summary>
internal static class ServerAssembly
{
    public static string Path
    {
        get
        {
            var path = typeof(S3ServerOptions).Assembly.Location;
            var runtimeConfig = System.IO.Path.ChangeExtension(path, ".runtimeconfig.json");
            return File.Exists(runtimeConfig)
                ? path
                : throw new FileNotFoundException($"{runtimeConfig} is missing, so {path} cannot be started with dotnet.");
        }
    }
}
