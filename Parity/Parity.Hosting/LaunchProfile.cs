using System.Text.Json;

namespace Parity.Hosting;

/// <summary>A profile of a project's <c>Properties/launchSettings.json</c>.</summary>
internal sealed record LaunchProfile(string Name, IReadOnlyList<Uri> ApplicationUrls, IReadOnlyDictionary<string, string> EnvironmentVariables)
{
    /// <summary>The named profile, or (as Aspire does) the first with <c>commandName: Project</c>; null when there is none.</summary>
    public static LaunchProfile? Read(string projectPath, string? profileName)
    {
        var file = Path.Combine(Path.GetDirectoryName(projectPath)!, "Properties", "launchSettings.json");
        if (!File.Exists(file))
        {
            return profileName is null ? null
                : throw new DistributedApplicationException($"Launch profile '{profileName}' was requested but '{file}' does not exist.");
        }

        using var document = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        });
        if (!document.RootElement.TryGetProperty("profiles", out var profiles))
        {
            return null;
        }

        foreach (var profile in profiles.EnumerateObject())
        {
            var matches = profileName is null
                ? profile.Value.TryGetProperty("commandName", out var command) && command.GetString() == "Project"
                : profile.Name == profileName;
            if (matches)
            {
                return FromJson(profile.Name, profile.Value);
            }
        }
        return profileName is null ? null
            : throw new DistributedApplicationException($"Launch profile '{profileName}' not found in '{file}'.");
    }

    private static LaunchProfile FromJson(string name, JsonElement profile)
    {
        var urls = profile.TryGetProperty("applicationUrl", out var url) && url.GetString() is { } text
            ? text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(u => new Uri(u)).ToList()
            : [];
        var environment = profile.TryGetProperty("environmentVariables", out var env)
            ? env.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString())
            : [];
        return new LaunchProfile(name, urls, environment);
    }
}
