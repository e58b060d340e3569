using System.Text.Json.Nodes;
using NJsonSchema;
using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Publishing;
using Parity.Testing;

namespace EndToEnd.Tests;

/// <summary>aspire-manifest.json as the reference AppHost publishes it: committed, current, valid, and free of secrets.</summary>
public sealed class ManifestPublishingTests
{
    private static readonly string RepositoryRoot = Path.GetDirectoryName(Path.GetDirectoryName(new Projects.AppHost().ProjectPath))!;

    [Fact]
    public async Task TheCommittedManifestIsWhatTheAppHostPublishesNow()
    {
        // Published beside the committed one, so the relative project paths are the same.
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(TestContext.Current.CancellationToken);
        var fresh = Path.Combine(RepositoryRoot, $"aspire-manifest.{Guid.NewGuid():N}.json");
        try
        {
            ManifestPublisher.Write(new DistributedApplicationModel([.. builder.Resources]), fresh);
            var committed = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot, "aspire-manifest.json"), TestContext.Current.CancellationToken);
            Assert.True(committed == await File.ReadAllTextAsync(fresh, TestContext.Current.CancellationToken),
                "aspire-manifest.json is stale: run `dotnet run --project AppHost -- publish` and commit the result.");
        }
        finally
        {
            File.Delete(fresh);
        }
    }

    [Fact]
    public async Task TheManifestValidatesAgainstAspiresSchema()
    {
        var schema = await JsonSchema.FromJsonAsync(await SchemaAsync(), TestContext.Current.CancellationToken);
        var errors = schema.Validate(await PublishAsync());
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(Describe)));
    }

    [Fact]
    public async Task NoSecretValueIsPublished()
    {
        const string password = "a-very-secret-password-that-must-never-be-published-0123456789";
        var state = Directory.CreateTempSubdirectory("parity-publish-").FullName;
        var manifest = await PublishAsync($"--Parameters:postgres-password={password}", $"--Parity:StateDirectory={state}");

        Assert.DoesNotContain(password, manifest);
        // The development signing key is for the local run only: the published gateway validates an authority's tokens.
        Assert.Contains("\"Jwt__SigningKey\": \"\"", manifest);
        Assert.Contains("\"Authentication__Authority\": \"{oidc-authority.value}\"", manifest);
        Assert.Contains("\"connectionString\": \"Host={postgres.bindings.tcp.host};Port={postgres.bindings.tcp.port};Username=postgres;Password={postgres-password.value}\"", manifest);
        var secretsFile = Path.Combine(state, "secrets.json");
        if (File.Exists(secretsFile))
        {
            foreach (var secret in System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(secretsFile, TestContext.Current.CancellationToken))!.Values)
            {
                Assert.DoesNotContain(secret, manifest);
            }
        }
    }

    private static async Task<string> PublishAsync(params string[] extraArgs)
    {
        var output = Directory.CreateTempSubdirectory("parity-manifest-").FullName;
        var (exitCode, _, stderr) = await ProgramRun.RunAppHostAsync(["publish", "--output", output, .. extraArgs]);
        Assert.True(exitCode == 0, stderr);
        return await File.ReadAllTextAsync(Path.Combine(output, "aspire-manifest.json"), TestContext.Current.CancellationToken);
    }

    internal static string Describe(NJsonSchema.Validation.ValidationError error) => error switch
    {
        NJsonSchema.Validation.ChildSchemaValidationError child =>
            $"{error.Path}: {error.Kind} [{string.Join("; ", child.Errors.SelectMany(e => e.Value).Select(Describe))}]",
        _ => $"{error.Path}: {error.Kind}",
    };

    /// <summary>
    /// Aspire's published schema (a copy under Schemas/). NJsonSchema reads neither boolean subschemas
    /// (<c>"build": false</c>) nor <c>const</c>, so those become their equivalent object and <c>enum</c> forms first.
    /// </summary>
    internal static async Task<string> SchemaAsync()
    {
        var path = Path.Combine(RepositoryRoot, "Tests", "EndToEnd.Tests", "Schemas", "aspire-8.0.json");
        var schema = JsonNode.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken))!;
        ReplaceUnsupportedForms(schema);
        return schema.ToJsonString();
    }

    private static void ReplaceUnsupportedForms(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            if (obj["const"] is JsonNode constant)
            {
                obj.Remove("const");
                obj["enum"] = new JsonArray(constant.DeepClone());
            }
            if (obj["properties"] is JsonObject properties)
            {
                foreach (var (name, value) in properties.ToList())
                {
                    if (value is JsonValue flag && flag.TryGetValue<bool>(out var allowed))
                    {
                        properties[name] = allowed ? new JsonObject() : new JsonObject { ["not"] = new JsonObject() };
                    }
                }
            }
            foreach (var (_, child) in obj.ToList())
            {
                if (child is not null)
                {
                    ReplaceUnsupportedForms(child);
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array.Where(c => c is not null))
            {
                ReplaceUnsupportedForms(child!);
            }
        }
    }
}
