using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Publishing;

namespace Parity.Hosting.Orchestration;

/// <summary>
/// The last successful run of a run-once project that waits only for persistent servers (a migration against a
/// persistent database), as one stamp: the files of its build, its configuration as published, and the server
/// processes it ran against. The next run skips it while the stamp is unchanged, as a build skips an up-to-date
/// target: the same code with the same configuration already ran against the same running servers. Any difference
/// (a rebuild, a changed setting, a server started afresh) runs it again. Kept in <c>&lt;state&gt;/run-once/</c>.
/// </summary>
internal sealed class RunOnceCompletion(string file, Func<Task<string?>> stamp)
{
    public const string SkippedMessage = "not run: it completed before with the same build and configuration against the same running servers";

    /// <summary>A completion record for the resource, when it is a run-once project whose every wait is for a persistent server.</summary>
    public static RunOnceCompletion? For(
        IResource resource, DistributedApplicationModel model, ProjectOutputs outputs, Func<IResource, bool> isPersistent, string stateDirectory)
    {
        if (resource is not ProjectResource project || !LaunchDescription.IsRunOnce(resource, model))
        {
            return null;
        }
        var servers = resource.AnnotationsOf<WaitAnnotation>().Select(w => ServerOf(w.Resource)).Distinct().ToList();
        if (servers.Count == 0 || !servers.All(isPersistent))
        {
            return null;
        }
        return new RunOnceCompletion(Path.Combine(stateDirectory, "run-once", resource.Name), async () =>
        {
            var running = servers.Select(s => PersistentRecord.Read(stateDirectory, s.Name)).ToList();
            if (running.Any(r => r is null))
            {
                return null;
            }
            var text = new StringBuilder();
            foreach (var server in running)
            {
                text.Append("server ").Append(server!.Resource).Append(' ').Append(server.Process.Pid).Append(' ').AppendLine(server.Process.StartTime.ToString(CultureInfo.InvariantCulture));
            }
            BuildStamp.Append(text, Path.GetDirectoryName(await outputs.ResolveAsync(project))!, "*.dll", SearchOption.TopDirectoryOnly);
            // As published: the declared configuration, free of this run's ports and keys.
            var launch = LaunchDescription.Of(resource, model, new EnvironmentContext(EnvironmentTarget.Manifest));
            foreach (var arg in launch.Args)
            {
                text.Append("arg ").AppendLine(arg.Render(ManifestExpressionRenderer.Instance));
            }
            foreach (var (key, value) in launch.Environment.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                text.Append("env ").Append(key).Append('=').AppendLine(value.Render(ManifestExpressionRenderer.Instance));
            }
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        });
    }

    /// <summary>The stamp of what is about to run; null when it cannot be told (a server has no record).</summary>
    public Task<string?> StampAsync() => stamp();

    public async Task<bool> IsCurrentAsync() => File.Exists(file) && await stamp() is { } current && current == await File.ReadAllTextAsync(file);

    /// <summary>Forgotten when it starts, so a run that does not complete leaves nothing to skip on.</summary>
    public void Forget()
    {
        if (File.Exists(file))
        {
            File.Delete(file);
        }
    }

    public void Record(string completed)
    {
        using var record = OwnerOnly.CreateFile(file);
        record.Write(Encoding.UTF8.GetBytes(completed));
    }

    private static IResource ServerOf(IResource resource) =>
        resource is IResourceWithParent { Parent: { } parent } ? ServerOf(parent) : resource;
}
