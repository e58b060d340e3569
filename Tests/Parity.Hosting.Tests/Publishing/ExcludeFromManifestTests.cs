using System.Text.Json.Nodes;
using Parity.Hosting.Kubernetes;
using Parity.Hosting.Publishing;

namespace Parity.Hosting.Tests.Publishing;

/// <summary>ExcludeFromManifest: the resource runs locally, and no published manifest knows it.</summary>
public sealed class ExcludeFromManifestTests
{
    [Fact]
    public void AnExcludedResourceIsInNeitherTheAspireManifestNorTheKubernetesManifests()
    {
        var builder = TestApp.CreateBuilder();
        builder.AddProject<Projects.TestService>("api");
        builder.AddProject<Projects.TestService>("seeder").ExcludeFromManifest();
        var model = new DistributedApplicationModel([.. builder.Resources]);
        var output = Directory.CreateTempSubdirectory("parity-publish-").FullName;
        try
        {
            var manifestPath = Path.Combine(output, "aspire-manifest.json");
            ManifestPublisher.Write(model, manifestPath);
            var root = KubernetesPublisher.Write(model, output, "test");

            var resources = JsonNode.Parse(File.ReadAllText(manifestPath))!["resources"]!.AsObject();
            Assert.Equal(["api"], resources.Select(r => r.Key));
            var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
            Assert.Contains("api-deployment.yaml", files);
            Assert.DoesNotContain(files, f => f!.StartsWith("seeder", StringComparison.Ordinal));
            Assert.DoesNotContain("seeder", string.Concat(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(File.ReadAllText)));
            Assert.Empty(ParityCheck.Compare(model, dashboardRuns: false, name => name == "api" ? ParityCheck.LocalKeys((ProjectResource)model.Find("api")!, model, false).ToHashSet() : null));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
